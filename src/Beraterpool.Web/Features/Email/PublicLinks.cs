using Beraterpool.Web.Features.Pools;

namespace Beraterpool.Web.Features.Email;

/// <summary>
/// The public addresses that links in mails point to, from configuration only: <c>App:PublicUrl</c> is the site,
/// a pool with its own host answers there, any other pool under <c>/pool/{slug}</c>, the default pool on the bare
/// routes. Never from the request's Host header: a forged header must not put a reset link on someone else's host.
/// </summary>
public sealed class PublicLinks(IConfiguration config)
{
    public const string Key = "App:PublicUrl";
    public const string Fallback = "http://localhost:5080";

    /// <summary>Scheme, host and path base of the installation, without a trailing slash. Read on each use, so a
    /// test server that learns its port only at start can still set it.</summary>
    public string Site => (config[Key] is { Length: > 0 } url ? url : Fallback).TrimEnd('/');

    public bool IsConfigured => config[Key] is { Length: > 0 };

    /// <summary>Where a pool's public pages are; its own host keeps the site's scheme.</summary>
    public string Pool(PoolInfo? pool)
    {
        if (pool is null || pool.IsDefault && pool.Host is not { Length: > 0 }) return Site;
        if (pool.Host is { Length: > 0 } host) return $"{new Uri(Site).Scheme}://{host}";
        return $"{Site}{PoolResolution.Prefix}{pool.Slug}";
    }
}
