using System.Data.Common;
using System.Net;
using Beraterpool.Web.Data;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Shared;

/// <summary>
/// Production runs behind a reverse proxy that ends TLS: trust its forwarded headers (only from the configured proxies,
/// so a visitor cannot fake their address for the rate limiter), send HSTS, mark every cookie Secure and accept only
/// the installation's own host names. <c>./run.sh</c> (Development) keeps working on plain HTTP.
/// </summary>
public static class HttpsSetup
{
    public static IServiceCollection AddProxyAndHttps(this IServiceCollection services, IConfiguration config, IHostEnvironment env)
    {
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            // Not X-Forwarded-Host: links come from App:PublicUrl, and the host filter must see the real Host header.
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = config.GetValue("Proxy:ForwardLimit", 1);
            foreach (var proxy in List(config, "Proxy:KnownProxies")) o.KnownProxies.Add(IPAddress.Parse(proxy));
            foreach (var network in List(config, "Proxy:KnownNetworks")) o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = config.GetValue("Https:HstsIncludeSubDomains", false);
        });
        var secure = config.GetValue("Https:SecureCookies", IsPublic(env));
        services.Configure<CookiePolicyOptions>(o => o.Secure = secure ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest);

        // "*" is the template's default; in production the installation answers only its own names (public URL and pools' hosts).
        services.AddOptions<HostFilteringOptions>().PostConfigure<IServiceScopeFactory>((o, scopes) =>
        {
            if (!env.IsProduction() || !o.AllowedHosts.Contains("*")) return;
            o.AllowedHosts = OwnHosts(config, scopes);
        });
        return services;
    }

    /// <summary>First in the pipeline, so logging, the rate limiter and the scheme checks see the client's real address.</summary>
    public static WebApplication UseProxyAndHttps(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (IsPublic(app.Environment) && app.Configuration.GetValue("Https:Hsts", true)) app.UseHsts();
        if (app.Configuration.GetValue("Https:Redirect", false)) app.UseHttpsRedirection();
        app.UseCookiePolicy();
        return app;
    }

    /// <summary>Every environment a browser outside the developer's machine talks to.</summary>
    private static bool IsPublic(IHostEnvironment env) => !env.IsDevelopment() && !env.IsEnvironment("Testing");

    private static List<string> OwnHosts(IConfiguration config, IServiceScopeFactory scopes)
    {
        var hosts = new List<string>();
        if (Uri.TryCreate(config["App:PublicUrl"], UriKind.Absolute, out var url)) hosts.Add(url.Host);
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        // A database that is not migrated yet (Database:MigrateOnStart=false) has no pools: the health probes answer still.
        try { hosts.AddRange(db.Pools.AsNoTracking().Where(p => p.Host != null && p.Host != "").Select(p => p.Host!).ToList()); }
        catch (DbException) when (hosts.Count > 0) { }
        if (hosts.Count == 0) throw new InvalidOperationException(
            "Production needs App:PublicUrl (or AllowedHosts) so that only the installation's own host names are answered.");
        return hosts.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static IEnumerable<string> List(IConfiguration config, string key) =>
        config.GetSection(key).Get<string[]>() ?? (config[key] ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries);
}
