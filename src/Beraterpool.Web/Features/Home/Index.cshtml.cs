using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Handbooks;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Shared;
using Beraterpool.Web.Features.Statistics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Home;

[AllowAnonymous]
public sealed class IndexModel(TimeProvider time, CurrentPool current, AppDbContext db) : PageModel
{
    public PoolInfo? Pool => current.Pool;
    public PoolStatistics? Statistics { get; private set; }
    /// <summary>The pool's self-description ("Wer sind wir, was genau bieten wir an?"), written by its coordinators in the handbooks.</summary>
    public IReadOnlyList<SnapshotChapter> Profile { get; private set; } = [];
    /// <summary>The calls one can apply to now.</summary>
    public IReadOnlyList<Applications.OpenCall> OpenCalls { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (current.Pool is { } pool)
        {
            Statistics = await PoolStatistics.ComputeAsync(db, pool.Id, WebUi.CurrentCulture, time.LocalYear(), ct);
            Profile = await db.HandbookChapters.AsNoTracking()
                .Where(c => db.Handbooks.Any(h => h.Id == c.HandbookId && h.PoolId == pool.Id && h.Kind == HandbookKind.Profile && h.Visibility == HandbookVisibility.Public))
                .OrderBy(c => c.Position).Select(c => new SnapshotChapter(c.Title, c.Markdown)).ToListAsync(ct);
            OpenCalls = await Applications.IndexModel.OpenAsync(db, pool.Id, time.GetUtcNow(), ct);
        }
    }
}
