using Beraterpool.Web.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Beraterpool.Web.Features.Audit;

public static class AuditLog
{
    /// <summary>Adds an entry to the context; it is saved with the change it records.</summary>
    public static void Audit(this AppDbContext db, string action, string subject, string? userId, int? poolId = null, string? details = null) =>
        db.AuditEntries.Add(new AuditEntry
        {
            At = db.Time().GetUtcNow(), Action = action, Subject = subject, UserId = userId, PoolId = poolId, Details = details,
        });

    /// <summary>The app's TimeProvider, as the context was created with it (a test's fake clock stamps the entry too).</summary>
    public static TimeProvider Time(this AppDbContext db) =>
        db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService<TimeProvider>()
        ?? TimeProvider.System;
}
