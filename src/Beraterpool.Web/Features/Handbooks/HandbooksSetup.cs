using Beraterpool.Web.Features.Pools;

namespace Beraterpool.Web.Features.Handbooks;

/// <summary>
/// A handbook's public address on its own pool's site. The management pages of one pool may be opened on another pool's
/// site (an administrator on /pool/bw/manage/…), where /handbooks/{slug} would look in the wrong pool.
/// </summary>
public static class HandbookLinks
{
    public static string Read(PoolInfo pool, string slug, int? chapter = null) =>
        $"{PoolResolution.Prefix}{pool.Slug}/handbooks/{Uri.EscapeDataString(slug)}" + (chapter is { } n ? $"#kapitel-{n}" : "");

    public static string List(PoolInfo pool) => $"{PoolResolution.Prefix}{pool.Slug}/handbooks";

    /// <summary>Where readers find it: a site page under /info, anything else under /handbooks.</summary>
    public static string Read(PoolInfo pool, string slug, HandbookKind kind) =>
        kind == HandbookKind.SitePage ? SitePage(pool, slug) : Read(pool, slug);

    public static string SitePage(PoolInfo pool, string slug) => $"{PoolResolution.Prefix}{pool.Slug}/info/{Uri.EscapeDataString(slug)}";
}

public static class HandbooksSetup
{
    public static IServiceCollection AddHandbooks(this IServiceCollection services)
    {
        services.AddScoped<HandbookReaders>();
        services.AddScoped<HandbookVersions>();
        services.AddScoped<Site.SitePages>();
        return services;
    }
}
