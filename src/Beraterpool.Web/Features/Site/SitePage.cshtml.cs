using Beraterpool.Web.Features.Handbooks;
using Beraterpool.Web.Features.Pools;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Site;

/// <summary>
/// One page of the pool's public site, written by its coordinators as a handbook of the kind "Seite der Website". A draft
/// (not public) is found only by those who may read it, so the office can look at it before it goes out.
/// </summary>
[AllowAnonymous]
public sealed class SitePageModel(CurrentPool current, HandbookReaders readers, PoolAccess access) : PageModel
{
    public sealed record Section(int Position, string Title, string Markdown);

    public PoolInfo Pool { get; private set; } = null!;
    public int HandbookId { get; private set; }
    public string Title { get; private set; } = "";
    public HandbookVisibility Visibility { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public IReadOnlyList<Section> Sections { get; private set; } = [];
    public bool CanManage { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (current.Pool is not { } pool) return NotFound();
        var pages = (await readers.ReadableAsync(pool.Id, ct)).Where(h => h.Kind == HandbookKind.SitePage && h.Slug == slug);
        var page = await pages.Select(h => new { h.Id, h.Title, h.Visibility, h.UpdatedAt }).FirstOrDefaultAsync(ct);
        if (page is null) return NotFound();
        (Pool, HandbookId, Title, Visibility, UpdatedAt) = (pool, page.Id, page.Title, page.Visibility, page.UpdatedAt);
        Sections = await pages.SelectMany(h => h.Chapters).OrderBy(c => c.Position)
            .Select(c => new Section(c.Position, c.Title, c.Markdown)).ToListAsync(ct);
        CanManage = await access.CanManageAsync(pool.Id, ct);
        return Page();
    }
}
