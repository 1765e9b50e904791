using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Impact.Manage;

/// <summary>
/// A pool's annual report as a page: figures from the records with last year beside them, charts with their tables,
/// and the coordinators' texts; each figure opens the records behind it. The PDF and the indicator table as CSV/XLSX
/// come from the same model.
/// </summary>
[Authorize(Roles = Roles.Administrator + "," + Roles.Coordinator)]
public sealed class ReportModel(AppDbContext db, ImpactPools pools, TimeProvider time, IStringLocalizer<ReportModel> text) : PageModel
{
    public static readonly string[] Headers = ["Kennzahl", "Einheit", "Jahr", "Wert", "Vorjahr", "Veränderung", "Ziel"];

    public IReadOnlyList<PoolInfo> Pools { get; private set; } = [];
    public AnnualReport Report { get; private set; } = null!;
    public int CurrentYear { get; private set; }
    public IStringLocalizer Text => text;

    public async Task<IActionResult> OnGetAsync(int? year, int? pool, CancellationToken ct)
    {
        if (year is null) return RedirectToPage(new { year = time.LocalYear(), pool });
        return await LoadAsync(year.Value, pool, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnGetCsvAsync(int year, int? pool, CancellationToken ct) =>
        await LoadAsync(year, pool, ct) ? File(TableExport.Csv(Headers, Rows()), TableExport.CsvType, $"kennzahlen-{Report.Pool.Slug}-{year}.csv") : NotFound();

    public async Task<IActionResult> OnGetXlsxAsync(int year, int? pool, CancellationToken ct) =>
        await LoadAsync(year, pool, ct) ? File(TableExport.Xlsx("Kennzahlen", Headers, Rows()), TableExport.XlsxType, $"kennzahlen-{Report.Pool.Slug}-{year}.xlsx") : NotFound();

    private IEnumerable<ExportCell[]> Rows() => Report.Figures.Select(f => new ExportCell[]
    {
        f.Indicator.Name, f.Indicator.Unit, Report.Year,
        f.Value is { } v ? v : (ExportCell)"", f.Previous is { } p ? p : (ExportCell)"", f.Change is { } c ? c : (ExportCell)"",
        f.Indicator.Target is { } t ? t : (ExportCell)"",
    });

    private async Task<bool> LoadAsync(int year, int? pool, CancellationToken ct)
    {
        if (year is < ImpactSetup.FirstYear or > ImpactSetup.LastYear) return false;
        var (managed, chosen) = await pools.ChooseAsync(pool, ct);
        if (chosen is null) return false;
        Pools = managed;
        CurrentYear = time.LocalYear();
        Report = await AnnualReport.BuildAsync(db, chosen, year, CurrentYear, System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, ct);
        return true;
    }

    public string SectionTitle(ReportSection section) => text[ReportPdf.Titles[section]];

    public Chart TopicsChart() => new("chart-topics", text["Begonnene Begleitungen nach Themen {0}", Report.Year],
        text["Balken je Thema; die Zahlen stehen auch in der Tabelle daneben. Am häufigsten: {0}.", Report.Topics.OrderByDescending(t => t.Value).FirstOrDefault()?.Label ?? "–"],
        Report.Topics, text["Begleitungen"]);

    public Chart DaysChart() => new("chart-days", text["Beratungstage je Monat {0}", Report.Year],
        text["Balken je Monat; zusammen {0} Tage.", AnnualReport.Number(Report.DaysByMonth.Sum(d => d.Value))], Report.DaysByMonth, text["Tage"]);

    /// <summary>The pool's own indicators with a target: the actual of the year against it.</summary>
    public Chart? TargetChart()
    {
        var targeted = Report.OwnIndicators.Where(f => f.Indicator.Target is not null).ToList();
        if (targeted.Count == 0) return null;
        var reached = targeted.Count(f => f.Value >= f.Indicator.Target);
        return new("chart-targets", text["Eigene Kennzahlen {0}: Ziel und Ist", Report.Year],
            text["Balken je Kennzahl bis zum Ist, ein Strich beim Ziel; {0} von {1} Zielen erreicht.", reached, targeted.Count],
            targeted.Select(f => new ChartBar($"{f.Indicator.Name} ({f.Indicator.Unit})", f.Value ?? 0)).ToList(), text["Ist"])
        {
            Targets = targeted.Select(f => f.Indicator.Target).ToList(), TargetUnit = text["Ziel"],
        };
    }

    public Chart RequestsChart() => new("chart-requests", text["Anfragen je Monat {0}", Report.Year],
        text["Linie über die Monate; zusammen {0} Anfragen.", AnnualReport.Number(Report.RequestsByMonth.Sum(d => d.Value))], Report.RequestsByMonth, text["Anfragen"], Line: true);
}
