using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Impact;

/// <summary>
/// The pool's public impact page: the indicators its coordinators chose to publish, for the last full year and the
/// current one so far. Sums only, computed live from the records (no cached state decides what the public sees).
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(AppDbContext db, CurrentPool current, TimeProvider time) : PageModel
{
    public PoolInfo? Pool { get; private set; }
    public int Year { get; private set; }
    public IReadOnlyList<IndicatorFigure> Figures { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Pool = current.Pool;
        Year = time.LocalYear();
        if (Pool is null) return;
        var published = await db.PublishedIndicators.AsNoTracking().Where(p => p.PoolId == Pool.Id).Select(p => p.Key).ToListAsync(ct);
        var scope = new ImpactScope(db, [Pool.Id], Year);
        var figures = new List<IndicatorFigure>();
        foreach (var indicator in BuiltInIndicators.All.Where(i => published.Contains(i.Key)))
            figures.Add(new(indicator, await indicator.FigureAsync(scope, ct), await indicator.FigureAsync(scope.WithYear(Year - 1), ct)));
        Figures = figures;
    }
}
