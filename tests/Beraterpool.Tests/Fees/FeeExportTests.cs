using System.Net;
using System.Text;
using Beraterpool.Tests.Infrastructure;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Tests.Fees;

public sealed class FeeExportTests(FeeExportTests.App app) : IClassFixture<FeeExportTests.App>
{
    /// <summary>One approved statement of November 2026 (3 days + 42 km = 762,60 €) and one draft that must not be exported.</summary>
    public sealed class App() : TestApp(importGazetteer: false)
    {
        public FeeWorld World { get; private set; } = null!;
        public int StatementId { get; private set; }

        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            World = await this.WorldAsync("export");
            await this.BankAsync(World, bic: "COBADEFFXXX");
            foreach (var day in new[] { 3, 4, 5 }) await this.ActivityAsync(World, new DateOnly(2026, 11, day), 2);
            StatementId = await this.CreateStatementAsync(World);
            await Post(World.Advisor, $"/me/fees/{StatementId}?handler=AddTravel",
                ("Travel.Date", "2026-11-04"), ("Travel.Description", "Bonn – Köln"), ("Travel.Mode", "km"), ("Travel.Kilometres", "42"));
            await Post(World.Advisor, $"/me/fees/{StatementId}?handler=Submit");
            await Post(World.Coordinator, $"/manage/fees/{StatementId}?handler=Approve");

            var draft = await this.WorldAsync("export-draft", "Entwurf");
            await this.ActivityAsync(draft, new DateOnly(2026, 11, 3), 2);
            await this.CreateStatementAsync(draft);
        }

        private static async Task Post(HttpClient client, string url, params (string Key, string Value)[] fields)
        {
            var response = await client.PostAsShownAsync(url, fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)), url[..url.IndexOf('?')]);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Csv_export_has_the_approved_statement_with_german_decimals_and_full_iban()
    {
        var response = await app.World.Coordinator.GetAsync("/manage/fees/export?from=2026-11&to=2026-11&format=csv", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("honorare-2026-11-bis-2026-11.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("Abrechnungsnummer;Pool;Berater*in;", lines[0]);
        var row = lines[1].Split(';');
        Assert.Equal($"HA-2026-11-{app.StatementId:00000}", row[0]);
        Assert.Equal("Ayşe Müller-Öztürk", row[2]);
        Assert.Equal("Königstraße 12", row[4]);
        Assert.Equal("DE89 3704 0044 0532 0130 00", row[7]);
        Assert.Equal(["3,00", "250,00", "750,00", "12,60", "0,00", "762,60"], row[^6..]);
        Assert.DoesNotContain("Entwurf", lines[1]);

        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "fee.export").Select(e => e.Details).ToListAsync());
        Assert.Contains(audit, d => d!.Contains("format=csv") && d.Contains($"HA-2026-11-{app.StatementId:00000}"));
    }

    [Fact]
    public async Task Export_carries_bic_invoice_number_and_payment_reference_for_the_transfer()
    {
        var number = (await app.StatementAsync(app.StatementId)).InvoiceNumber;
        Assert.NotNull(number);
        var csv = await app.World.Coordinator.GetStringAsync("/manage/fees/export?from=2026-11&to=2026-11&format=csv", Ct);
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var headers = lines[0].Split(';').ToList();
        var row = lines[1].Split(';');
        Assert.Equal("COBADEFFXXX", row[headers.IndexOf("BIC")]);
        Assert.Equal(number, row[headers.IndexOf("Rechnungsnummer")]);
        Assert.Equal($"Honorar 2026-11 Rechnung {number} Ayşe Müller-Öztürk", row[headers.IndexOf("Verwendungszweck")]);
    }

    [Fact]
    public async Task Xlsx_export_opens_with_ClosedXML_and_has_the_row()
    {
        var response = await app.World.Coordinator.GetAsync("/manage/fees/export?from=2026-10&to=2026-12&format=xlsx", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct));
        using var workbook = new XLWorkbook(stream);
        var sheet = workbook.Worksheet(1);
        Assert.Equal("Abrechnungsnummer", sheet.Cell(1, 1).GetString());
        Assert.Equal($"HA-2026-11-{app.StatementId:00000}", sheet.Cell(2, 1).GetString());
        Assert.Equal("Ayşe Müller-Öztürk", sheet.Cell(2, 3).GetString());
        Assert.Equal("53113", sheet.Cell(2, 6).GetString());
        Assert.Equal(762.60m, sheet.Cell(2, 21).GetValue<decimal>());
        Assert.True(sheet.Cell(3, 1).IsEmpty());
    }

    [Fact]
    public async Task Export_of_another_period_is_empty_and_a_bad_period_is_refused()
    {
        var csv = await app.World.Coordinator.GetStringAsync("/manage/fees/export?from=2026-12&to=2026-12&format=csv", Ct);
        Assert.Single(csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
        var bad = await app.World.Coordinator.GetAsync("/manage/fees/export?from=2026-13&format=csv", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await app.World.Advisor.GetAsync("/manage/fees/export?from=2026-11&to=2026-11", Ct)).StatusCode);
    }
}
