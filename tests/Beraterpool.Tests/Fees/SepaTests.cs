using System.Globalization;
using System.Net;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Fees;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Tests.Fees;

/// <summary>The office pays approved statements with one pain.001.001.09 file for the pool's bank.</summary>
public sealed class SepaTests(SepaTests.App app) : IClassFixture<SepaTests.App>
{
    public sealed class App() : TestApp(importGazetteer: false);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly XNamespace Pain = SepaFile.Namespace;

    private static Task<HttpResponseMessage> DownloadAsync(HttpClient client, int poolId, params int[] ids) => SepaArrange.DownloadAsync(client, poolId, ids);
    private static XDocument Validated(byte[] xml) => SepaArrange.Validated(xml);

    [Fact]
    public void Names_are_reduced_to_the_sepa_latin_character_set()
    {
        Assert.Equal("Ayse Mueller-Oeztuerk + Soehne", SepaFile.Latin("Ayşe Müller-Öztürk & Söhne", 70));
        Assert.Equal("Strasse 1 Berater in", SepaFile.Latin("Straße 1 <Berater*in>", 70));
        Assert.Equal(35, SepaFile.Latin(new string('x', 50), 35).Length);
    }

    [Fact]
    public async Task The_file_validates_and_counts_and_sums_the_selected_statements()
    {
        var w = await app.WorldAsync("sepa");
        await app.BankAsync(w, bic: "COBADEFFXXX");
        await app.DebtorAsync(w.PoolId);
        var october = await app.ApprovedAsync(w, "2026-10", 2);
        var november = await app.ApprovedAsync(w, "2026-11", 3);

        var response = await DownloadAsync(w.Coordinator, w.PoolId, october, november);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        var doc = Validated(await response.Content.ReadAsByteArrayAsync(Ct));
        var header = doc.Descendants(Pain + "GrpHdr").Single();
        Assert.Equal("2", header.Element(Pain + "NbOfTxs")!.Value);
        Assert.Equal("625.00", header.Element(Pain + "CtrlSum")!.Value); // 250,00 € + 375,00 €
        Assert.Equal("DE12500105170648489890", doc.Descendants(Pain + "DbtrAcct").Single().Descendants(Pain + "IBAN").Single().Value);
        var transactions = doc.Descendants(Pain + "CdtTrfTxInf").ToList();
        Assert.Equal(2, transactions.Count);
        var numbers = new[] { (await app.StatementAsync(october)).InvoiceNumber, (await app.StatementAsync(november)).InvoiceNumber };
        Assert.Equal(numbers, transactions.Select(t => t.Descendants(Pain + "EndToEndId").Single().Value));
        Assert.Equal(["250.00", "375.00"], transactions.Select(t => t.Descendants(Pain + "InstdAmt").Single().Value));
        var first = transactions[0];
        Assert.Equal("Ayse Mueller-Oeztuerk", first.Element(Pain + "Cdtr")!.Element(Pain + "Nm")!.Value);
        Assert.Equal("DE89370400440532013000", first.Descendants(Pain + "IBAN").Single().Value);
        Assert.Equal("COBADEFFXXX", first.Descendants(Pain + "BICFI").Single().Value);
        Assert.Equal($"Honorar 2026-10 Rechnung {numbers[0]} Ayse Mueller-Oeztuerk", first.Descendants(Pain + "Ustrd").Single().Value);
        Assert.All(doc.Descendants().Where(e => !e.HasElements).Select(e => e.Value), v => Assert.True(v.All(SepaFile.IsSepa), v));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "fee.sepa" && e.Subject == $"pool:{w.PoolId}")));
    }

    [Fact]
    public async Task Without_the_pools_debtor_account_the_file_is_refused_with_a_message()
    {
        var w = await app.WorldAsync("sepa-ohnekonto");
        await app.BankAsync(w);
        var id = await app.ApprovedAsync(w, "2026-11", 2);

        var response = await DownloadAsync(w.Coordinator, w.PoolId, id);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Für diesen Pool ist noch kein Auszahlungskonto hinterlegt.", Html.Text(await response.Content.ReadAsStringAsync(Ct)));
    }

    [Fact]
    public async Task A_statement_without_a_readable_iban_is_refused_by_its_number()
    {
        var w = await app.WorldAsync("sepa-ohneiban");
        await app.BankAsync(w);
        await app.DebtorAsync(w.PoolId);
        var id = await app.ApprovedAsync(w, "2026-11", 2);
        // E.g. a database restored without its Data Protection keys.
        await app.WithDbAsync(db => db.FeeStatements.Where(s => s.Id == id).ExecuteUpdateAsync(u => u.SetProperty(s => s.PayeeIbanProtected, "unlesbar")));

        var response = await DownloadAsync(w.Coordinator, w.PoolId, id);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = Html.Text(await response.Content.ReadAsStringAsync(Ct));
        Assert.Contains($"Für {FeeStatements.Reference(2026, 11, id)} ist keine lesbare IBAN hinterlegt.", text);
    }

    [Fact]
    public async Task Another_pools_coordinator_gets_404()
    {
        var w = await app.WorldAsync("sepa-fremd");
        var other = await app.WorldAsync("sepa-fremd2");
        Assert.Equal(HttpStatusCode.NotFound, (await other.Coordinator.GetAsync($"/manage/fees/sepa/{w.PoolId}", Ct)).StatusCode);
    }
}

public static class SepaArrange
{
    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string url) =>
        client.PostAsShownAsync(url, [], url[..url.IndexOf('?')]);

    public static Task DebtorAsync(this TestApp app, int poolId, bool fourEyes = false) => app.WithDbAsync(db => db.Pools.Where(p => p.Id == poolId)
        .ExecuteUpdateAsync(u => u.SetProperty(p => p.DebtorName, "Engagement Global gGmbH").SetProperty(p => p.DebtorIban, "DE12500105170648489890")
            .SetProperty(p => p.DebtorBic, "INGDDEFFXXX").SetProperty(p => p.FourEyesPayments, fourEyes)));

    /// <summary>An approved statement of the month with the given half days (× 125 €).</summary>
    public static async Task<int> ApprovedAsync(this TestApp app, FeeWorld w, string month, int halfDays)
    {
        var (year, m) = FeeExport.ParseMonth(month)!.Value;
        await app.ActivityAsync(w, new DateOnly(year, m, 4), halfDays);
        var id = await app.CreateStatementAsync(w, month);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(w.Advisor, $"/me/fees/{id}?handler=Submit")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(w.Coordinator, $"/manage/fees/{id}?handler=Approve")).StatusCode);
        return id;
    }

    public static Task<HttpResponseMessage> DownloadAsync(HttpClient client, int poolId, params int[] ids) =>
        client.PostFormAsync($"/manage/fees/sepa/{poolId}",
            [.. ids.Select(i => new KeyValuePair<string, string>("Selected", i.ToString(CultureInfo.InvariantCulture))),
             new("ExecutionDate", DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))]);

    public static XDocument Validated(byte[] xml)
    {
        var schemas = new XmlSchemaSet();
        using (var xsd = typeof(SepaArrange).Assembly.GetManifestResourceStream("pain.001.001.09.subset.xsd")!)
            schemas.Add(SepaFile.Namespace, XmlReader.Create(xsd));
        var doc = XDocument.Load(new MemoryStream(xml));
        var errors = new List<string>();
        doc.Validate(schemas, (_, e) => errors.Add(e.Message));
        Assert.Empty(errors);
        return doc;
    }

}
