namespace Beraterpool.Web.Features.Pools;

/// <summary>The pool this request is about; null only while an installation has no pool yet.</summary>
public sealed class CurrentPool
{
    public PoolInfo? Pool { get; set; }
    public PoolInfo Required => Pool ?? throw new InvalidOperationException("No pool is configured.");
}

public static class PoolResolution
{
    public const string Prefix = "/pool/";

    public static IServiceCollection AddPools(this IServiceCollection services)
    {
        services.AddSingleton<PoolCatalog>();
        services.AddScoped<CurrentPool>();
        services.AddScoped<PoolAccess>();
        return services;
    }

    /// <summary>
    /// Chooses the pool by route prefix (/pool/{slug}/…, moved into PathBase so every generated link keeps it),
    /// else by host name, else the default pool on the bare routes.
    /// </summary>
    public static IApplicationBuilder UsePoolResolution(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var pools = await context.RequestServices.GetRequiredService<PoolCatalog>().AllAsync(context.RequestAborted);
        var current = context.RequestServices.GetRequiredService<CurrentPool>();
        var path = context.Request.Path.Value ?? "";
        if (path.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            var rest = path[Prefix.Length..];
            var slash = rest.IndexOf('/');
            var slug = slash < 0 ? rest : rest[..slash];
            var pool = pools.FirstOrDefault(p => string.Equals(p.Slug, slug, StringComparison.OrdinalIgnoreCase));
            if (pool is null)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                current.Pool = pools.FirstOrDefault(p => p.IsDefault) ?? pools.FirstOrDefault();
                context.Request.Path = "/__unknown-pool";
                await next(context);
                return;
            }
            current.Pool = pool;
            context.Request.PathBase = context.Request.PathBase.Add(Prefix + pool.Slug);
            context.Request.Path = slash < 0 ? "/" : rest[slash..];
        }
        else
        {
            var host = context.Request.Host.Host;
            current.Pool = pools.FirstOrDefault(p => p.Host is not null && string.Equals(p.Host, host, StringComparison.OrdinalIgnoreCase))
                           ?? pools.FirstOrDefault(p => p.IsDefault) ?? pools.FirstOrDefault();
        }
        await next(context);
    });
}
