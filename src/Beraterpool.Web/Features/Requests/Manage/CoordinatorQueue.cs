using Beraterpool.Web.Features.Shared;
using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Engagements;
using Beraterpool.Web.Features.Fees;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Requests.Manage;

/// <summary>
/// What waits for the coordinator on /manage: new requests by age, engagements without activity for 30 days,
/// fee statements to approve, municipalities that used 80 % of this year's days. Pool-scoped, a few rows each.
/// </summary>
public static class CoordinatorQueue
{
    public const int Rows = 8;
    public const int QuietDays = 30;

    public sealed record NewRequest(int Id, string Reference, string MunicipalityName, RequestStatus Status, DateTimeOffset CreatedAt);

    public sealed record QuietEngagement(int Id, string MunicipalityName, DateTimeOffset StartedAt, DateOnly? LastActivity);
    public sealed record StatementToApprove(int Id, string AdvisorName, int Year, int Month, DateTimeOffset? SubmittedAt);
    public sealed record NearQuota(int PoolId, string MunicipalityKey, string MunicipalityName, int QuotaHalfDays, int UsedHalfDays);

    public sealed record Result(int NewCount, IReadOnlyList<NewRequest> NewRequests, IReadOnlyList<QuietEngagement> QuietEngagements,
        IReadOnlyList<StatementToApprove> Statements, IReadOnlyList<NearQuota> NearQuota);

    public static async Task<Result> LoadAsync(AppDbContext db, TimeProvider time, int[] poolIds, CancellationToken ct)
    {
        var fresh = db.ConsultationRequests.AsNoTracking().Where(r => poolIds.Contains(r.PoolId) && r.Status == RequestStatus.Submitted);
        var newCount = await fresh.CountAsync(ct);
        var newRequests = await fresh.OrderBy(r => r.CreatedAt).Take(Rows)
            .Select(r => new NewRequest(r.Id, r.Reference,
                db.Municipalities.Where(m => m.OfficialKey == r.MunicipalityKey).Select(m => m.ShortName).FirstOrDefault() ?? r.MunicipalityKey,
                r.Status, r.CreatedAt))
            .ToListAsync(ct);

        var since = time.LocalToday().AddDays(-QuietDays);
        var startedBefore = time.GetUtcNow().AddDays(-QuietDays);
        var quiet = await db.Engagements.AsNoTracking()
            .Where(e => poolIds.Contains(e.PoolId) && e.Status == EngagementStatus.Active && e.StartedAt < startedBefore
                        && !db.Activities.Any(a => a.EngagementId == e.Id && a.Date >= since))
            .OrderBy(e => e.StartedAt).Take(Rows)
            .Select(e => new QuietEngagement(e.Id,
                db.Municipalities.Where(m => m.OfficialKey == e.MunicipalityKey).Select(m => m.ShortName).FirstOrDefault() ?? e.MunicipalityKey,
                e.StartedAt,
                db.Activities.Where(a => a.EngagementId == e.Id).Max(a => (DateOnly?)a.Date)))
            .ToListAsync(ct);

        var statements = await db.FeeStatements.AsNoTracking()
            .Where(f => poolIds.Contains(f.PoolId) && f.Status == FeeStatementStatus.Submitted)
            .OrderBy(f => f.SubmittedAt).Take(Rows)
            .Select(f => new StatementToApprove(f.Id,
                db.Advisors.Where(a => a.Id == f.AdvisorId).Select(a => a.FirstName + " " + a.LastName).FirstOrDefault() ?? "",
                f.Year, f.Month, f.SubmittedAt))
            .ToListAsync(ct);

        var year = time.LocalYear();
        var nearQuota = await db.DayQuotaAccounts.AsNoTracking()
            .Where(q => poolIds.Contains(q.PoolId) && q.Year == year && q.QuotaHalfDays > 0 && q.UsedHalfDays * 5 >= q.QuotaHalfDays * 4)
            .OrderByDescending(q => q.UsedHalfDays * 100 / q.QuotaHalfDays).ThenBy(q => q.MunicipalityKey).Take(Rows)
            .Select(q => new NearQuota(q.PoolId, q.MunicipalityKey,
                db.Municipalities.Where(m => m.OfficialKey == q.MunicipalityKey).Select(m => m.ShortName).FirstOrDefault() ?? q.MunicipalityKey,
                q.QuotaHalfDays, q.UsedHalfDays))
            .ToListAsync(ct);

        return new Result(newCount, newRequests, quiet, statements, nearQuota);
    }
}
