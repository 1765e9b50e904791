using System.Net;
using System.Text.RegularExpressions;
using Beraterpool.Tests.Infrastructure;

namespace Beraterpool.Tests.Outreach;

/// <summary>Business cards (85 × 55 mm) and the A4 print sheet: for the advisor at /me, for the pool's office at /manage.</summary>
public sealed class CardTests(OutreachApp app) : IClassFixture<OutreachApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<UglyToad.PdfPig.PdfDocument> PdfAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        return UglyToad.PdfPig.PdfDocument.Open(await response.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task The_advisors_own_card_is_85_by_55_mm_with_the_published_data_and_a_vcard_QR()
    {
        var client = await app.SignInAsync("amara@example.org");
        using var pdf = await PdfAsync(client, "/me/card.pdf");
        var page = pdf.GetPage(1);
        Assert.InRange(page.Width, 239.9, 241.9);
        Assert.InRange(page.Height, 154.9, 156.9);
        var text = page.Text;
        Assert.Contains("Amara Okafor", text);
        Assert.Contains("Berater*in im Beraterpool Marke outreach", text);
        Assert.Contains("Themen: Fairer Handel", text);
        Assert.Contains("Sprachen: Englisch, Französisch", text);
        Assert.Contains("Wohnort: Köln", text);
        Assert.Contains("Kontakt: outreach@example.org", text);
        Assert.DoesNotContain("Nigeria", text);
        Assert.DoesNotContain("privat.example.org", text);

        var vcard = QrReader.Decode(page);
        Assert.StartsWith("BEGIN:VCARD\r\nVERSION:4.0\r\n", vcard);
        Assert.Contains("\r\nFN:Amara Okafor\r\n", vcard);
        Assert.DoesNotContain("NG", vcard.Replace("LANG", ""));
    }

    [Fact]
    public async Task The_print_sheet_is_A4_with_ten_cards()
    {
        var client = await app.SignInAsync("amara@example.org");
        using var pdf = await PdfAsync(client, "/me/cards.pdf");
        Assert.Equal(1, pdf.NumberOfPages);
        var page = pdf.GetPage(1);
        Assert.InRange(page.Width, 594, 596);
        Assert.InRange(page.Height, 841, 843);
        Assert.Equal(10, Regex.Count(page.Text, "Berater\\*in im Beraterpool Marke outreach"));
        Assert.Equal(10, page.GetImages().Count());
    }

    [Fact]
    public async Task The_office_gets_the_cards_of_its_pools_advisors_and_an_unpublished_one_shows_the_name_only()
    {
        var client = await app.SignInAsync("koord-outreach@example.org");
        using (var pdf = await PdfAsync(client, $"/manage/advisors/{app.Amara.Id}/card.pdf"))
            Assert.Contains("Amara Okafor", pdf.GetPage(1).Text);
        using (var sheet = await PdfAsync(client, $"/manage/advisors/{app.Amara.Id}/cards.pdf"))
            Assert.InRange(sheet.GetPage(1).Height, 841, 843);

        using var applicant = await PdfAsync(client, $"/manage/advisors/{app.Lea.Id}/card.pdf");
        var text = applicant.GetPage(1).Text;
        Assert.Contains("Lea Neu", text);
        Assert.DoesNotContain("Agenda 2030", text);
        Assert.DoesNotContain("Köln", text);
        Assert.Contains("FN:Lea Neu", QrReader.Decode(applicant.GetPage(1)));

        var page = await client.GetStringAsync($"/manage/advisors/{app.Amara.Id}/edit", Ct);
        Assert.Contains($"/manage/advisors/{app.Amara.Id}/card.pdf", page);
    }

    [Fact]
    public async Task Another_pools_coordinator_gets_404_and_an_anonymous_visitor_is_sent_to_sign_in()
    {
        var other = await app.SignInAsync("koord-anderer-pool@example.org");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/manage/advisors/{app.Amara.Id}/card.pdf", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/manage/advisors/{app.Amara.Id}/cards.pdf", Ct)).StatusCode);

        foreach (var url in new[] { "/me/card.pdf", "/me/cards.pdf", $"/manage/advisors/{app.Amara.Id}/card.pdf" })
        {
            var response = await app.Browser().GetAsync(url, Ct);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/account/login", response.Headers.Location?.OriginalString);
        }
    }

    [Fact]
    public async Task The_overview_of_me_links_the_card()
    {
        var client = await app.SignInAsync("amara@example.org");
        var html = await client.GetStringAsync("/me", Ct);
        Assert.Contains("href=\"/me/card.pdf\"", html);
        Assert.Contains("href=\"/me/cards.pdf\"", html);
    }
}
