using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Email;
using Beraterpool.Web.Features.Impact;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Shared;
using Beraterpool.Web.Features.Statistics;

namespace Beraterpool.Web.Features.OpenData;

/// <summary>
/// The open-data files (<c>/opendata/…</c>, under a pool's prefix or host for that pool): the DCAT-AP.de catalogue, the
/// published indicators and the pool in figures. The directory's data is <c>/api/advisors</c>, the events <c>/events.ics</c>.
/// </summary>
public static class OpenDataSetup
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Served as application/json only, so umlauts may stay readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static WebApplication MapOpenData(this WebApplication app)
    {
        var group = app.MapGroup("/opendata").AllowAnonymous();

        group.MapGet("/catalog.jsonld", async (CurrentPool current, PublicLinks links, AppDbContext db, TimeProvider time, HttpContext context, CancellationToken ct) =>
        {
            if (current.Pool is not { } pool) return Results.NotFound();
            var site = links.Pool(pool);
            var datasets = await OpenDataSets.ForPoolAsync(db, pool, site, time, ct);
            Public(context);
            return Results.Text(JsonLd.Serialize(DcatCatalog.Write(pool, site, datasets)), JsonLd.ContentType, System.Text.Encoding.UTF8);
        });

        group.MapGet("/indicators.csv", async (CurrentPool current, AppDbContext db, TimeProvider time, HttpContext context, CancellationToken ct) =>
        {
            if (current.Pool is not { } pool) return Results.NotFound();
            var rows = await IndicatorRowsAsync(db, pool, time, ct);
            Public(context);
            return Results.File(TableExport.Csv(["Schlüssel", "Kennzahl", "Einheit", "Jahr", "Wert"],
                    rows.Select(r => (IReadOnlyList<ExportCell>)[r.Key, r.Name, r.Unit, r.Year, r.Value is { } v ? new ExportCell(null, v) : new ExportCell("")])),
                TableExport.CsvType, $"{pool.Slug}-kennzahlen.csv");
        });

        group.MapGet("/indicators.json", async (CurrentPool current, AppDbContext db, TimeProvider time, HttpContext context, CancellationToken ct) =>
        {
            if (current.Pool is not { } pool) return Results.NotFound();
            var rows = await IndicatorRowsAsync(db, pool, time, ct);
            Public(context);
            return Results.Json(new { Pool = Pool(pool), License = OpenDataSets.License, Indicators = rows }, Json);
        });

        group.MapGet("/statistics.json", async (CurrentPool current, AppDbContext db, TimeProvider time, HttpContext context, CancellationToken ct) =>
        {
            if (current.Pool is not { } pool) return Results.NotFound();
            var statistics = await PoolStatistics.ComputeAsync(db, pool.Id, "de", time.LocalYear(), ct);
            Public(context);
            return Results.Json(new
            {
                Pool = Pool(pool), License = OpenDataSets.License,
                Note = "Nur aktive Berater*innen; jede Angabe zählt nur, wenn die Berater*in ihrer Veröffentlichung zugestimmt hat.",
                Statistics = statistics,
            }, Json);
        });
        return app;
    }

    /// <summary>One row per published indicator and year: the year so far and the last full year.</summary>
    public sealed record IndicatorValue(string Key, string Name, string Unit, int Year, decimal? Value);

    private static async Task<List<IndicatorValue>> IndicatorRowsAsync(AppDbContext db, PoolInfo pool, TimeProvider time, CancellationToken ct)
    {
        var year = time.LocalYear();
        var figures = await PublishedFigures.ForPoolAsync(db, pool.Id, year, ct);
        return figures.SelectMany(f => new[]
        {
            new IndicatorValue(f.Indicator.Key, f.Indicator.Name, f.Indicator.Unit, year - 1, f.Previous),
            new IndicatorValue(f.Indicator.Key, f.Indicator.Name, f.Indicator.Unit, year, f.Value),
        }).ToList();
    }

    private static object Pool(PoolInfo pool) => new { pool.Slug, pool.Name, Brand = pool.BrandName };

    /// <summary>Open data: any site may read it, and a harvester may keep it for a few minutes.</summary>
    private static void Public(HttpContext context)
    {
        context.Response.Headers.AccessControlAllowOrigin = "*";
        context.Response.Headers.CacheControl = "public, max-age=300";
    }
}
