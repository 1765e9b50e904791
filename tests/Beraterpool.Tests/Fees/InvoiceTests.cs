using System.Net;
using System.Text.RegularExpressions;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Fees;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Tests.Fees;

/// <summary>The statement's PDF is an invoice the accounting office can book (§ 14 UStG).</summary>
public sealed class InvoiceTests(InvoiceTests.App app) : IClassFixture<InvoiceTests.App>
{
    public sealed class App() : TestApp(importGazetteer: false);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly DateOnly Nov3 = new(2026, 11, 3);

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string url) =>
        client.PostAsShownAsync(url, [], url[..url.IndexOf('?')]);

    private Task RecipientAsync(FeeWorld w) => app.WithDbAsync(db => db.Pools.Where(p => p.Id == w.PoolId).ExecuteUpdateAsync(u => u
        .SetProperty(p => p.InvoiceRecipient, "Engagement Global gGmbH").SetProperty(p => p.InvoiceStreet, "Friedrich-Ebert-Allee 40")
        .SetProperty(p => p.InvoicePostalCode, "53113").SetProperty(p => p.InvoiceCity, "Bonn")));

    private static async Task<string> PdfTextAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(await response.Content.ReadAsByteArrayAsync(Ct));
        return string.Join("\n", pdf.GetPages().Select(p => p.Text));
    }

    [Fact]
    public async Task Defect15_InvoiceShowsRecipientTaxNumberFullIbanInvoiceNumberAndMunicipality()
    {
        var w = await app.WorldAsync("rechnung");
        await RecipientAsync(w);
        await app.BankAsync(w, bic: "COBADEFFXXX");
        await app.ActivityAsync(w, Nov3, 2);
        var id = await app.CreateStatementAsync(w);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(w.Advisor, $"/me/fees/{id}?handler=Submit")).StatusCode);
        var number = (await app.StatementAsync(id)).InvoiceNumber;
        Assert.Matches(new Regex(@"^\d{4}-001$"), number);

        var office = await PdfTextAsync(w.Coordinator, $"/manage/fees/{id}/pdf");
        Assert.Contains("Engagement Global gGmbH", office);
        Assert.Contains("Friedrich-Ebert-Allee 40", office);
        Assert.Contains("Steuernummer: 205/5771/0815", office);
        Assert.Contains("DE89 3704 0044 0532 0130 00", office);
        Assert.Contains("BIC: COBADEFFXXX", office);
        Assert.Contains(number!, office);
        Assert.Contains("01.11.2026 – 30.11.2026", office);
        Assert.Contains("Bonn", office);
        Assert.DoesNotContain("Einsatz ", office);
        Assert.Contains($"Honorar 2026-11 Rechnung {number} Ayşe Müller-Öztürk", office);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "fee.pdf" && e.Subject == $"fee:{id}")));

        // The advisor's own copy keeps the IBAN masked, as every page does.
        var own = await PdfTextAsync(w.Advisor, $"/me/fees/{id}/pdf");
        Assert.Contains(number!, own);
        Assert.DoesNotContain("DE89 3704 0044 0532 0130 00", own);
    }

    [Fact]
    public async Task Defect15_EachSubmittedStatementGetsTheAdvisorsNextInvoiceNumber()
    {
        var w = await app.WorldAsync("nummern");
        await app.BankAsync(w);
        await app.ActivityAsync(w, new DateOnly(2026, 10, 6), 2);
        await app.ActivityAsync(w, Nov3, 2);
        var october = await app.CreateStatementAsync(w, "2026-10");
        var november = await app.CreateStatementAsync(w, "2026-11");

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(w.Advisor, $"/me/fees/{october}?handler=Submit")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(w.Advisor, $"/me/fees/{november}?handler=Submit")).StatusCode);

        var first = (await app.StatementAsync(october)).InvoiceNumber!;
        var second = (await app.StatementAsync(november)).InvoiceNumber!;
        Assert.EndsWith("-001", first);
        Assert.Equal(first[..5] + "002", second);
    }

    [Fact]
    public async Task Defect15_SmallBusinessNoteWithoutTaxNumberIsRefusedAtSubmission()
    {
        var w = await app.WorldAsync("ohnesteuer");
        await app.BankAsync(w, taxNumber: null);
        await app.ActivityAsync(w, Nov3, 2);
        var id = await app.CreateStatementAsync(w);

        var response = await PostAsync(w.Advisor, $"/me/fees/{id}?handler=Submit");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Mit dem Hinweis nach § 19 UStG muss Ihre Steuernummer auf der Rechnung stehen.", Html.Text(html));
        Assert.Contains("aria-invalid=\"true\"", html);
        var statement = await app.StatementAsync(id);
        Assert.Equal(FeeStatementStatus.Draft, statement.Status);
        Assert.Null(statement.InvoiceNumber);
    }
}
