using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Advisors.Directory;
using Beraterpool.Web.Features.Email;
using Beraterpool.Web.Features.Pools;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Outreach;

/// <summary>Finds the card of an advisor through the directory index, so a card never shows more than the public profile.</summary>
public sealed class AdvisorCards(AppDbContext db, AdvisorDirectory directory, PoolCatalog pools, PublicLinks links)
{
    /// <summary>A public advisor of this pool, or null for an unknown, inactive or unpublished one.</summary>
    public async Task<AdvisorCard?> PublicAsync(PoolInfo pool, string slug, CancellationToken ct)
    {
        var index = await directory.ForPoolAsync(pool.Id, ct);
        return index.Find(slug) is { } a ? Published(a, index, pool) with { Colours = await BrandColours.ForPoolAsync(db, pool.Id, ct) } : null;
    }

    public Task<int?> OwnAdvisorIdAsync(string? userId, CancellationToken ct) => userId is null
        ? Task.FromResult<int?>(null)
        : db.Advisors.Where(a => a.UserId == userId).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct);

    public Task<int?> PoolOfAsync(int advisorId, CancellationToken ct) =>
        db.Advisors.Where(a => a.Id == advisorId).Select(a => (int?)a.PoolId).FirstOrDefaultAsync(ct);

    /// <summary>Any advisor by id (the caller checked the right to it); unpublished ones get a card with their name only.</summary>
    public async Task<AdvisorCard?> ForAdvisorAsync(int advisorId, CancellationToken ct)
    {
        var a = await db.Advisors.AsNoTracking().Where(x => x.Id == advisorId)
            .Select(x => new { x.Id, x.PoolId, x.Slug, x.FirstName, x.LastName }).FirstOrDefaultAsync(ct);
        if (a is null || await pools.FindAsync(a.PoolId, ct) is not { } pool) return null;
        var index = await directory.ForPoolAsync(pool.Id, ct);
        var card = index.Find(a.Slug) is { } published && published.Id == a.Id
            ? Published(published, index, pool)
            : AdvisorCard.NameOnly(a.Slug, a.FirstName, a.LastName, pool.BrandName, pool.ContactEmail);
        return card with { Colours = await BrandColours.ForPoolAsync(db, pool.Id, ct) };
    }

    private AdvisorCard Published(DirectoryAdvisor a, DirectoryIndex index, PoolInfo pool) =>
        AdvisorCard.Published(a, index, pool.BrandName, pool.ContactEmail, $"{links.Pool(pool)}/advisors/{Uri.EscapeDataString(a.Slug)}");
}
