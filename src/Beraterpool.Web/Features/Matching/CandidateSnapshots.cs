using System.Collections.Concurrent;
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
public sealed class CandidateSnapshot(long version, CandidateFacts[] advisors)
{
    public long Version { get; } = version;
    public CandidateFacts[] Advisors { get; } = advisors;
    public FrozenDictionary<int, int> IndexOf { get; } = advisors.Select((a, i) => (a.Id, i)).ToFrozenDictionary(x => x.Id, x => x.i);
}

/// <summary>
/// Keeps one <see cref="CandidateSnapshot"/> per pool in memory, like <see cref="Advisors.Directory.AdvisorDirectory"/>:
/// reading 50,000 advisors with their topics, languages and blocked periods costs about a second, far too much
/// for every ranking, while these facts change only through the profile editor and coordinator edits, which
/// signal <see cref="AdvisorChanges"/>. A signal marks the pool's snapshot stale; the next ranking rebuilds it
/// before answering, so an edit shows in the very next ranking. Workload and invitations change with every
/// logged day and proposal and are read per request (<see cref="CandidateLoader"/>).
/// </summary>
public sealed class CandidateSnapshots
{
    private readonly IServiceScopeFactory _scopes;
    private readonly ConcurrentDictionary<int, PoolSlot> _pools = new();

    public CandidateSnapshots(IServiceScopeFactory scopes, AdvisorChanges changes)
    {
        _scopes = scopes;
        changes.PoolChanged += MarkStale;
    }

    private sealed class PoolSlot
    {
        public long Version;
        public volatile CandidateSnapshot? Snapshot;
        public readonly SemaphoreSlim Building = new(1, 1);
    }

    public void MarkStale(int poolId) => Interlocked.Increment(ref _pools.GetOrAdd(poolId, _ => new PoolSlot()).Version);

    public async ValueTask<CandidateSnapshot> ForPoolAsync(int poolId, CancellationToken ct = default)
    {
        var slot = _pools.GetOrAdd(poolId, _ => new PoolSlot());
        if (slot.Snapshot is { } current && current.Version == Interlocked.Read(ref slot.Version)) return current;

        await slot.Building.WaitAsync(ct);
        try
        {
            // Rebuild until the snapshot is at least as new as the last change signal (one may arrive mid-build).
            while (slot.Snapshot is not { } snapshot || snapshot.Version != Interlocked.Read(ref slot.Version))
            {
                var version = Interlocked.Read(ref slot.Version);
                slot.Snapshot = await LoadAsync(poolId, version, ct);
            }
            return slot.Snapshot;
        }
        finally
        {
            slot.Building.Release();
        }
    }

    /// <summary>
    /// Four flat queries whatever the pool's size: the advisors' scalars with their city's coordinates, then each
    /// child table joined on the pool's active advisors (inactive ones are excluded before any criterion counts) —
    /// never a child collection projected as a list and never a query per advisor.
    /// </summary>
    private async Task<CandidateSnapshot> LoadAsync(int poolId, long version, CancellationToken ct)
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
        if (rows.Count == 0) return new CandidateSnapshot(version, []);

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
        var snapshot = new CandidateSnapshot(version, facts);
        return snapshot;
    }
}
