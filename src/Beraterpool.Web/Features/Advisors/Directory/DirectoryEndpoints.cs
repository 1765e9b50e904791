using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace Beraterpool.Web.Features.Advisors.Directory;

/// <summary>The directory's non-HTML faces: the open-data JSON and the consented photos.</summary>
public static class DirectoryEndpoints
{
    private static readonly string[] ImageTypes = ["image/jpeg", "image/png", "image/webp"];

    // Fields that are not published are left out entirely, not sent as null.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Served as application/json only, so umlauts may stay readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public static IServiceCollection AddAdvisorDirectory(this IServiceCollection services) =>
        services.AddSingleton<AdvisorDirectory>();

    public static WebApplication MapAdvisorDirectory(this WebApplication app)
    {
        app.MapGet("/api/advisors", async (HttpContext context, TimeProvider time, CurrentPool current, AdvisorDirectory directory,
            string? q, string? topic, string? language, string? country, string? city, string? sort, int? page, CancellationToken ct) =>
        {
            if (current.Pool is not { } pool) return Results.NotFound();
            var index = await directory.ForPoolAsync(pool.Id, ct);
            var query = new DirectoryQuery(q, topic, language, country, city, DirectoryQuery.ParseSort(sort), Math.Max(1, page ?? 1));
            var result = index.Query(query);
            var culture = WebUi.CurrentCulture;
            var root = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}";
            var year = time.LocalYear();
            string PageUrl(int p) => root + "/api/advisors" + QueryString.Create(new Dictionary<string, string?>
            {
                ["q"] = q, ["topic"] = topic, ["language"] = language, ["country"] = country, ["city"] = city, ["sort"] = sort,
                ["page"] = p.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }.Where(kv => !string.IsNullOrEmpty(kv.Value)));

            var body = new ApiDirectory(
                new ApiPool(pool.Slug, pool.Name, pool.BrandName),
                result.Total, result.Page, result.PageSize, result.PageCount,
                result.Page > 1 ? PageUrl(result.Page - 1) : null,
                result.Page < result.PageCount ? PageUrl(result.Page + 1) : null,
                "Nur Angaben, deren Veröffentlichung die Berater*innen zugestimmt haben.",
                result.Items.Select(a => new ApiAdvisor(
                    a.Slug, a.Name, a.FirstName, a.LastName,
                    $"{root}/advisors/{a.Slug}",
                    a.HasPhoto ? $"{root}/advisors/{a.Slug}/photo" : null,
                    a.CityKey is not null ? new ApiCity(a.CityKey, a.CityName!) : null,
                    a.Gender, a.GenderSelfDescription, a.Age(year),
                    a.Countries?.Select(c => new ApiCode(c, DirectoryAdvisor.CountryName(c, culture))).ToArray(),
                    a.Languages?.Select(l => new ApiLanguage(l.Code, DirectoryAdvisor.LanguageName(l.Code, culture), l.Level)).ToArray(),
                    a.TopicIds?.Select(index.Topic).OfType<DirectoryTopic>().Select(t => new ApiTopic(t.Slug, t.Name(culture))).ToArray(),
                    a.Expertise, a.Bio)).ToArray());
            context.Response.Headers.AccessControlAllowOrigin = "*";
            return Results.Json(body, Json);
        }).AllowAnonymous();

        app.MapGet("/advisors/{slug}/photo", async (string slug, HttpContext context, CurrentPool current, AdvisorDirectory directory,
            AppDbContext db, CancellationToken ct) =>
        {
            if (current.Pool is not { } pool) return Results.NotFound();
            var index = await directory.ForPoolAsync(pool.Id, ct);
            // HasPhoto is true only with the photo consent, so a withdrawn consent answers 404 at once.
            if (index.Find(slug) is not { HasPhoto: true } advisor) return Results.NotFound();
            var photo = await db.AdvisorPhotos.AsNoTracking().Where(p => p.AdvisorId == advisor.Id)
                .Select(p => new { p.Content, p.ContentType, p.UploadedAt }).FirstOrDefaultAsync(ct);
            if (photo is null) return Results.NotFound();
            var type = ImageTypes.Contains(photo.ContentType) ? photo.ContentType : "application/octet-stream";
            context.Response.Headers.XContentTypeOptions = "nosniff";
            // Revalidate every time (cheap with the ETag): a withdrawn consent must not linger in caches.
            context.Response.Headers.CacheControl = "public, no-cache";
            return Results.File(photo.Content, type,
                lastModified: photo.UploadedAt,
                entityTag: new EntityTagHeaderValue($"\"{photo.UploadedAt.UtcTicks:x}\""));
        }).AllowAnonymous();
        return app;
    }

    private sealed record ApiDirectory(ApiPool Pool, int Total, int Page, int PageSize, int PageCount, string? Previous, string? Next,
        string Note, IReadOnlyList<ApiAdvisor> Items);

    private sealed record ApiPool(string Slug, string Name, string Brand);

    private sealed record ApiAdvisor(string Slug, string Name, string FirstName, string LastName, string ProfileUrl, string? PhotoUrl,
        ApiCity? City, Gender? Gender, string? GenderSelfDescription, int? Age, IReadOnlyList<ApiCode>? Countries,
        IReadOnlyList<ApiLanguage>? Languages, IReadOnlyList<ApiTopic>? Topics, string? Expertise, string? Bio);

    private sealed record ApiCity(string Key, string Name);

    private sealed record ApiCode(string Code, string Name);

    private sealed record ApiTopic(string Slug, string Name);

    private sealed record ApiLanguage(string Code, string Name, LanguageLevel Level);
}
