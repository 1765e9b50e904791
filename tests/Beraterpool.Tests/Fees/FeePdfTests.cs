using Beraterpool.Web.Features.Engagements;
using Beraterpool.Web.Features.Fees;

namespace Beraterpool.Tests.Fees;

public sealed class FeePdfTests
{
    private static StatementView Statement(int activities, FeeStatementStatus status = FeeStatementStatus.Approved) => new(
        42, 1, "MiGlobe NRW", 7, "Jean-Baptiste Kouassi", null, "jb@example.org", 2026, 11, status, 250m, 0m, null,
        FeeStatements.TaxNoteDefault, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero), null, null,
        new BankView("Jean-Baptiste Kouassi", "DE89370400440532013000", Iban.Mask("DE89370400440532013000"), "Grüner Weg 3", "44137", "Dortmund", null),
        Enumerable.Range(0, activities).Select(i => new ActivityLine(i + 1, new DateOnly(2026, 11, 1 + i % 30), 3 + i % 4,
            i % 2 == 0 ? "Mülheim an der Ruhr" : "Düsseldorf", ActivityKind.Workshop, 1)).ToList(),
        [new TravelLine(1, new DateOnly(2026, 11, 3), "Dortmund – Düsseldorf", 42m, 12.60m, null)]);

    [Fact]
    public void A_long_statement_flows_onto_more_pages_with_the_total_after_the_first()
    {
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(FeePdf.Render(Statement(120)));
        Assert.True(pdf.NumberOfPages >= 3, $"pages: {pdf.NumberOfPages}");
        Assert.Contains("Seite 1 von", pdf.GetPage(1).Text);
        Assert.DoesNotContain("Gesamtbetrag", pdf.GetPage(1).Text);
        var rest = string.Join("\n", pdf.GetPages().Skip(1).Select(p => p.Text));
        Assert.Contains("Gesamtbetrag", rest);
        Assert.Contains("15.012,60 €", rest); // 60 days × 250 € + 12,60 €
        Assert.Contains("Status: Freigegeben", pdf.GetPage(pdf.NumberOfPages).Text);
    }

    [Fact]
    public void Umlauts_dates_masked_iban_and_approval_render()
    {
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(FeePdf.Render(Statement(2)));
        var text = pdf.GetPage(1).Text;
        Assert.Contains("Mülheim an der Ruhr", text);
        Assert.DoesNotContain("Einsatz", text);
        Assert.Contains("Düsseldorf", text);
        Assert.Contains("Grüner Weg 3", text);
        Assert.Contains("01.11.2026", text);
        Assert.Contains("DE•• •••• •••• •••• ••30 00", text);
        Assert.Contains("Freigegeben am 02.12.2026", text);
        Assert.Contains("262,60 €", text);
    }
}
