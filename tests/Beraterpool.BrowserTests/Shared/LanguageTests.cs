using Beraterpool.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Beraterpool.BrowserTests.Shared;

/// <summary>The visible language switch: the directory in English and French, navigation and headings included.</summary>
public sealed class LanguageTests(BrowserApp app)
{
    [Theory]
    [InlineData("English", "en", "Main navigation", new[] { "Home", "Advisors", "Statistics", "Municipalities", "Sign in" }, "Our advisors", "Topic")]
    [InlineData("Français", "fr", "Navigation principale", new[] { "Accueil", "Statistiques", "Communes", "Se connecter" }, "Nos conseiller·ères", "Thème")]
    public async Task Directory_switches_navigation_and_headings_to_the_chosen_language(
        string switchLabel, string lang, string navigationName, string[] navigationLinks, string heading, string topicLabel)
    {
        var (context, page) = await app.NewPageAsync();
        await using var _ = context;
        var errors = page.RecordErrors();
        await page.GotoAsync("/advisors");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Sprache" }).GetByRole(AriaRole.Link, new() { Name = switchLabel }).ClickAsync();

        // Still the directory, now in the chosen language.
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/advisors$"));
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", lang);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(heading);
        var navigation = page.GetByRole(AriaRole.Navigation, new() { Name = navigationName });
        foreach (var link in navigationLinks)
            await Assertions.Expect(navigation.GetByRole(AriaRole.Link, new() { Name = link, Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Berater*innen" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByLabel(topicLabel, new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Unsere Berater*innen" })).ToHaveCountAsync(0);
        // The choice sticks for the next page.
        await navigation.GetByRole(AriaRole.Link, new() { Name = navigationLinks[0], Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", lang);
        await page.AssertNoAxeViolationsAsync();
        Assert.Empty(errors);
    }
}
