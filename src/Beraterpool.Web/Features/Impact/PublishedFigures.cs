using Beraterpool.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Impact;

/// <summary>
/// What the public may see of a pool's indicators: the ones its coordinators publish, for the year so far and the last
/// full year, computed live (the public page and the open data read this one list).
/// </summary>
public static class PublishedFigures
{
    public static async Task<IReadOnlyList<IndicatorFigure>> ForPoolAsync(AppDbContext db, int poolId, int year, CancellationToken ct)
    {
        var published = await db.PublishedIndicators.AsNoTracking().Where(p => p.PoolId == poolId).Select(p => p.Key).ToListAsync(ct);
        var scope = new ImpactScope(db, [poolId], year);
        var figures = new List<IndicatorFigure>();
        foreach (var indicator in BuiltInIndicators.All.Concat(await Custom.CustomIndicators.ForPoolAsync(db, poolId, ct)).Where(i => published.Contains(i.Key)))
            figures.Add(new(indicator, await indicator.FigureAsync(scope, ct), await indicator.FigureAsync(scope.WithYear(year - 1), ct)));
        return figures;
    }
}
