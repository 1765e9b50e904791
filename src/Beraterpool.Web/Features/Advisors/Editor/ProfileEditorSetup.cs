using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Advisors.Manage;
using Beraterpool.Web.Features.Pools;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Advisors.Editor;

public static class ProfileEditorSetup
{
    public static IServiceCollection AddAdvisorManagement(this IServiceCollection services)
    {
        services.AddScoped<ProfileEditor>();
        services.AddScoped<AdvisorInvitation>();
        services.AddScoped<AdvisorStatusNames>();
        return services;
    }

    /// <summary>
    /// The photo as the editor shows it, consented or not: to the advisor at /me/profile/photo, to the coordinators
    /// of the pool at /manage/advisors/{id}/photo. The public directory serves consented photos itself.
    /// </summary>
    public static WebApplication MapEditorPhotos(this WebApplication app)
    {
        app.MapGet("/me/profile/photo", async (AppDbContext db, PoolAccess access, HttpContext context, CancellationToken ct) =>
        {
            var userId = access.UserId;
            var photo = await db.AdvisorPhotos.AsNoTracking()
                .Where(p => db.Advisors.Any(a => a.Id == p.AdvisorId && a.UserId == userId))
                .Select(p => new { p.Content, p.ContentType }).FirstOrDefaultAsync(ct);
            return Photo(context, photo?.Content, photo?.ContentType);
        }).RequireAuthorization(p => p.RequireRole(Roles.Advisor));

        app.MapGet("/manage/advisors/{id:int}/photo", async (int id, AppDbContext db, PoolAccess access, HttpContext context, CancellationToken ct) =>
        {
            var poolId = await db.Advisors.Where(a => a.Id == id).Select(a => (int?)a.PoolId).FirstOrDefaultAsync(ct);
            if (poolId is null || !await access.CanManageAsync(poolId.Value, ct)) return Results.NotFound();
            var photo = await db.AdvisorPhotos.AsNoTracking().Where(p => p.AdvisorId == id)
                .Select(p => new { p.Content, p.ContentType }).FirstOrDefaultAsync(ct);
            return Photo(context, photo?.Content, photo?.ContentType);
        }).RequireAuthorization(p => p.RequireRole(Roles.Administrator, Roles.Coordinator));
        return app;
    }

    private static IResult Photo(HttpContext context, byte[]? content, string? contentType)
    {
        if (content is null || contentType is null) return Results.NotFound();
        context.Response.Headers.CacheControl = "private, no-store";
        return Results.File(content, contentType);
    }
}
