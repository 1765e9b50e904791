using Beraterpool.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Pools.Manage;

public static class PoolManagementSetup
{
    public static IServiceCollection AddPoolManagement(this IServiceCollection services)
    {
        // One page creates and edits: /manage/pools/new is the edit page without an id.
        services.Configure<RazorPagesOptions>(o => o.Conventions.AddPageRoute("/Pools/Manage/Edit", "manage/pools/new"));
        return services;
    }

    /// <summary>The pool's logo, public (it appears on the pool's site); the content type was fixed by sniffing at upload.</summary>
    public static WebApplication MapPoolLogo(this WebApplication app)
    {
        app.MapGet("/pools/{slug}/logo", async (string slug, AppDbContext db, HttpContext context, CancellationToken ct) =>
        {
            var logo = await db.Pools.AsNoTracking().Where(p => p.Slug == slug && p.Logo != null)
                .Select(p => new { p.Logo, p.LogoContentType }).FirstOrDefaultAsync(ct);
            if (logo?.Logo is null) return Results.NotFound();
            context.Response.Headers.CacheControl = "public, max-age=300";
            return Results.File(logo.Logo, logo.LogoContentType ?? "application/octet-stream");
        }).AllowAnonymous();

        // The pool's brand colours as custom properties; the layout links it with the colours in the address.
        app.MapGet("/pools/{slug}/brand.css", async (string slug, AppDbContext db, HttpContext context, CancellationToken ct) =>
        {
            var id = await db.Pools.AsNoTracking().Where(p => p.Slug == slug).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
            if (id is null) return Results.NotFound();
            var colours = await BrandColours.ForPoolAsync(db, id.Value, ct);
            context.Response.Headers.CacheControl = "public, max-age=300";
            return Results.Text(colours.Css(), "text/css; charset=utf-8");
        }).AllowAnonymous();
        return app;
    }
}
