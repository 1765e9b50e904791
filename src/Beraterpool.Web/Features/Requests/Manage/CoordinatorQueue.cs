using Beraterpool.Web.Features.Shared;
using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Engagements;
using Beraterpool.Web.Features.Fees;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Requests.Manage;

/// <summary>
/// What waits for the coordinator on /manage: counts of everything open (new requests, the coordinator's own, activities
/// and fee statements to approve, proposals the advisors have not answered, questions the municipality has not answered
/// for 7 days), then new requests by age, reminders, fee statements to approve, municipalities that used 80 % of this
/// year's days. Pool-scoped, a few rows each.
/// </summary>
public static class CoordinatorQueue
{
    public const int Rows = 8;
    public const int QuietDays = 30;
    /// <summary>A question to the municipality unanswered this long is a reminder.</summary>
    public const int UnansweredDays = 7;

    public sealed record NewRequest(int Id, string Reference, string MunicipalityName, RequestStatus Status, DateTimeOffset CreatedAt);

    public sealed record QuietEngagement(int Id, string MunicipalityName, DateTimeOffset StartedAt, DateOnly? LastActivity);
    public sealed record StatementToApprove(int Id, string AdvisorName, int Year, int Month, DateTimeOffset? SubmittedAt);
    public sealed record NearQuota(int PoolId, string MunicipalityKey, string MunicipalityName, int QuotaHalfDays, int UsedHalfDays);

    public sealed record WaitingProposal(int RequestId, string Reference, string AdvisorName, DateTimeOffset ProposedAt);
    public sealed record Unanswered(int Id, string Reference, string MunicipalityName, DateTimeOffset AskedAt);
    public sealed record Counts(int New, int Mine, int Activities, int Proposals, int Unanswered, int Statements);

    public sealed record Result(int NewCount, IReadOnlyList<NewRequest> NewRequests, IReadOnlyList<QuietEngagement> QuietEngagements,
        IReadOnlyList<StatementToApprove> Statements, IReadOnlyList<NearQuota> NearQuota,
        Counts Totals, IReadOnlyList<WaitingProposal> Proposals, IReadOnlyList<Unanswered> UnansweredQuestions);

    public static async Task<Result> LoadAsync(AppDbContext db, TimeProvider time, int[] poolIds, string? userId, CancellationToken ct)
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

        var open = RequestWorkflow.OpenStatuses;
        var mine = await db.ConsultationRequests.CountAsync(r => poolIds.Contains(r.PoolId) && open.Contains(r.Status) && r.ResponsibleUserId == userId, ct);
        var activities = await db.Activities.CountAsync(a => a.ApprovedAt == null && a.ReturnedAt == null
            && db.Engagements.Any(e => e.Id == a.EngagementId && poolIds.Contains(e.PoolId)), ct);
        var statementCount = await db.FeeStatements.CountAsync(f => poolIds.Contains(f.PoolId) && f.Status == FeeStatementStatus.Submitted, ct);

        var pending = db.EngagementInvitations.AsNoTracking().Where(i => i.Status == InvitationStatus.Pending
            && db.ConsultationRequests.Any(r => r.Id == i.RequestId && poolIds.Contains(r.PoolId)));
        var proposalCount = await pending.CountAsync(ct);
        var proposals = await pending.OrderBy(i => i.CreatedAt).Take(Rows)
            .Select(i => new WaitingProposal(i.RequestId,
                db.ConsultationRequests.Where(r => r.Id == i.RequestId).Select(r => r.Reference).First(),
                db.Advisors.Where(a => a.Id == i.AdvisorId).Select(a => a.FirstName + " " + a.LastName).First(),
                i.CreatedAt))
            .ToListAsync(ct);

        // The request waits for the municipality since its last move (to "needs information").
        var askedBefore = time.GetUtcNow().AddDays(-UnansweredDays);
        var unanswered = db.ConsultationRequests.AsNoTracking()
            .Where(r => poolIds.Contains(r.PoolId) && r.Status == RequestStatus.NeedsInformation)
            .Select(r => new { r.Id, r.Reference, r.MunicipalityKey, AskedAt = r.StatusChanges.Max(c => (DateTimeOffset?)c.At) ?? r.UpdatedAt })
            .Where(r => r.AskedAt < askedBefore);
        var unansweredCount = await unanswered.CountAsync(ct);
        var unansweredRows = await unanswered.OrderBy(r => r.AskedAt).Take(Rows)
            .Select(r => new Unanswered(r.Id, r.Reference,
                db.Municipalities.Where(m => m.OfficialKey == r.MunicipalityKey).Select(m => m.ShortName).FirstOrDefault() ?? r.MunicipalityKey,
                r.AskedAt))
            .ToListAsync(ct);

        return new Result(newCount, newRequests, quiet, statements, nearQuota,
            new Counts(newCount, mine, activities, proposalCount, unansweredCount, statementCount), proposals, unansweredRows);
    }
}
