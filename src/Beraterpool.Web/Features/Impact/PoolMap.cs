using System.Globalization;
using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Advisors;
using Beraterpool.Web.Features.Pools;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Impact;

/// <summary>A place on the map: a municipality with its advisor-days, or an advisors' city with how many live there.</summary>
public sealed record MapPlace(string Key, string Name, string StateCode, double? Latitude, double? Longitude, decimal Value)
{
    public bool IsPlaced => Latitude is not null && Longitude is not null;
}

/// <summary>
/// What the pool map shows for a year: the municipalities the year reached (what "Begleitete Kommunen" counts), each with
/// the advisor-days recorded there in the year, and the cities where the pool's active advisors live, as counts per city
/// only (the page is for the office, but a map is easily shown around: no names on it). The frame is the pool's states
/// and those of every place shown, so no marker falls off the edge; all of Germany when there is none.
/// </summary>
public sealed record PoolMap(int Year, IReadOnlyList<MapPlace> Municipalities, IReadOnlyList<MapPlace> AdvisorCities, IReadOnlyList<string> StateCodes)
{
    private static readonly StringComparer German = StringComparer.Create(CultureInfo.GetCultureInfo("de-DE"), false);

    public decimal Days => Municipalities.Sum(m => m.Value);

    public static async Task<PoolMap> LoadAsync(AppDbContext db, PoolInfo pool, int year, CancellationToken ct)
    {
        var reached = await ReachedAsync(new ImpactScope(db, [pool.Id], year), ct);
        var active = db.Advisors.AsNoTracking().Where(a => a.PoolId == pool.Id && a.Status == AdvisorStatus.Active && a.CityKey != null);
        var perCity = await active.GroupBy(a => a.CityKey!).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var cities = (await db.Municipalities.AsNoTracking().Where(m => active.Select(a => a.CityKey!).Contains(m.OfficialKey))
                .Select(m => new { m.OfficialKey, m.ShortName, m.StateCode, m.Latitude, m.Longitude }).ToListAsync(ct))
            .Select(c => new MapPlace(c.OfficialKey, c.ShortName, c.StateCode, c.Latitude, c.Longitude, perCity.GetValueOrDefault(c.OfficialKey)))
            .OrderByDescending(c => c.Value).ThenBy(c => c.Name, German).ToList();
        var states = pool.StateCodes.Concat(reached.Select(m => m.StateCode)).Concat(cities.Select(c => c.StateCode)).Distinct().Order().ToList();
        return new PoolMap(year, reached, cities, states);
    }

    /// <summary>The reached municipalities with their days, most days first: the map's circles and the report's list.</summary>
    public static async Task<IReadOnlyList<MapPlace>> ReachedAsync(ImpactScope scope, CancellationToken ct)
    {
        // Days per municipality in one grouped query: a sum per reached municipality ran once per row.
        var halfDays = await (from a in BuiltInIndicators.ActivitiesOf(scope)
                              join e in scope.Db.Engagements on a.EngagementId equals e.Id
                              group a by e.MunicipalityKey into g
                              select new { Key = g.Key, HalfDays = g.Sum(a => a.HalfDays) }).ToDictionaryAsync(x => x.Key, x => x.HalfDays, ct);
        var rows = (await BuiltInIndicators.Reached(scope).Select(m => new { m.OfficialKey, m.ShortName, m.StateCode, m.Latitude, m.Longitude }).ToListAsync(ct))
            .Select(m => new { m.OfficialKey, m.ShortName, m.StateCode, m.Latitude, m.Longitude, HalfDays = halfDays.GetValueOrDefault(m.OfficialKey) });
        return rows.Select(r => new MapPlace(r.OfficialKey, r.ShortName, r.StateCode, r.Latitude, r.Longitude, r.HalfDays / 2m))
            .OrderByDescending(r => r.Value).ThenBy(r => r.Name, German).ToList();
    }
}
