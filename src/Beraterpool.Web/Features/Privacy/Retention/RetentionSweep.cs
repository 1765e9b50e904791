using System.Text.Json;
using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Audit;
using Beraterpool.Web.Features.Email;
using Beraterpool.Web.Features.Engagements;
using Beraterpool.Web.Features.Jobs;
using Beraterpool.Web.Features.Messages;
using Beraterpool.Web.Features.Requests;
using Beraterpool.Web.Features.Requests.Manage;
using Beraterpool.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Privacy.Retention;

/// <summary>The daily job: applies the rules in force and writes its report.</summary>
public sealed class RetentionJob : IScheduledJob
{
    public const string JobName = "retention";
    public string Name => JobName;
    public TimeSpan Period => TimeSpan.FromDays(1);
    public TimeSpan LeaseDuration => TimeSpan.FromHours(1);

    public Task RunAsync(IServiceProvider services, JobRun run, CancellationToken ct) =>
        services.GetRequiredService<RetentionSweep>().RunAsync(run, ct);
}

/// <summary>
/// Deletes or anonymises what its rule says is no longer needed, one kind after the other; a failing kind is reported and
/// the others still run. Aggregates stay right: the public statistics count advisors only (untouched here), and the day
/// quota is a ledger of its own (<c>DayQuotaAccounts</c>) — the activities it was booked from are kept, anonymised, with
/// their dates and half days, because fee statements bill them.
/// </summary>
public sealed class RetentionSweep(AppDbContext db, RetentionRules rules, TimeProvider time, ILogger<RetentionSweep> log)
{
    /// <summary>What replaces a name; an anonymised request also has an empty contact e-mail, which marks it as done.</summary>
    public const string Anonymised = "(anonymisiert)";
    private const int Batch = 200;

    public async Task<RetentionRun> RunAsync(JobRun run, CancellationToken ct)
    {
        // Saved at the start: a run that dies midway still shows up (started, never finished).
        var report = new RetentionRun { StartedAt = run.StartedAt, Instance = run.Instance, RequestedByUserId = run.RequestedByUserId };
        db.Add(report);
        await db.SaveChangesAsync(ct);

        var current = await rules.CurrentAsync(ct);
        var now = time.GetUtcNow();
        var steps = new (string Kind, Func<int, Task<int>> Apply)[]
        {
            (RetentionKinds.WithdrawnRequests, months => DeleteRequestsAsync(RequestStatus.Withdrawn, RetentionKinds.DueBefore(months, now), ct)),
            (RetentionKinds.DeclinedRequests, months => DeleteRequestsAsync(RequestStatus.Declined, RetentionKinds.DueBefore(months, now), ct)),
            (RetentionKinds.ClosedEngagements, months => AnonymiseEngagementsAsync(RetentionKinds.DueBefore(months, now), ct)),
            (RetentionKinds.SecurityAudit, months => DeleteAuditAsync(security: true, RetentionKinds.DueBefore(months, now), ct)),
            (RetentionKinds.ChangeAudit, months => DeleteAuditAsync(security: false, RetentionKinds.DueBefore(months, now), ct)),
            (RetentionKinds.SentMails, months => db.OutboxMails
                .Where(m => m.Status == OutboxStatus.Sent && m.SentAt != null && m.SentAt < RetentionKinds.DueBefore(months, now)).ExecuteDeleteAsync(ct)),
            (RetentionKinds.FeeStatements, years => DeleteFeeStatementsAsync(RetentionKinds.LastDueYear(years, time.LocalYear()), ct)),
        };
        var counts = new Dictionary<string, int>();
        var errors = new List<string>();
        foreach (var (kind, apply) in steps)
        {
            try
            {
                counts[kind] = await apply(current[kind]);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                log.LogError(e, "Retention of {Kind} failed", kind);
                errors.Add($"{kind}: {e.GetType().Name}: {e.Message}");
                db.ChangeTracker.Clear();
                db.Attach(report);
            }
        }

        report.FinishedAt = time.GetUtcNow();
        report.Counts = JsonSerializer.Serialize(counts);
        var joined = string.Join("\n", errors);
        report.Errors = errors.Count == 0 ? null : joined[..Math.Min(joined.Length, 4000)];
        // An administrator's "run now" is an administrative action; the daily runs have their reports only.
        if (run.RequestedByUserId is { } userId)
            db.Audit("retention.run", "retention-run:" + report.Id, userId, details: report.Counts);
        await db.SaveChangesAsync(ct);
        return report;
    }

    /// <summary>
    /// A withdrawn or declined request, counted from the step that ended it. Everything hanging on it goes by cascade
    /// (timeline, intake conversation, notes, messages, proposals, shared contacts); such a request never had an engagement.
    /// </summary>
    private async Task<int> DeleteRequestsAsync(RequestStatus status, DateTimeOffset before, CancellationToken ct)
    {
        var ids = await db.ConsultationRequests
            .Where(r => r.Status == status && !db.Engagements.Any(e => e.RequestId == r.Id)
                        && (r.StatusChanges.Any(c => c.To == status && c.At < before)
                            || (!r.StatusChanges.Any(c => c.To == status) && r.UpdatedAt < before)))
            .Select(r => r.Id).ToListAsync(ct);
        var deleted = 0;
        foreach (var chunk in ids.Chunk(Batch))
            deleted += await db.ConsultationRequests.Where(r => chunk.Contains(r.Id) && r.Status == status).ExecuteDeleteAsync(ct);
        return deleted;
    }

    /// <summary>
    /// A closed engagement keeps its skeleton — municipality, dates, topics, options, activity days — for the fee statements
    /// that bill it and the programme's figures; the people in it and what they wrote go. One transaction per batch, and the
    /// request's empty e-mail (the marker) is written with the rest, so a batch is anonymised completely or not at all.
    /// </summary>
    private async Task<int> AnonymiseEngagementsAsync(DateTimeOffset before, CancellationToken ct)
    {
        var due = await db.Engagements
            .Where(e => e.Status == EngagementStatus.Closed && e.ClosedAt != null && e.ClosedAt < before)
            .Join(db.ConsultationRequests.Where(r => r.ContactEmail != ""), e => e.RequestId, r => r.Id, (e, r) => new { EngagementId = e.Id, RequestId = r.Id })
            .ToListAsync(ct);
        foreach (var chunk in due.Chunk(Batch))
        {
            var engagements = chunk.Select(x => x.EngagementId).ToArray();
            var requests = chunk.Select(x => x.RequestId).Distinct().ToArray();
            await using var tx = await db.Database.BeginTransactionAsync(ct);

            await db.Set<EngagementComment>().Where(x => engagements.Contains(x.EngagementId)).ExecuteDeleteAsync(ct);
            await db.Set<EngagementDocument>().Where(x => engagements.Contains(x.EngagementId)).ExecuteDeleteAsync(ct);
            await db.Set<Message>().Where(x => requests.Contains(x.RequestId)).ExecuteDeleteAsync(ct);
            await db.Set<InternalNote>().Where(x => requests.Contains(x.RequestId)).ExecuteDeleteAsync(ct);
            await db.Set<ContactShare>().Where(x => requests.Contains(x.RequestId)).ExecuteDeleteAsync(ct);

            await db.Engagements.Where(x => engagements.Contains(x.Id)).ExecuteUpdateAsync(s => s.SetProperty(x => x.FeedbackText, (string?)null), ct);
            await db.EngagementAdvisors.Where(x => engagements.Contains(x.EngagementId)).ExecuteUpdateAsync(s => s.SetProperty(x => x.Reflection, (string?)null), ct);
            await db.Activities.Where(x => engagements.Contains(x.EngagementId)).ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Participants, (string?)null).SetProperty(x => x.Notes, (string?)null).SetProperty(x => x.ReturnQuestion, (string?)null), ct);
            await db.ActionOptions.Where(x => engagements.Contains(x.EngagementId)).ExecuteUpdateAsync(s => s.SetProperty(x => x.CarriedOutBy, (string?)null), ct);
            await db.Learnings.Where(x => engagements.Contains(x.EngagementId)).ExecuteUpdateAsync(s => s
                .SetProperty(x => x.AuthorName, Anonymised).SetProperty(x => x.AuthorUserId, (string?)null), ct);
            await db.EngagementInvitations.Where(x => requests.Contains(x.RequestId)).ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Reason, (string?)null).SetProperty(x => x.MatchExplanation, (string?)null), ct);
            await db.IntakeConversations.Where(x => requests.Contains(x.RequestId)).ExecuteUpdateAsync(s => s.SetProperty(x => x.Participants, Anonymised), ct);
            await db.RequestStatusChanges.Where(x => requests.Contains(x.RequestId)).ExecuteUpdateAsync(s => s
                .SetProperty(x => x.ActorName, Anonymised).SetProperty(x => x.ActorUserId, (string?)null).SetProperty(x => x.Note, (string?)null), ct);
            // The personal link stops working: its hash is replaced by one nobody holds a secret for.
            await db.ConsultationRequests.Where(x => requests.Contains(x.Id)).ExecuteUpdateAsync(s => s
                .SetProperty(x => x.ContactName, Anonymised).SetProperty(x => x.ContactEmail, "")
                .SetProperty(x => x.ContactPhone, (string?)null).SetProperty(x => x.ContactFunction, (string?)null)
                .SetProperty(x => x.Department, (string?)null).SetProperty(x => x.HeardFrom, (string?)null)
                .SetProperty(x => x.ContactUserId, (string?)null).SetProperty(x => x.TrackingTokenProtected, (string?)null)
                .SetProperty(x => x.TrackingTokenHash, x => "anonymised-" + x.Id.ToString()), ct);

            await tx.CommitAsync(ct);
        }
        return due.Count;
    }

    private Task<int> DeleteAuditAsync(bool security, DateTimeOffset before, CancellationToken ct)
    {
        var old = db.AuditEntries.Where(e => e.At < before);
        return (security ? old.Where(e => e.Action.StartsWith(SecurityEvents.ActionPrefix)) : old.Where(e => !e.Action.StartsWith(SecurityEvents.ActionPrefix)))
            .ExecuteDeleteAsync(ct);
    }

    /// <summary>
    /// § 147 AO counts from the end of the year the record was made: the year it was paid, else the year it was created —
    /// and never before the month it bills. Travel costs and their receipts go by cascade. The activities it billed go with
    /// it: left behind unbilled, they would be offered for billing a second time. The day quota's ledger keeps its count.
    /// </summary>
    private async Task<int> DeleteFeeStatementsAsync(int lastDueYear, CancellationToken ct)
    {
        var candidates = await db.FeeStatements.AsNoTracking().Where(f => f.Year <= lastDueYear)
            .Select(f => new { f.Id, f.Year, f.PaidOn, f.CreatedAt }).ToListAsync(ct);
        var ids = candidates
            .Where(f => Math.Max(f.Year, f.PaidOn?.Year ?? ProgrammeTime.LocalDate(f.CreatedAt).Year) <= lastDueYear)
            .Select(f => f.Id).ToList();
        var deleted = 0;
        foreach (var chunk in ids.Chunk(Batch))
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.Activities.Where(a => a.FeeStatementId != null && chunk.Contains(a.FeeStatementId.Value)).ExecuteDeleteAsync(ct);
            deleted += await db.FeeStatements.Where(f => chunk.Contains(f.Id)).ExecuteDeleteAsync(ct);
            await tx.CommitAsync(ct);
        }
        return deleted;
    }
}
