using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Handbooks;
using Beraterpool.Web.Features.Pools;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Site;

/// <summary>
/// The pool's public site pages for the footer of every page. Read from the database per request (one indexed query), so every
/// instance shows a page the moment a coordinator makes it public.
/// </summary>
public sealed class SitePages(AppDbContext db, CurrentPool current)
{
    public sealed record Link(string Slug, string Title);

    public async Task<IReadOnlyList<Link>> PublishedAsync(CancellationToken ct = default)
    {
        if (current.Pool is not { } pool) return [];
        // Creation order is the order the office set them up in (about, offer, process, FAQ, contact in the demo).
        return await db.Handbooks.AsNoTracking()
            .Where(h => h.PoolId == pool.Id && h.Kind == HandbookKind.SitePage && h.Visibility == HandbookVisibility.Public)
            .OrderBy(h => h.Id).Select(h => new Link(h.Slug, h.Title)).ToListAsync(ct);
    }
}
