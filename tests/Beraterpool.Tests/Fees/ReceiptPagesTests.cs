using System.Net;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Fees;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Tests.Fees;

/// <summary>The travel receipts travel with the invoice: appended to the statement's PDF, images and PDFs alike.</summary>
public sealed class ReceiptPagesTests(ReceiptPagesTests.App app) : IClassFixture<ReceiptPagesTests.App>
{
    public sealed class App() : TestApp(importGazetteer: false);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // A 1×1 PNG.
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private static byte[] TwoPagePdf()
    {
        using var doc = new PdfSharp.Pdf.PdfDocument();
        doc.AddPage();
        doc.AddPage();
        using var ms = new MemoryStream();
        doc.Save(ms);
        return ms.ToArray();
    }

    private static StatementView Statement() => new(
        42, 1, "MiGlobe NRW", 7, "Jean-Baptiste Kouassi", null, "jb@example.org", 2026, 11, FeeStatementStatus.Approved, 250m, 0m, null,
        null, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, null, null, null, [],
        [new TravelLine(1, new DateOnly(2026, 11, 3), "Bahn Dortmund – Düsseldorf", null, 23.40m, "ticket.pdf")]);

    private static int Pages(byte[] pdf)
    {
        using var doc = UglyToad.PdfPig.PdfDocument.Open(pdf);
        return doc.NumberOfPages;
    }

    [Fact]
    public void An_image_receipt_adds_a_page_and_a_pdf_receipt_adds_its_pages()
    {
        var without = Pages(FeePdf.Render(Statement()));
        var image = new ReceiptFile(new DateOnly(2026, 11, 3), "Bahn", "ticket.png", "image/png", Png);
        var pdf = new ReceiptFile(new DateOnly(2026, 11, 4), "Bus", "bus.pdf", "application/pdf", TwoPagePdf());

        var rendered = FeePdf.Render(Statement(), receipts: [image, pdf]);

        Assert.Equal(without + 3, Pages(rendered));
        using var doc = UglyToad.PdfPig.PdfDocument.Open(rendered);
        Assert.Contains("Anlage 1: Beleg „ticket.png“", doc.GetPage(without + 1).Text);
        Assert.NotEmpty(doc.GetPage(without + 1).GetImages());
        Assert.Contains("Anlage 2: Beleg „bus.pdf“", doc.GetPage(without + 2).Text);
    }

    [Fact]
    public void A_damaged_receipt_gets_a_page_that_says_so_instead_of_breaking_the_invoice()
    {
        var broken = new ReceiptFile(new DateOnly(2026, 11, 3), "Bahn", "ticket.pdf", "application/pdf", "%PDF-1.4\n%%EOF\n"u8.ToArray());

        var rendered = FeePdf.Render(Statement(), receipts: [broken]);

        using var doc = UglyToad.PdfPig.PdfDocument.Open(rendered);
        Assert.Contains("konnte nicht in die PDF-Datei übernommen werden", doc.GetPage(doc.NumberOfPages).Text);
    }

    [Fact]
    public async Task The_coordinators_pdf_grows_by_the_pages_of_an_uploaded_receipt()
    {
        var w = await app.WorldAsync("belegseiten");
        await app.BankAsync(w);
        await app.ActivityAsync(w, new DateOnly(2026, 11, 3), 2);
        var id = await app.CreateStatementAsync(w);
        var before = Pages(await w.Coordinator.GetByteArrayAsync($"/manage/fees/{id}/pdf", Ct));

        var token = Html.AntiforgeryToken(await w.Advisor.GetStringAsync($"/me/fees/{id}", Ct));
        var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" }, { new StringContent("2026-11-05"), "Travel.Date" },
            { new StringContent("Bonn – Köln, Bahn"), "Travel.Description" }, { new StringContent("ticket"), "Travel.Mode" },
            { new StringContent("23,40"), "Travel.Amount" },
        };
        var file = new ByteArrayContent(TwoPagePdf());
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        form.Add(file, "Travel.Receipt", "fahrkarte.pdf");
        Assert.Equal(HttpStatusCode.Redirect, (await w.Advisor.PostAsync($"/me/fees/{id}?handler=AddTravel", form, Ct)).StatusCode);
        Assert.True(await app.WithDbAsync(db => db.TravelCosts.AnyAsync(t => t.FeeStatementId == id && t.Receipt != null)));

        Assert.Equal(before + 2, Pages(await w.Coordinator.GetByteArrayAsync($"/manage/fees/{id}/pdf", Ct)));
        Assert.Equal(before + 2, Pages(await w.Advisor.GetByteArrayAsync($"/me/fees/{id}/pdf", Ct)));
    }
}
