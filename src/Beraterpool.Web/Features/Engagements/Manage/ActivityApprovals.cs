using System.Security.Cryptography;
using System.Text;
using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Engagements.Manage;

/// <summary>
/// Approving activity days, the step that makes them billable. Two rules hold here and not only on the page:
/// nobody approves their own days (the approver's account must not be the advisor's), and a day is approved only as
/// it was shown — each row carries a token of its date, kind, duration, participants and notes, and the approval is
/// a conditional update on exactly those values, so a day changed after the list was opened stays pending.
/// </summary>
public sealed class ActivityApprovals(TimeProvider time, AppDbContext db)
{
    public sealed record Outcome(int Approved, int Own, int Stale);

    /// <summary>What the approver saw of a day, short enough for a hidden field (not a secret: it only detects change).</summary>
    public static string Token(DateOnly date, ActivityKind kind, int halfDays, string? participants, string? notes)
    {
        var shown = $"{date:yyyy-MM-dd}|{(int)kind}|{halfDays}|{participants}|{notes}";
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(shown)))[..16];
    }

    public async Task<Outcome> ApproveAsync(IReadOnlyCollection<int> activityIds, IReadOnlyDictionary<int, string> shown, int[] poolIds,
        string? userId, CancellationToken ct)
    {
        var ids = activityIds.Distinct().ToList();
        var pending = await db.Activities.AsNoTracking()
            .Where(a => ids.Contains(a.Id) && a.ApprovedAt == null && a.ReturnedAt == null && db.Engagements.Any(e => e.Id == a.EngagementId && poolIds.Contains(e.PoolId)))
            .Select(a => new
            {
                a.Id, a.EngagementId, a.Date, a.Kind, a.HalfDays, a.Participants, a.Notes,
                PoolId = db.Engagements.Where(e => e.Id == a.EngagementId).Select(e => e.PoolId).First(),
                Own = userId != null && db.Advisors.Any(x => x.Id == a.AdvisorId && x.UserId == userId),
            })
            .ToListAsync(ct);
        var own = pending.Count(a => a.Own);
        var now = time.GetUtcNow();
        var approved = 0;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var a in pending.Where(a => !a.Own && shown.GetValueOrDefault(a.Id) == Token(a.Date, a.Kind, a.HalfDays, a.Participants, a.Notes)))
        {
            var changed = await db.Activities
                .Where(x => x.Id == a.Id && x.ApprovedAt == null && x.ReturnedAt == null && x.Date == a.Date && x.Kind == a.Kind && x.HalfDays == a.HalfDays
                            && x.Participants == a.Participants && x.Notes == a.Notes
                            && !db.Advisors.Any(v => v.Id == x.AdvisorId && v.UserId == userId))
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.ApprovedAt, now).SetProperty(x => x.ApprovedByUserId, userId), ct);
            if (changed != 1) continue;
            approved++;
            db.Audit("engagement.activity.approved", $"engagement:{a.EngagementId}", userId, a.PoolId, $"activity:{a.Id}; halfDays={a.HalfDays}");
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new Outcome(approved, own, ids.Count - approved - own);
    }
}
