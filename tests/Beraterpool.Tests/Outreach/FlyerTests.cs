using System.Net;
using Beraterpool.Web.Features.Shared;
using Beraterpool.Web.Features.Statistics;
using Microsoft.Extensions.DependencyInjection;

namespace Beraterpool.Tests.Outreach;

/// <summary>The pool's flyer at /flyer.pdf: A4, from live figures, with a QR code to the website.</summary>
public sealed class FlyerTests(OutreachApp app) : IClassFixture<OutreachApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<UglyToad.PdfPig.PdfDocument> FlyerAsync(string url)
    {
        var response = await app.CreateClient().GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        return UglyToad.PdfPig.PdfDocument.Open(await response.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task The_flyer_is_one_A4_page_with_the_pools_figures_and_frame()
    {
        using var pdf = await FlyerAsync("/flyer.pdf");
        Assert.Equal(1, pdf.NumberOfPages);
        var page = pdf.GetPage(1);
        Assert.InRange(page.Width, 594, 596);
        Assert.InRange(page.Height, 841, 843);

        var figures = await app.WithDbAsync(db => PoolStatistics.ComputeAsync(db, app.PoolId, "de", app.Services.GetRequiredService<TimeProvider>().LocalYear(), Ct));
        Assert.Equal((2, 1, 0), (figures.Advisors, figures.Women, figures.Men)); // Jonas withholds his gender; Lea is an applicant
        var words = page.GetWords().Select(w => w.Text).ToList();
        var text = page.Text;
        Assert.Contains($"{figures.Advisors}", words);
        Assert.Contains($"{figures.Women}", words);
        Assert.Contains("Berater*innen", text);
        Assert.Contains($"Wohnorte: {string.Join(", ", figures.Cities)}", text);
        Assert.Contains($"Sprachen: {string.Join(", ", figures.Languages)}", text);
        Assert.Contains(string.Join(" · ", figures.Topics), text);
        Assert.Contains("Bis zu 10 Beratungstage je Kommune und Kalenderjahr.", text);
        Assert.Contains("Kostenlos für Kommunen", text);
        Assert.Contains("E-Mail: outreach@example.org", text);
        Assert.Contains("Marke outreach", text);
        // Nobody consented to publish a country of origin.
        Assert.Empty(figures.Countries);
        Assert.DoesNotContain("Nigeria", text);
        Assert.DoesNotContain("Herkunftsländer", text);
    }

    [Fact]
    public async Task The_QR_code_leads_to_the_pools_website_from_configuration()
    {
        using var pdf = await FlyerAsync("/flyer.pdf");
        Assert.Equal("http://localhost", QrReader.Decode(pdf.GetPage(1)));
    }

    [Fact]
    public async Task Another_pools_flyer_is_under_its_prefix_with_its_own_address()
    {
        using var pdf = await FlyerAsync("/pool/zweiter/flyer.pdf");
        var page = pdf.GetPage(1);
        Assert.Contains("Marke zweiter", page.Text);
        Assert.Contains("E-Mail: zweiter@example.org", page.Text);
        Assert.Equal("http://localhost/pool/zweiter", QrReader.Decode(page));
    }

    [Fact]
    public async Task The_home_page_links_the_flyer()
    {
        var html = await app.CreateClient().GetStringAsync("/", Ct);
        Assert.Contains("href=\"/flyer.pdf\"", html);
    }
}
