using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beraterpool.Web.Features.Statistics;

[AllowAnonymous]
public sealed class IndexModel(TimeProvider time, CurrentPool current, AppDbContext db) : PageModel
{
    public PoolInfo? Pool => current.Pool;
    public PoolStatistics? Statistics { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (current.Pool is { } pool)
        {
            Statistics = await PoolStatistics.ComputeAsync(db, pool.Id, WebUi.CurrentCulture, time.LocalYear(), ct);
        }
    }
}
