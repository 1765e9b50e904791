using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Engagements;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Matching;

/// <summary>
/// Gives the scorer the facts about every advisor of a pool: what changes rarely (status, topics, languages,
/// city coordinates, employer, days per month, blocked periods) from the pool's in-memory
/// <see cref="CandidateSnapshots"/>, what changes with every logged day or proposal (workload this year,
/// invitations of this request) from the database in three small grouped queries.
/// </summary>
public static class CandidateLoader
{
    public static async Task<List<MatchCandidate>> LoadAsync(AppDbContext db, CandidateSnapshots snapshots, int poolId, int? requestId,
        int year, CancellationToken ct = default)
    {
        var snapshot = await snapshots.ForPoolAsync(poolId, ct);
        var facts = snapshot.Advisors;
        if (facts.Length == 0) return [];
        // Fresh candidates per request: the per-request fields below are written; the snapshot's arrays are shared read-only.
        var candidates = new List<MatchCandidate>(facts.Length);
        foreach (var f in facts)
        {
            candidates.Add(new MatchCandidate
            {
                Id = f.Id, FirstName = f.FirstName, LastName = f.LastName, Slug = f.Slug, Status = f.Status,
                DaysPerMonth = f.DaysPerMonth, EmployerKey = f.EmployerKey,
                CityName = f.CityName, Latitude = f.Latitude, Longitude = f.Longitude,
                TopicIds = f.TopicIds, Languages = f.Languages, BlockedPeriods = f.BlockedPeriods,
            });
        }
        var index = snapshot.IndexOf;
        MatchCandidate? Find(int advisorId) => index.TryGetValue(advisorId, out var i) ? candidates[i] : null;

        var yearStart = new DateOnly(year, 1, 1);
        var yearEnd = new DateOnly(year, 12, 31);
        var days = await (
                from x in db.Activities
                join e in db.Engagements on x.EngagementId equals e.Id
                where e.PoolId == poolId && x.Date >= yearStart && x.Date <= yearEnd
                group x by x.AdvisorId into g
                select new { AdvisorId = g.Key, HalfDays = g.Sum(x => x.HalfDays) })
            .ToListAsync(ct);
        foreach (var d in days)
            if (Find(d.AdvisorId) is { } c) c.HalfDaysThisYear = d.HalfDays;

        var open = await (
                from ea in db.EngagementAdvisors
                join e in db.Engagements on ea.EngagementId equals e.Id
                where e.PoolId == poolId && e.Status != EngagementStatus.Closed
                group ea by ea.AdvisorId into g
                select new { AdvisorId = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        foreach (var o in open)
            if (Find(o.AdvisorId) is { } c) c.OpenEngagements = o.Count;

        if (requestId is { } rid)
        {
            // The latest answer per advisor counts: a withdrawn tandem proposal does not block a new one.
            var invitations = await db.EngagementInvitations.AsNoTracking()
                .Where(i => i.RequestId == rid)
                .OrderBy(i => i.CreatedAt).ThenBy(i => i.Id)
                .Select(i => new { i.AdvisorId, i.Status, i.Reason })
                .ToListAsync(ct);
            foreach (var i in invitations)
            {
                if (Find(i.AdvisorId) is not { } c) continue;
                c.Invitation = i.Status;
                c.InvitationReason = i.Reason;
            }
        }
        return candidates;
    }
}
