using Beraterpool.Web.Data;

namespace Beraterpool.Web.Features.Audit;

public static class AuditLog
{
    /// <summary>Adds an entry to the context; it is saved with the change it records.</summary>
    public static void Audit(this AppDbContext db, string action, string subject, string? userId, int? poolId = null, string? details = null) =>
        db.AuditEntries.Add(new AuditEntry
        {
            At = DateTimeOffset.UtcNow, Action = action, Subject = subject, UserId = userId, PoolId = poolId, Details = details,
        });
}
