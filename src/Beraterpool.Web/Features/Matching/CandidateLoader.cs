using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Advisors;
using Beraterpool.Web.Features.Engagements;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Matching;

/// <summary>
/// Loads the facts the scorer needs about every advisor of a pool, in six flat queries whatever the pool's size:
/// the advisors' scalars (with their city's coordinates), then each child table joined on the pool — never a
/// child collection projected as a list (PERFORMANCE.md) and never a query per advisor. Topics and languages are
/// read only for the values the request asks for (the join tables' keys start with the value, so that is an index
/// range), blocked periods only where they touch the requested period, workload grouped in SQL.
/// </summary>
public static class CandidateLoader
{
    public static async Task<List<MatchCandidate>> LoadAsync(AppDbContext db, int poolId, int? requestId, MatchRequest request,
        int year, CancellationToken ct = default, Action<string>? trace = null)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        void Step(string name)
        {
            if (trace is null) return;
            trace($"{name} {watch.Elapsed.TotalMilliseconds:F1} ms");
            watch.Restart();
        }

        var advisors = db.Advisors.AsNoTracking().Where(a => a.PoolId == poolId);
        var active = advisors.Where(a => a.Status == AdvisorStatus.Active);

        var candidates = await (
                from a in advisors
                join m in db.Municipalities on a.CityKey equals m.OfficialKey into cities
                from m in cities.DefaultIfEmpty()
                select new MatchCandidate
                {
                    Id = a.Id, FirstName = a.FirstName, LastName = a.LastName, Slug = a.Slug, Status = a.Status,
                    DaysPerMonth = a.DaysPerMonth, EmployerKey = a.EmployerKey,
                    CityName = m == null ? null : m.ShortName, Latitude = m == null ? null : m.Latitude, Longitude = m == null ? null : m.Longitude,
                })
            .ToListAsync(ct);
        Step("advisors");
        if (candidates.Count == 0) return candidates;
        var byId = new Dictionary<int, MatchCandidate>(candidates.Count);
        foreach (var c in candidates) byId[c.Id] = c;

        var topicIds = request.TopicIds.ToArray();
        if (topicIds.Length > 0)
        {
            var topics = await (
                    from t in db.AdvisorTopics
                    join a in active on t.AdvisorId equals a.Id
                    where topicIds.Contains(t.TopicId)
                    select new { t.AdvisorId, t.TopicId })
                .ToListAsync(ct);
            foreach (var g in topics.GroupBy(t => t.AdvisorId))
                if (byId.TryGetValue(g.Key, out var c)) c.TopicIds = g.Select(t => t.TopicId).ToArray();
        }
        Step("topics");

        var codes = request.LanguageCodes.Count > 0 ? request.LanguageCodes.ToArray() : ["de"];
        var languages = await (
                from l in db.AdvisorLanguages
                join a in active on l.AdvisorId equals a.Id
                where codes.Contains(l.LanguageCode)
                select new { l.AdvisorId, l.LanguageCode, l.Level })
            .ToListAsync(ct);
        foreach (var g in languages.GroupBy(l => l.AdvisorId))
            if (byId.TryGetValue(g.Key, out var c)) c.Languages = g.Select(l => new CandidateLanguage(l.LanguageCode, l.Level)).ToArray();
        Step("languages");

        var (periodStart, periodEnd) = (request.From, request.To);
        var blocked = await (
                from b in db.BlockedPeriods
                join a in active on b.AdvisorId equals a.Id
                where b.To >= periodStart && b.From <= periodEnd
                select new { b.AdvisorId, b.From, b.To })
            .ToListAsync(ct);
        foreach (var g in blocked.GroupBy(b => b.AdvisorId))
            if (byId.TryGetValue(g.Key, out var c)) c.BlockedPeriods = g.OrderBy(b => b.From).Select(b => new CandidatePeriod(b.From, b.To)).ToArray();
        Step("blocked periods");

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
            if (byId.TryGetValue(d.AdvisorId, out var c)) c.HalfDaysThisYear = d.HalfDays;

        var open = await (
                from ea in db.EngagementAdvisors
                join e in db.Engagements on ea.EngagementId equals e.Id
                where e.PoolId == poolId && e.Status != EngagementStatus.Closed
                group ea by ea.AdvisorId into g
                select new { AdvisorId = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        foreach (var o in open)
            if (byId.TryGetValue(o.AdvisorId, out var c)) c.OpenEngagements = o.Count;
        Step("workload");

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
                if (!byId.TryGetValue(i.AdvisorId, out var c)) continue;
                c.Invitation = i.Status;
                c.InvitationReason = i.Reason;
            }
        }
        return candidates;
    }
}
