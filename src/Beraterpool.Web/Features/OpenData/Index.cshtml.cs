using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Email;
using Beraterpool.Web.Features.Pools;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beraterpool.Web.Features.OpenData;

/// <summary>The pool's open data for people: each dataset with its licence, update date and files, and the catalogue for portals.</summary>
[AllowAnonymous]
public sealed class IndexModel(AppDbContext db, CurrentPool current, PublicLinks links, TimeProvider time) : PageModel
{
    public PoolInfo? Pool => current.Pool;
    public string Site { get; private set; } = "";
    public IReadOnlyList<OpenDataset> Datasets { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (current.Pool is not { } pool) return;
        Site = links.Pool(pool);
        Datasets = await OpenDataSets.ForPoolAsync(db, pool, Site, time, ct);
    }
}
