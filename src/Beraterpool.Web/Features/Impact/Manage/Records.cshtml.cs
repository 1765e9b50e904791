using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beraterpool.Web.Features.Impact.Manage;

/// <summary>The records behind one figure of the report: exactly what it counts, from the same query.</summary>
[Authorize(Roles = Roles.Administrator + "," + Roles.Coordinator)]
public sealed class RecordsModel(AppDbContext db, ImpactPools pools) : PageModel
{
    /// <summary>A figure counts every record; the page lists this many and says so when there are more.</summary>
    public const int Limit = 1000;

    public Indicator Indicator { get; private set; } = null!;
    public PoolInfo Pool { get; private set; } = null!;
    public int Year { get; private set; }
    public decimal? Figure { get; private set; }
    public IReadOnlyList<IndicatorRecord> Records { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int year, string key, int? pool, CancellationToken ct) =>
        await LoadAsync(year, key, pool, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetCsvAsync(int year, string key, int? pool, CancellationToken ct) =>
        await LoadAsync(year, key, pool, ct) ? File(TableExport.Csv(Headers, Rows()), TableExport.CsvType, $"{key}-{Pool.Slug}-{year}.csv") : NotFound();

    public async Task<IActionResult> OnGetXlsxAsync(int year, string key, int? pool, CancellationToken ct) =>
        await LoadAsync(year, key, pool, ct) ? File(TableExport.Xlsx(Indicator.Name, Headers, Rows()), TableExport.XlsxType, $"{key}-{Pool.Slug}-{year}.xlsx") : NotFound();

    private string[] Headers => ["Eintrag", "Angabe", Indicator.Unit];

    private IEnumerable<ExportCell[]> Rows() => Records.Select(r => new ExportCell[] { r.Label, r.Detail, r.Value });

    private async Task<bool> LoadAsync(int year, string key, int? pool, CancellationToken ct)
    {
        if (year is < ImpactSetup.FirstYear or > ImpactSetup.LastYear) return false;
        var (_, chosen) = await pools.ChooseAsync(pool, ct);
        if (chosen is null) return false;
        // A custom indicator is found only among the chosen pool's own: another pool's key is not found.
        if ((BuiltInIndicators.Find(key) ?? await Custom.CustomIndicators.FindAsync(db, chosen.Id, key, ct)) is not { } indicator) return false;
        (Indicator, Pool, Year) = (indicator, chosen, year);
        var scope = new ImpactScope(db, [chosen.Id], year);
        Figure = await indicator.FigureAsync(scope, ct);
        Records = await indicator.RecordsAsync(scope, Limit, ct);
        return true;
    }
}
