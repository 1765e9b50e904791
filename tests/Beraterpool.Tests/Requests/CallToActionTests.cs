using System.Net;
using Beraterpool.Tests.Infrastructure;

namespace Beraterpool.Tests.Requests;

/// <summary>Issue 13 "calls to action": "Beratung anfragen" on the home page, on each municipality's page (pre-filled, with its days left) and on each advisor profile (with a wish for that person).</summary>
public sealed class CallToActionTests(CallToActionTests.App app) : IClassFixture<CallToActionTests.App>
{
    public sealed class App() : TestApp(demo: true, importGazetteer: false);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_home_page_leads_to_the_request_form()
    {
        var home = await app.CreateClient().GetStringAsync("/", Ct);
        Assert.Contains("href=\"/requests/new\"><span class=\"kern-label\">Beratung anfragen", home);
    }

    [Fact]
    public async Task A_municipality_page_says_whether_it_was_accompanied_and_its_days_left_and_asks_for_it_pre_filled()
    {
        var page = Html.Text(await app.CreateClient().GetStringAsync($"/municipalities/{RequestArrange.Koeln}", Ct));
        Assert.Contains("Köln im Beraterpool", page);
        Assert.Matches(@"Bisher (einmal|\d+-mal|noch nicht) begleitet\.", page);
        Assert.Matches(@"In diesem Jahr (sind noch [\d,]+ von [\d,]+ Beratungstagen|ist noch 1 Beratungstag) frei\.", page);
        Assert.Contains($"href=\"/requests/new?municipality={RequestArrange.Koeln}\"", await app.CreateClient().GetStringAsync($"/municipalities/{RequestArrange.Koeln}", Ct));

        var form = await app.CreateClient().GetStringAsync($"/requests/new?municipality={RequestArrange.Koeln}", Ct);
        Assert.Contains($"value=\"{RequestArrange.Koeln}\"", form);
    }

    [Fact]
    public async Task An_advisor_profile_asks_for_a_consultation_with_that_person()
    {
        var profile = await app.CreateClient().GetStringAsync("/advisors/amina-tesfaye", Ct);
        Assert.Contains("href=\"/requests/new?advisor=amina-tesfaye\"", profile);
        var form = WebUtility.HtmlDecode(await app.CreateClient().GetStringAsync("/requests/new?advisor=amina-tesfaye", Ct));
        Assert.Contains("Wir würden gern mit Amina Tesfaye zusammenarbeiten.", form);
        // A slug that is not a published profile adds nothing.
        Assert.DoesNotContain("Wir würden gern mit", WebUtility.HtmlDecode(await app.CreateClient().GetStringAsync("/requests/new?advisor=niemand", Ct)));
    }
}
