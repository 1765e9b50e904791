using Beraterpool.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Beraterpool.BrowserTests.Shared;

public sealed class SiteTests(BrowserApp app)
{
    [Fact]
    public async Task Home_page_shows_the_pool_and_has_no_axe_violations()
    {
        var (context, page) = await app.NewPageAsync();
        await using var _ = context;
        var errors = page.RecordErrors();

        var response = await page.GotoAsync("/");

        Assert.Equal(200, response!.Status);
        Assert.Equal("de", await page.Locator("html").GetAttributeAsync("lang"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Hauptnavigation" })).ToBeVisibleAsync();
        await page.AssertNoAxeViolationsAsync();
        // Styles and fonts loaded, nothing blocked by the Content-Security-Policy.
        Assert.Empty(errors);
        Assert.Equal("absolute", await page.Locator(".skip-link").EvaluateAsync<string>("e => getComputedStyle(e).position"));
    }

    [Fact]
    public async Task Skip_link_is_the_first_stop_and_moves_focus_to_the_content()
    {
        var (context, page) = await app.NewPageAsync();
        await using var _ = context;
        await page.GotoAsync("/");

        await page.Keyboard.PressAsync("Tab");
        var skip = page.GetByRole(AriaRole.Link, new() { Name = "Zum Inhalt springen" });
        await Assertions.Expect(skip).ToBeFocusedAsync();
        await Assertions.Expect(skip).ToBeInViewportAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("main#main")).ToBeFocusedAsync();
    }

    [Fact]
    public async Task Language_switch_turns_the_page_English()
    {
        var (context, page) = await app.NewPageAsync();
        await using var _ = context;
        await page.GotoAsync("/");

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();

        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(page.Locator(".site-lang [aria-current]")).ToHaveTextAsync("English");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Deutsch" })).ToBeVisibleAsync();
        await page.AssertNoAxeViolationsAsync();
    }

    [Fact]
    public async Task Unknown_address_shows_a_friendly_German_404_without_axe_violations()
    {
        var (context, page) = await app.NewPageAsync();
        await using var _ = context;

        var response = await page.GotoAsync("/gibt-es-nicht");

        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Seite nicht gefunden");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Zur Startseite" })).ToBeVisibleAsync();
        await page.AssertNoAxeViolationsAsync();
    }
}
