using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Tests.Impact;

/// <summary>The demo's first pool: its 2015 report reads the seeded history and reproduces the programme's published figures.</summary>
public sealed class DemoReportTests(DemoApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_2015_report_of_the_first_pool_reproduces_the_seeds_figures_on_the_page_and_in_the_PDF()
    {
        var client = await app.SignedInBrowserAsync(DemoAccounts.CoordinatorNrw);
        var pool = await app.WithDbAsync(db => db.Pools.Where(p => p.Slug == "nrw").Select(p => p.Id).SingleAsync(Ct));
        var page = Html.Text(await client.GetStringAsync($"/manage/reports/2015?pool={pool}", Ct));
        Assert.Contains("Aktive Berater*innen 20", page);
        Assert.Contains("Frauen / Männer 8 / 12", page);
        Assert.Contains("Alter 23–65 Jahre", page);
        Assert.Contains("Wohnorte 12 (", page);
        Assert.Contains("Herkunftsländer 16 (", page);
        Assert.Contains("Dialogforen mit Kommunen 10", page);
        Assert.Contains("Qualifizierende Foren 4", page);
        Assert.Contains("Vorträge bei Netzwerktreffen 6", page);
        Assert.Contains("2015 war das erste volle Jahr des Beraterpools", page);

        var pdf = await client.GetByteArrayAsync($"/manage/reports/2015.pdf?pool={pool}", Ct);
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var text = string.Join("\n", document.GetPages().Select(p => p.Text));
        foreach (var figure in new[] { "Aktive Berater*innen: 20", "Frauen / Männer: 8 / 12", "Alter: 23–65 Jahre", "Dialogforen mit Kommunen: 10", "Qualifizierende Foren: 4",
                     "Vorträge bei Netzwerktreffen: 6" })
            Assert.Contains(figure, text);
    }

    [Fact]
    public async Task The_public_impact_page_shows_what_the_first_pool_publishes()
    {
        var html = await app.CreateClient().GetStringAsync("/impact", Ct);
        foreach (var key in Web.Features.Impact.ImpactExamples.Published)
            Assert.Contains($"data-indicator=\"{key}\"", html);
        Assert.DoesNotContain("data-indicator=\"honorare\"", html);
    }
}
