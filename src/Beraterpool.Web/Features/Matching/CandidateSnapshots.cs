using System.Collections.Frozen;
using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Advisors;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Matching;

/// <summary>The facts about one advisor that change only when a profile, status or the pool's topics are edited.</summary>
public sealed record CandidateFacts(
    int Id, string FirstName, string LastName, string Slug, AdvisorStatus Status, int? DaysPerMonth, string? EmployerKey,
    string? CityName, double? Latitude, double? Longitude,
    int[] TopicIds, CandidateLanguage[] Languages, CandidatePeriod[] BlockedPeriods);

/// <summary>An immutable picture of a pool's advisors for matching; <see cref="IndexOf"/> maps an advisor id to its position.</summary>
public sealed class CandidateSnapshot(CandidateFacts[] advisors)
{
    public CandidateFacts[] Advisors { get; } = advisors;
    public FrozenDictionary<int, int> IndexOf { get; } = advisors.Select((a, i) => (a.Id, i)).ToFrozenDictionary(x => x.Id, x => x.i);
}

/// <summary>
/// Keeps one <see cref="CandidateSnapshot"/> per pool in memory, like <see cref="Advisors.Directory.AdvisorDirectory"/>:
/// reading 50,000 advisors with their topics, languages and blocked periods costs about a second, far too much
/// for every ranking, while these facts change only through the profile editor and coordinator edits, which
/// bump the pool's <see cref="DataVersions.Pool"/> version. The next ranking after a change rebuilds the snapshot
/// before answering (on this instance at once, on the others within about a second). Workload and invitations
/// change with every logged day and proposal and are read per request (<see cref="CandidateLoader"/>).
/// </summary>
public sealed class CandidateSnapshots
{
    private readonly IServiceScopeFactory _scopes;
    private readonly VersionedCache<int, CandidateSnapshot> _pools;

    public CandidateSnapshots(IServiceScopeFactory scopes, DataVersions versions, TimeProvider time)
    {
        _scopes = scopes;
        _pools = new(versions, time, DataVersions.Pool, LoadAsync);
    }

    /// <summary>Forces a rebuild on this instance (the matching benchmark's cold runs).</summary>
    public void MarkStale(int poolId) => _pools.MarkStale(poolId);

    public ValueTask<CandidateSnapshot> ForPoolAsync(int poolId, CancellationToken ct = default) => _pools.GetAsync(poolId, ct);

    /// <summary>
    /// Four flat queries whatever the pool's size: the advisors' scalars with their city's coordinates, then each
    /// child table joined on the pool's active advisors (inactive ones are excluded before any criterion counts) —
    /// never a child collection projected as a list and never a query per advisor.
    /// </summary>
    private async Task<CandidateSnapshot> LoadAsync(int poolId, CancellationToken ct)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var advisors = db.Advisors.AsNoTracking().Where(a => a.PoolId == poolId);
        var active = advisors.Where(a => a.Status == AdvisorStatus.Active);

        var rows = await (
                from a in advisors
                join m in db.Municipalities on a.CityKey equals m.OfficialKey into cities
                from m in cities.DefaultIfEmpty()
                orderby a.Id
                select new
                {
                    a.Id, a.FirstName, a.LastName, a.Slug, a.Status, a.DaysPerMonth, a.EmployerKey,
                    CityName = m == null ? null : m.ShortName, Latitude = m == null ? null : m.Latitude, Longitude = m == null ? null : m.Longitude,
                })
            .ToListAsync(ct);
        if (rows.Count == 0) return new CandidateSnapshot([]);

        var topics = (await (
                    from t in db.AdvisorTopics
                    join a in active on t.AdvisorId equals a.Id
                    select new { t.AdvisorId, t.TopicId })
                .ToListAsync(ct))
            .ToLookup(t => t.AdvisorId, t => t.TopicId);

        var languages = (await (
                    from l in db.AdvisorLanguages
                    join a in active on l.AdvisorId equals a.Id
                    select new { l.AdvisorId, l.LanguageCode, l.Level })
                .ToListAsync(ct))
            .ToLookup(l => l.AdvisorId, l => new CandidateLanguage(l.LanguageCode, l.Level));

        var blocked = (await (
                    from b in db.BlockedPeriods
                    join a in active on b.AdvisorId equals a.Id
                    select new { b.AdvisorId, b.From, b.To })
                .ToListAsync(ct))
            .ToLookup(b => b.AdvisorId, b => new CandidatePeriod(b.From, b.To));

        var facts = rows.Select(a => new CandidateFacts(
                a.Id, a.FirstName, a.LastName, a.Slug, a.Status, a.DaysPerMonth, a.EmployerKey, a.CityName, a.Latitude, a.Longitude,
                topics[a.Id].ToArray(),
                languages[a.Id].ToArray(),
                // The scorer expects periods sorted by start.
                blocked[a.Id].OrderBy(b => b.From).ToArray()))
            .ToArray();
        return new CandidateSnapshot(facts);
    }
}
