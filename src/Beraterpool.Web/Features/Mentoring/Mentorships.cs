using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Audit;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Mentoring;

/// <summary>
/// Who sees which pair, and the one way a pair's status changes. A mentor sees the pairs they mentor; a coordinator
/// every pair of the pools they coordinate (an administrator: all). Anyone else sees none, so a pair out of reach is a 404.
/// </summary>
public sealed class Mentorships(AppDbContext db, PoolAccess access, TimeProvider time)
{
    public sealed record MenteeRow(int Id, string Advisor, string Pool, MentorshipStatus Status, DateOnly? StartDate, DateOnly? EndDate, int Meetings, DateOnly? LastMeeting);
    public sealed record MeetingRow(DateOnly Date, string Topics, string? NextSteps);
    public sealed record AdvisorPair(int Id, string Mentor, string? MentorEmail, MentorshipStatus Status, DateOnly? StartDate, DateOnly? EndDate, string Goals,
        IReadOnlyList<MeetingRow> Meetings);

    public string? UserId => access.UserId;

    /// <summary>The mentor's own pairs, running ones first.</summary>
    public async Task<IReadOnlyList<MenteeRow>> OfMentorAsync(string? mentorUserId, CancellationToken ct)
    {
        if (mentorUserId is null) return [];
        var rows = await db.Mentorships.AsNoTracking().Where(m => m.MentorUserId == mentorUserId)
            .Select(m => new MenteeRow(m.Id,
                db.Advisors.Where(a => a.Id == m.AdvisorId).Select(a => a.FirstName + " " + a.LastName).First(),
                db.Pools.Where(p => p.Id == m.PoolId).Select(p => p.Name).First(),
                m.Status, m.StartDate, m.EndDate, m.Meetings.Count, m.Meetings.Max(x => (DateOnly?)x.Date)))
            .ToListAsync(ct);
        return rows.OrderBy(r => MentorshipWorkflow.IsFinal(r.Status)).ThenByDescending(r => r.StartDate).ThenBy(r => r.Advisor, StringComparer.CurrentCulture).ToList();
    }

    /// <summary>The advisor's own mentoring (their profiles' pairs), with the meetings, for their overview.</summary>
    public async Task<IReadOnlyList<AdvisorPair>> OfAdvisorsAsync(IReadOnlyCollection<int> advisorIds, CancellationToken ct)
    {
        var pairs = await db.Mentorships.AsNoTracking().Where(m => advisorIds.Contains(m.AdvisorId))
            .OrderByDescending(m => m.StartDate).ThenByDescending(m => m.Id)
            .Select(m => new
            {
                m.Id, m.Status, m.StartDate, m.EndDate, m.Goals,
                Mentor = db.Users.Where(u => u.Id == m.MentorUserId).Select(u => new { u.DisplayName, u.Email }).First(),
            })
            .ToListAsync(ct);
        var ids = pairs.Select(p => p.Id).ToList();
        var meetings = (await db.MentoringMeetings.AsNoTracking().Where(x => ids.Contains(x.MentorshipId))
                .OrderByDescending(x => x.Date).ThenByDescending(x => x.Id)
                .Select(x => new { x.MentorshipId, Row = new MeetingRow(x.Date, x.Topics, x.NextSteps) }).ToListAsync(ct))
            .ToLookup(x => x.MentorshipId, x => x.Row);
        return pairs.OrderBy(p => MentorshipWorkflow.IsFinal(p.Status))
            .Select(p => new AdvisorPair(p.Id, p.Mentor.DisplayName ?? p.Mentor.Email ?? "", p.Mentor.Email, p.Status, p.StartDate, p.EndDate, p.Goals, meetings[p.Id].ToList()))
            .ToList();
    }

    public async Task<IQueryable<Mentorship>> VisibleAsync(CancellationToken ct)
    {
        var managed = await access.ManagedPoolIdsAsync(ct);
        var userId = access.UserId;
        var mentor = userId is not null && access.User.IsInRole(Roles.Mentor);
        return db.Mentorships.Where(m => managed.Contains(m.PoolId) || (mentor && m.MentorUserId == userId));
    }

    /// <summary>The office changes goals and dates and names the mentor; the mentor keeps the meetings log with the office.</summary>
    public async Task<bool> CanManageAsync(Mentorship pair, CancellationToken ct) => await access.CanManageAsync(pair.PoolId, ct);

    /// <summary>
    /// Moves the (tracked) pair if the workflow allows it, with its audit entry in the same transaction. Conditional on the
    /// status read: of two moves at once (the mentor completes while the office ends it early) only one wins.
    /// </summary>
    public async Task<bool> MoveAsync(Mentorship pair, MentorshipStatus to, CancellationToken ct)
    {
        if (!MentorshipWorkflow.CanMove(pair.Status, to)) return false;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = time.GetUtcNow();
        var from = pair.Status;
        var today = time.LocalToday();
        // Starting fills in a missing start date, ending a missing end date: the figures and the advisor's overview read them.
        var start = to == MentorshipStatus.Active && pair.StartDate is null ? today : pair.StartDate;
        var end = MentorshipWorkflow.IsFinal(to) && pair.EndDate is null ? (start is { } s && s > today ? s : today) : pair.EndDate;
        var moved = await db.Mentorships.Where(m => m.Id == pair.Id && m.Status == from)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.Status, to).SetProperty(m => m.UpdatedAt, now)
                .SetProperty(m => m.StartDate, start).SetProperty(m => m.EndDate, end), ct);
        if (moved == 0) return false;
        (pair.Status, pair.UpdatedAt, pair.StartDate, pair.EndDate) = (to, now, start, end);
        db.Entry(pair).State = EntityState.Unchanged;
        db.Audit($"mentorship.status.{to.ToString().ToLowerInvariant()}", $"mentorship:{pair.Id}", access.UserId, pair.PoolId, $"{from} -> {to}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }
}
