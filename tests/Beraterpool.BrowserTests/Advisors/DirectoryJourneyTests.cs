using Beraterpool.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Beraterpool.BrowserTests.Advisors;

/// <summary>A visitor finds advisors in the public directory and reads a profile — with JavaScript switched off.</summary>
public sealed class DirectoryJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task A_visitor_filters_by_topic_and_language_without_javascript_and_opens_a_profile()
    {
        var (context, page) = await app.NewPageAsync(javaScript: false);
        await using var _ = context;
        await page.GotoAsync("/advisors");
        // The 20 demo advisors of the first pool: journeys that add advisors run on an app of their own.
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("20 Berater*innen gefunden");

        // Demo data: fair trade is the topic of Fatou Ndiaye, Adjoa Mensah, Chinedu Okafor, Serge Kouassi and
        // Emmanuel Adeyemi; of these only Fatou Ndiaye and Serge Kouassi speak French.
        await page.GetByLabel("Thema").SelectOptionAsync(new SelectOptionValue { Label = "Fairer Handel" });
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Sprache", Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Französisch" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Anzeigen" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/advisors\?.*topic=fairer-handel.*language=fr"));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("2 Berater*innen gefunden");
        var names = await page.Locator(".directory-card h2").AllInnerTextsAsync();
        Assert.Equal(["Fatou Ndiaye", "Serge Kouassi"], names.Select(n => n.Trim()).Order());
        // The chosen filters stay selected, so the visitor can refine them.
        await Assertions.Expect(page.GetByLabel("Thema")).ToHaveValueAsync("fairer-handel");
        await Assertions.Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "Sprache", Exact = true })).ToHaveValueAsync("fr");

        await page.GetByRole(AriaRole.Link, new() { Name = "Serge Kouassi" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/advisors/serge-kouassi\\?topic=fairer-handel&language=fr$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Serge Kouassi");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Kampagnenarbeit, Veranstaltungen, Bildung für nachhaltige Entwicklung");
        await Assertions.Expect(Fact(page, "Wohnort")).ToHaveTextAsync("Düsseldorf");
        await Assertions.Expect(Fact(page, "Geschlecht")).ToHaveTextAsync("männlich");
        await Assertions.Expect(Fact(page, "Alter")).ToHaveTextAsync("31 Jahre");
        await Assertions.Expect(Fact(page, "Herkunftsländer")).ToHaveTextAsync("Côte d'Ivoire");
        await Assertions.Expect(Fact(page, "Sprachen")).ToContainTextAsync("Französisch (Muttersprache)");
        await Assertions.Expect(Fact(page, "Themen")).ToContainTextAsync("Fairer Handel");
        await Assertions.Expect(Fact(page, "Themen")).ToContainTextAsync("Globales Lernen und Bildung");
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Über mich" })).ToContainTextAsync("Veranstaltungen zum fairen Handel");
    }

    [Fact]
    public async Task A_profile_leaves_out_the_field_its_advisor_did_not_consent_to()
    {
        var (context, page) = await app.NewPageAsync(javaScript: false);
        await using var _ = context;

        // Jean-Pierre Mbarga publishes everything but his age (demo data).
        await page.GotoAsync("/advisors/jean-pierre-mbarga");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Jean-Pierre Mbarga");
        await Assertions.Expect(Fact(page, "Wohnort")).ToHaveTextAsync("Bonn");
        await Assertions.Expect(Fact(page, "Herkunftsländer")).ToHaveTextAsync("Kamerun");
        await Assertions.Expect(page.Locator("dt", new() { HasTextString = "Alter" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"\d+ Jahre"));
    }

    /// <summary>The value beside a label in the profile's description list.</summary>
    private static ILocator Fact(IPage page, string label) =>
        page.Locator(".kern-description-list-item").Filter(new() { Has = page.Locator("dt", new() { HasTextRegex = new System.Text.RegularExpressions.Regex($"^{label}$") }) }).Locator("dd");
}
