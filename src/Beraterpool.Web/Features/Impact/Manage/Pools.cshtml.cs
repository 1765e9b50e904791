using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beraterpool.Web.Features.Impact.Manage;

/// <summary>
/// Every pool side by side for one year, with the same indicators and a column for all pools together: what a national
/// programme office compares. For administrators; coordinators see their own pool's report.
/// </summary>
[Authorize(Roles = Roles.Administrator)]
public sealed class PoolsModel(AppDbContext db, PoolCatalog catalog, TimeProvider time) : PageModel
{
    public int Year { get; private set; }
    public IReadOnlyList<PoolInfo> Pools { get; private set; } = [];
    /// <summary>Per indicator: one figure per pool in <see cref="Pools"/>' order, then all pools together.</summary>
    public IReadOnlyList<(Indicator Indicator, decimal?[] Figures)> Rows { get; private set; } = [];
    public int CurrentYear { get; private set; }

    public async Task<IActionResult> OnGetAsync(int year, CancellationToken ct)
    {
        if (year is < ImpactSetup.FirstYear or > ImpactSetup.LastYear) return NotFound();
        (Year, CurrentYear) = (year, time.LocalYear());
        Pools = (await catalog.AllAsync(ct)).OrderBy(p => p.Name, StringComparer.CurrentCulture).ToList();
        var rows = new List<(Indicator, decimal?[])>();
        foreach (var indicator in BuiltInIndicators.All)
        {
            var figures = new List<decimal?>();
            foreach (var pool in Pools) figures.Add(await indicator.FigureAsync(new ImpactScope(db, [pool.Id], year), ct));
            figures.Add(await indicator.FigureAsync(new ImpactScope(db, Pools.Select(p => p.Id).ToArray(), year), ct));
            rows.Add((indicator, figures.ToArray()));
        }
        Rows = rows;
        return Page();
    }
}
