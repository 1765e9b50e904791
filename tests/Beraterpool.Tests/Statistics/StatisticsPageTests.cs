using Beraterpool.Tests.Infrastructure;

namespace Beraterpool.Tests.Statistics;

/// <summary>The demo data must reproduce the first pool's published figures, in any year.</summary>
public sealed class StatisticsPageTests(DemoApp app)
{
    private static readonly string[] Cities =
        ["Aachen", "Bonn", "Bochum", "Düsseldorf", "Duisburg", "Dortmund", "Hamm", "Köln", "Münster", "Mülheim an der Ruhr", "Wiehl", "Witten"];

    private static readonly string[] Countries =
    [
        "Äthiopien", "Bangladesch", "Côte d'Ivoire", "Ghana", "Guinea", "Guinea-Bissau", "Indien", "Kamerun", "Kenia", "Kongo",
        "Marokko", "Nigeria", "Ruanda", "Senegal", "Südafrika", "Vietnam",
    ];

    [Fact]
    public async Task Statistics_show_the_first_pools_figures()
    {
        var text = Html.Text(await app.CreateClient().GetStringAsync("/statistics", TestContext.Current.CancellationToken));
        Assert.Contains("20 Berater*innen", text);
        Assert.Contains("8 Frauen", text);
        Assert.Contains("12 Männer", text);
        Assert.DoesNotContain("divers oder ohne Angabe", text);
        Assert.Contains("23–65 Jahre alt", text);
        Assert.Contains("12 Wohnorte", text);
        Assert.Contains("16 Herkunftsländer", text);
        Assert.Contains("Wohnorte (12)", text);
        Assert.Contains("Herkunftsländer (16)", text);
        Assert.Contains("Themen (7)", text);
    }

    [Fact]
    public async Task Statistics_list_the_twelve_cities_and_sixteen_countries_in_German()
    {
        var html = await app.CreateClient().GetStringAsync("/statistics", TestContext.Current.CancellationToken);
        var items = System.Text.RegularExpressions.Regex.Matches(html, "<li>([^<]+)</li>")
            .Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).ToHashSet();
        Assert.All(Cities, city => Assert.Contains(city, items));
        Assert.All(Countries, country => Assert.Contains(country, items));
    }

    [Fact]
    public async Task Statistics_never_list_a_person()
    {
        var text = Html.Text(await app.CreateClient().GetStringAsync("/statistics", TestContext.Current.CancellationToken));
        Assert.DoesNotContain("Tesfaye", text);
        Assert.DoesNotContain("Asante", text);
    }

    [Fact]
    public async Task Pool_prefix_shows_the_second_pools_statistics()
    {
        var text = Html.Text(await app.CreateClient().GetStringAsync("/pool/bw/statistics", TestContext.Current.CancellationToken));
        Assert.Contains("6 Berater*innen", text);
        Assert.Contains("3 Frauen", text);
        Assert.Contains("Stuttgart", text);
        Assert.DoesNotContain("Wiehl", text);
    }

    [Fact]
    public async Task Home_shows_the_offer_and_live_key_figures()
    {
        var text = Html.Text(await app.CreateClient().GetStringAsync("/", TestContext.Current.CancellationToken));
        Assert.Contains("Neue Chancen für die kommunale Entwicklungspolitik", text);
        Assert.Contains("bis zu 10 Beratungstage pro Kalenderjahr", text);
        Assert.Contains("20 Berater*innen", text);
        Assert.Contains("16 Herkunftsländer", text);
        Assert.Contains("koordination@miglobe.local", text);
    }
}
