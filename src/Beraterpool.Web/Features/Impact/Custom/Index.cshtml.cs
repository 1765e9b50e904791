using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Impact.Custom;

/// <summary>A pool's own indicators with this year's actual against the target; from here they are defined and filled in.</summary>
[Authorize(Roles = Roles.Administrator + "," + Roles.Coordinator)]
public sealed class IndexModel(AppDbContext db, ImpactPools pools, TimeProvider time) : PageModel
{
    public sealed record Row(int Id, string Name, string Unit, IndicatorPeriod Period, decimal? Target, decimal? Actual);

    public IReadOnlyList<PoolInfo> Pools { get; private set; } = [];
    public PoolInfo Pool { get; private set; } = null!;
    public int Year { get; private set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? pool, int? year, CancellationToken ct)
    {
        var (managed, chosen) = await pools.ChooseAsync(pool, ct);
        if (chosen is null) return NotFound();
        (Pools, Pool) = (managed, chosen);
        Year = year is >= ImpactSetup.FirstYear and <= ImpactSetup.LastYear ? year.Value : time.LocalYear();
        var defined = await db.CustomIndicators.AsNoTracking().Where(c => c.PoolId == chosen.Id).OrderBy(c => c.Name).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.Name, c.Unit, c.Period, c.YearlyTarget }).ToListAsync(ct);
        var ids = defined.Select(c => c.Id).ToList();
        // A handful of rows per indicator and year: added up here (decimal sums are not portable to SQLite).
        var values = (await db.CustomIndicatorValues.AsNoTracking().Where(v => ids.Contains(v.IndicatorId) && v.Year == Year)
            .Select(v => new { v.IndicatorId, v.Value }).ToListAsync(ct)).ToLookup(v => v.IndicatorId, v => v.Value);
        Rows = defined.Select(c => new Row(c.Id, c.Name, c.Unit, c.Period, c.YearlyTarget, values[c.Id].Any() ? values[c.Id].Sum() : null)).ToList();
        return Page();
    }
}
