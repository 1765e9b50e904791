using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

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
        Figures = await PublishedFigures.ForPoolAsync(db, Pool.Id, Year, ct);
    }
}
