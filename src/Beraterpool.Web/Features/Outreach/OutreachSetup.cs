using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Email;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Shared;
using Beraterpool.Web.Features.Statistics;

namespace Beraterpool.Web.Features.Outreach;

/// <summary>The pool's information material: the flyer, advisors' vCards and business cards.</summary>
public static class OutreachSetup
{
    private const string Pdf = "application/pdf";

    public static IServiceCollection AddOutreach(this IServiceCollection services) => services.AddScoped<AdvisorCards>();

    public static WebApplication MapOutreach(this WebApplication app)
    {
        // Public: the flyer of the pool this address belongs to (/flyer.pdf, /pool/{slug}/flyer.pdf) and a published
        // advisor's vCard. The website in the QR code comes from configuration, never from the request.
        app.MapGet("/flyer.pdf", async (CurrentPool current, AppDbContext db, PublicLinks links, TimeProvider time, HttpContext context, CancellationToken ct) =>
        {
            if (current.Pool is not { } pool) return Results.NotFound();
            var figures = await PoolStatistics.ComputeAsync(db, pool.Id, "de", time.LocalYear(), ct);
            var colours = await BrandColours.ForPoolAsync(db, pool.Id, ct);
            context.Response.Headers.CacheControl = "public, max-age=300";
            return Results.File(FlyerPdf.Render(pool, colours, figures, links.Pool(pool)), Pdf, $"{pool.Slug}-flyer.pdf");
        }).AllowAnonymous();

        app.MapGet("/advisors/{slug}.vcf", async (string slug, CurrentPool current, AdvisorCards cards, HttpContext context, CancellationToken ct) =>
        {
            if (current.Pool is not { } pool || await cards.PublicAsync(pool, slug, ct) is not { } card) return Results.NotFound();
            // As for the photo: a withdrawn consent must not linger in caches.
            context.Response.Headers.CacheControl = "public, no-cache";
            return Results.File(card.ToVCard().WriteUtf8(), VCard.ContentType, $"{card.Slug}.vcf");
        }).AllowAnonymous();

        // The advisor's own cards, found by the signed-in user, never by the address.
        var me = app.MapGroup("/me").RequireAuthorization(p => p.RequireRole(Roles.Advisor));
        me.MapGet("/card.pdf", (AdvisorCards cards, PoolAccess access, CancellationToken ct) => OwnAsync(cards, access, sheet: false, ct));
        me.MapGet("/cards.pdf", (AdvisorCards cards, PoolAccess access, CancellationToken ct) => OwnAsync(cards, access, sheet: true, ct));

        // The coordinators of the advisor's pool; anyone else gets 404, as for the other /manage/advisors files.
        var manage = app.MapGroup("/manage/advisors/{id:int}").RequireAuthorization(p => p.RequireRole(Roles.Administrator, Roles.Coordinator));
        manage.MapGet("/card.pdf", (int id, AdvisorCards cards, PoolAccess access, CancellationToken ct) => ManagedAsync(id, cards, access, sheet: false, ct));
        manage.MapGet("/cards.pdf", (int id, AdvisorCards cards, PoolAccess access, CancellationToken ct) => ManagedAsync(id, cards, access, sheet: true, ct));
        return app;
    }

    private static async Task<IResult> OwnAsync(AdvisorCards cards, PoolAccess access, bool sheet, CancellationToken ct) =>
        await cards.OwnAdvisorIdAsync(access.UserId, ct) is { } id ? await FileAsync(id, cards, sheet, ct) : Results.NotFound();

    private static async Task<IResult> ManagedAsync(int id, AdvisorCards cards, PoolAccess access, bool sheet, CancellationToken ct) =>
        await cards.PoolOfAsync(id, ct) is { } poolId && await access.CanManageAsync(poolId, ct)
            ? await FileAsync(id, cards, sheet, ct) : Results.NotFound();

    private static async Task<IResult> FileAsync(int advisorId, AdvisorCards cards, bool sheet, CancellationToken ct)
    {
        if (await cards.ForAdvisorAsync(advisorId, ct) is not { } card) return Results.NotFound();
        return sheet
            ? Results.File(CardPdf.Sheet(card), Pdf, $"visitenkarten-{card.Slug}.pdf")
            : Results.File(CardPdf.Card(card), Pdf, $"visitenkarte-{card.Slug}.pdf");
    }
}
