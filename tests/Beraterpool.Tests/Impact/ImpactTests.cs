using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Impact;
using Beraterpool.Web.Features.Impact.Manage;
using ClosedXML.Excel;
using CsvHelper;

namespace Beraterpool.Tests.Impact;

public sealed partial class ImpactTests(ImpactWorld app) : IClassFixture<ImpactWorld>
{
    /// <summary>The figures of 2025 for the test pool, counted by hand from <see cref="ImpactWorld"/>.</summary>
    public static readonly Dictionary<string, string> Expected = new()
    {
        ["anfragen"] = "3",                  // R1, R2, R3 (31 Dec 23:30); not R0 (2024), R4 (1 Jan 2026 00:30 local), R5 (other pool)
        ["kommunen-anfragen"] = "2",         // Köln, Bonn
        ["begleitungen-begonnen"] = "1",     // E1; E2 began in 2024
        ["begleitungen-abgeschlossen"] = "1",
        ["kommunen-begleitet"] = "2",        // Köln (E1), Bonn (E2 running since 2024)
        ["beratungstage"] = "3",             // 2 + 3 + 1 half days; not the 4 of December 2024, not the other pool's 5
        ["optionen-vereinbart"] = "2",       // agreed and done; not dropped, not proposed
        ["optionen-umgesetzt"] = "1",
        ["zufriedenheit"] = "4",             // E1; the other pool's 1 never counts
        ["veranstaltungen"] = "1",           // not the cancelled forum, not 2024, not the other pool
        ["teilnehmende"] = "2",              // checked in only
        ["neue-organisationen"] = "1",       // Eine-Welt-Laden Köln; Stadt Köln came in 2024
        ["neue-kommunen"] = "1",             // Köln (R1, E1); Bonn had R0 in 2024, Münster's request is of 2026, Dortmund another pool's
        ["neue-kontakte"] = "0",             // no stakeholders here: counted with their own data in NewActorTests
        ["berater-im-einsatz"] = "2",
        ["tage-je-berater"] = "1,5",         // (2.5 + 0.5) / 2
        ["honorare"] = "272,5",
        ["seminare"] = "2",                  // S1, S2; not S3 (nothing recorded yet), not S0 (2024), not the other pool's
        ["anwesenheitsquote"] = "50",        // present + late of present, late, absent, excused
        ["interviews"] = "0",                // counted with its own data in InterviewTests
        ["aufrufe"] = "0",                   // calls and mentoring: counted with their own data in EstablishmentIndicatorTests
        ["bewerbungen-aufgenommen"] = "0",
        ["mentoring-tandems"] = "0",
        ["mentoring-treffen"] = "0",              // 1 day × 250 € + 12.50 € travel + 10 € other; the approved statement is not paid
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private string Report => $"/manage/reports/2025?pool={app.Pool}";

    private Task<HttpClient> CoordinatorAsync() => app.SignedInBrowserAsync(ImpactWorld.CoordinatorEmail, Roles.Coordinator);

    [Fact]
    public async Task Each_indicator_of_the_report_equals_the_hand_count_and_other_pools_and_years_never_count()
    {
        var html = await (await CoordinatorAsync()).GetStringAsync(Report, Ct);
        var all = html[html.IndexOf("id=\"figures-all\"", StringComparison.Ordinal)..];
        Assert.Equal(BuiltInIndicators.All.Count, Expected.Count);
        foreach (var (key, value) in Expected)
            Assert.True(Figure(all, key) == value, $"{key}: {Figure(all, key)} instead of {value}");
        // Last year's column: 2024 had R0, the 2 days of December and one forum.
        Assert.Equal(("1", "2", "1"), (Previous(all, "anfragen"), Previous(all, "beratungstage"), Previous(all, "veranstaltungen")));
    }

    [Theory]
    [InlineData("anfragen", new[] { "R1-2025", "R2-2025", "R3-2025" }, new[] { "R0-2024", "R4-2026", "R5-fremd" })]
    [InlineData("kommunen-anfragen", new[] { "Köln", "Bonn" }, new[] { "Münster", "Dortmund" })]
    [InlineData("optionen-vereinbart", new[] { "Faire Beschaffung im Rathaus", "Fairtrade-Town bewerben" }, new[] { "Partnerschaft prüfen", "Nur vorgeschlagen", "Fremde Option" })]
    [InlineData("neue-organisationen", new[] { "Eine-Welt-Laden Köln" }, new[] { "Stadt Köln", "Kam nicht e. V.", "Abgesagt gGmbH", "Fremde Organisation" })]
    [InlineData("neue-kommunen", new[] { "Köln" }, new[] { "Bonn", "Münster", "Dortmund" })]
    [InlineData("seminare", new[] { "S1 Themenfelder", "S2 Profil" }, new[] { "S0 Kennenlernen", "S3 Arbeitsstruktur", "Fremdes Seminar" })]
    [InlineData("teilnehmende", new[] { "Stadt Köln", "Eine-Welt-Laden Köln" }, new[] { "Kam nicht e. V.", "Abgesagt gGmbH", "Fremde Organisation" })]
    public async Task The_drill_down_lists_exactly_the_records_the_figure_counts(string key, string[] listed, string[] absent)
    {
        var html = await (await CoordinatorAsync()).GetStringAsync($"/manage/reports/2025/indicators/{key}?pool={app.Pool}", Ct);
        var rows = RecordRow().Matches(html).Select(m => Html.Text(m.Value)).ToList();
        Assert.Equal(Expected[key], rows.Count.ToString(CultureInfo.InvariantCulture));
        Assert.Contains($">{Expected[key]}</strong>", html);
        Assert.All(listed, l => Assert.Contains(rows, r => r.Contains(l, StringComparison.Ordinal)));
        Assert.All(absent, a => Assert.DoesNotContain(a, Html.Text(html)));
    }

    [Fact]
    public async Task A_sum_lists_its_records_with_their_values_and_a_link_to_each()
    {
        var html = await (await CoordinatorAsync()).GetStringAsync($"/manage/reports/2025/indicators/beratungstage?pool={app.Pool}", Ct);
        var values = RecordRow().Matches(html).Select(m => CellValue().Matches(m.Value).Last().Groups[1].Value).Order().ToList();
        Assert.Equal(["0,5", "1", "1,5"], values);
        Assert.Contains("href=\"/engagements/", html);
    }

    [Fact]
    public async Task The_PDF_has_the_sections_in_order_and_the_figures_the_page_shows()
    {
        var client = await CoordinatorAsync();
        var pdf = await client.GetAsync($"/manage/reports/2025.pdf?pool={app.Pool}", Ct);
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        using var document = UglyToad.PdfPig.PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync(Ct));
        var pages = document.GetPages().Select(p => p.Text).ToList();
        Assert.Contains("Jahresbericht 2025", pages[0]);
        Assert.Contains("Pool wirkung", pages[0]);
        Assert.Contains("Inhalt", pages[1]);
        var starts = ReportPdf.Titles.OrderBy(t => t.Key).Select((t, i) => pages.FindIndex(2, p => p.StartsWith($"{i + 1}. {t.Value}", StringComparison.Ordinal))).ToList();
        Assert.DoesNotContain(-1, starts);
        Assert.Equal(starts.Order(), starts);
        var text = string.Join("\n", pages);
        Assert.Contains("Anfragen von Kommunen: 3 Anfragen (Vorjahr: 1)", text);
        Assert.Contains("Beratungstage: 3 Tage (Vorjahr: 2)", text);
        Assert.Contains("Ausgezahlte Honorare: 272,5 €", text);
        Assert.Contains("Köln: 2,5 von 10", text);
        // The page's charts as bars with their values printed, in the consultations chapter (before the network's).
        var consultations = string.Join("\n", pages[starts[3]..starts[4]]);
        foreach (var chart in new[] { "Anfragen je Monat 2025", "Begonnene Begleitungen nach Themen 2025", "Beratungstage je Monat 2025" })
            Assert.Contains(chart, consultations);
        Assert.Contains("1,5 Tage", consultations);   // May: 3 half days
        Assert.Contains("0,5 Tage", consultations);   // February: 1 half day

        var page = Html.Text(await client.GetStringAsync(Report, Ct));
        Assert.Contains("Köln 2,5 10 7,5", page);
    }

    [Fact]
    public async Task Each_chart_has_a_title_and_the_table_beside_it_has_its_numbers()
    {
        var html = await (await CoordinatorAsync()).GetStringAsync(Report, Ct);
        var figure = html[html.IndexOf("<figure class=\"chart-figure\" aria-labelledby=\"chart-days-caption\"", StringComparison.Ordinal)..];
        figure = figure[..(figure.IndexOf("</figure>", StringComparison.Ordinal) + 9)];
        Assert.Contains("<svg", figure);
        Assert.Contains("role=\"img\"", figure);
        Assert.Contains("<title id=\"chart-days-title\">Beratungstage je Monat 2025</title>", figure);
        var drawn = ChartValue().Matches(figure).Select(m => m.Groups[1].Value).ToList();
        var table = TableValue().Matches(figure).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(12, table.Count);
        Assert.Equal(drawn, table);
        Assert.Equal(["0", "0,5", "0", "1", "1,5", "0", "0", "0", "0", "0", "0", "0"], table);
        Assert.Contains("<polyline class=\"chart__line\"", html);
    }

    [Fact]
    public async Task The_indicators_export_to_CSV_and_XLSX_with_German_headers_and_the_same_rows()
    {
        var client = await CoordinatorAsync();
        var csv = await client.GetAsync($"/manage/reports/2025?handler=Csv&pool={app.Pool}", Ct);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var bytes = await csv.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var rows = new List<string[]>();
        using (var reader = CsvReader.Create(new StringReader(System.Text.Encoding.UTF8.GetString(bytes[3..])), new CsvReaderOptions { Separator = ';', HasHeader = false }, true))
            while (reader.Read()) rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetString(i)).ToArray());
        Assert.Equal(ReportModel.Headers, rows[0]);
        Assert.Contains("Veränderung", rows[0]);
        Assert.Equal(BuiltInIndicators.All.Count, rows.Count - 1);
        Assert.Contains(rows, r => r[0] == "Beratungstage je Berater*in im Einsatz" && r[3] == "1,5");
        Assert.Contains(rows, r => r[0] == "Ausgezahlte Honorare" && r[1] == "€" && r[3] == "272,5");

        var xlsx = await client.GetAsync($"/manage/reports/2025?handler=Xlsx&pool={app.Pool}", Ct);
        using var workbook = new XLWorkbook(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync(Ct)));
        var sheet = workbook.Worksheet(1);
        Assert.Equal(rows.Count, sheet.LastRowUsed()!.RowNumber());
        for (var r = 1; r < rows.Count; r++)
        {
            Assert.Equal(rows[r][0], sheet.Cell(r + 1, 1).GetString());
            Assert.Equal(rows[r][3], sheet.Cell(r + 1, 4).IsEmpty() ? "" : sheet.Cell(r + 1, 4).GetValue<decimal>().ToString("0.##", CultureInfo.GetCultureInfo("de-DE")));
        }
    }

    [Fact]
    public async Task Another_pools_coordinator_and_anonymous_visitors_see_nothing_of_the_report()
    {
        var other = await app.SignedInBrowserAsync(ImpactWorld.OtherCoordinatorEmail, Roles.Coordinator);
        foreach (var url in new[] { Report, $"/manage/reports/2025.pdf?pool={app.Pool}", $"/manage/reports/2025/indicators/anfragen?pool={app.Pool}",
                     $"/manage/reports/2025/texts?pool={app.Pool}", $"/manage/reports/2025?handler=Csv&pool={app.Pool}" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url, Ct)).StatusCode);
            var anonymous = await app.Browser().GetAsync(url, Ct);
            Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
            Assert.Contains("/account/login", anonymous.Headers.Location!.OriginalString);
        }
        // Their own pool's report has none of this pool's records.
        var own = await other.GetStringAsync("/manage/reports/2025", Ct);
        Assert.Equal("1", Figure(own[own.IndexOf("id=\"figures-all\"", StringComparison.Ordinal)..], "anfragen"));
    }

    [Fact]
    public async Task Texts_are_kept_per_year_and_only_published_figures_reach_the_public_page()
    {
        var client = await CoordinatorAsync();
        var before = Html.Text(await app.Browser().GetStringAsync("/impact", Ct));
        Assert.Contains("noch keine Kennzahlen veröffentlicht", before);

        var texts = $"/manage/reports/2025/texts?pool={app.Pool}";
        // The form as the browser sends it: every section's field, the long one and one more filled in.
        var form = FormFields.Of(await client.GetStringAsync(texts, Ct), "class=\"stack\"")
            .Set("Input.Texts[0]", new string('x', ReportText.MaxLength + 1)).Set("Input.Texts[6]", "Ausblick bleibt");
        var tooLong = await client.PostFormAsync(texts, form.Where(f => f.Key != "__RequestVerificationToken"), texts);
        Assert.Equal(HttpStatusCode.OK, tooLong.StatusCode);
        var again = await tooLong.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Der Text darf höchstens 20000 Zeichen lang sein.", Html.Text(again).Replace("20.000", "20000"), StringComparison.Ordinal);
        Assert.Contains("Ausblick bleibt", again);

        var saved = await client.PostFormAsync(texts,
            form.Set("Input.Texts[0]", "Ein **gutes** Jahr für die Kommunen.").Set("Input.Published", "beratungstage", "veranstaltungen").Where(f => f.Key != "__RequestVerificationToken"), texts);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var report = await client.GetStringAsync(Report, Ct);
        Assert.Contains("Ein <strong>gutes</strong> Jahr für die Kommunen.", report);
        Assert.DoesNotContain("gutes", await client.GetStringAsync($"/manage/reports/2024?pool={app.Pool}", Ct));

        var impact = await app.Browser().GetStringAsync("/impact", Ct);
        Assert.Contains("data-indicator=\"beratungstage\"", impact);
        Assert.Contains("data-indicator=\"veranstaltungen\"", impact);
        Assert.DoesNotContain("data-indicator=\"anfragen\"", impact);
        Assert.DoesNotContain("Ausgezahlte Honorare", impact);
        Assert.Contains("Beratungstage (Tage) 3", Html.Text(impact));
        Assert.Contains("3 Beratungstage (2025)", Html.Text(impact)); // the key figures name last year, not a formula
    }

    [Fact]
    public async Task The_administrator_sees_every_pool_side_by_side_and_their_sum()
    {
        var admin = await app.SignedInBrowserAsync("admin-wirkung@example.org", Roles.Administrator);
        var html = await admin.GetStringAsync("/manage/reports/2025/pools", Ct);
        var row = Regex.Match(html, "data-indicator=\"anfragen\">(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value;
        // Pool "anderer-pool" (R5) and pool "wirkung" (3), sorted by name, then both together.
        Assert.Equal(["1", "3", "4"], Regex.Matches(row, "<td[^>]*>(.*?)</td>", RegexOptions.Singleline).Select(m => Html.Text(m.Groups[1].Value)));
        var coordinator = await CoordinatorAsync();
        Assert.NotEqual(HttpStatusCode.OK, (await coordinator.GetAsync("/manage/reports/2025/pools", Ct)).StatusCode);
    }

    private static string? Figure(string html, string key) => FigureCell(html, key, 1);

    private static string? Previous(string html, string key) => FigureCell(html, key, 2);

    private static string? FigureCell(string html, string key, int column)
    {
        var row = Regex.Match(html, $"<tr class=\"kern-table__row\" data-indicator=\"{key}\">(.*?)</tr>", RegexOptions.Singleline);
        return row.Success ? Html.Text(Regex.Matches(row.Groups[1].Value, "<td[^>]*>(.*?)</td>", RegexOptions.Singleline)[column - 1].Groups[1].Value).Trim() : null;
    }

    [GeneratedRegex("<tr class=\"kern-table__row\" data-record>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex RecordRow();

    [GeneratedRegex("<td class=\"kern-table__cell num\">([^<]*)</td>")]
    private static partial Regex CellValue();

    [GeneratedRegex("<text [^>]*class=\"chart__value\">([^<]*)</text>")]
    private static partial Regex ChartValue();

    [GeneratedRegex("<td class=\"kern-table__cell num\" data-value=\"[^\"]*\">([^<]*)</td>")]
    private static partial Regex TableValue();
}
