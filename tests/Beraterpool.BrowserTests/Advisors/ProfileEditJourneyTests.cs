using Beraterpool.BrowserTests.Infrastructure;
using Beraterpool.Web.Features.Advisors;
using Beraterpool.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Beraterpool.BrowserTests.Advisors;

/// <summary>The demo advisor edits her own profile and the public directory follows at once.</summary>
public sealed class ProfileEditJourneyTests(OwnBrowserApp app) : IClassFixture<OwnBrowserApp>
{
    private const string Slug = "amina-tesfaye";

    [Fact]
    public async Task An_advisor_changes_her_bio_and_withdraws_the_origin_consent_and_the_public_profile_follows()
    {
        var before = await app.App.WithDbAsync(db => db.Advisors.AsNoTracking().Where(a => a.Slug == Slug)
            .Select(a => new { a.Bio, PublishesOrigin = a.Consents.Any(c => c.Field == ConsentField.CountriesOfOrigin) })
            .SingleAsync(TestContext.Current.CancellationToken));
        Assert.True(before.PublishesOrigin); // the demo advisor publishes her origin
        var newBio = "Neue Kurzbiografie aus dem Browsertest.";
        var (context, page) = await app.NewPageAsync();
        await using var _ = context;
        var errors = page.RecordErrors();
        await page.GotoAsync($"/advisors/{Slug}");
        await Assertions.Expect(page.Locator("dt", new() { HasTextString = "Herkunftsländer" })).ToBeVisibleAsync();

        await page.SignInAsync(DemoAccounts.Advisor, DemoAccounts.Password);
        // Signed in, the advisor lands on her overview (defect 7), which links her profile.
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Hauptnavigation" }).GetByRole(AriaRole.Link, new() { Name = "Meine Übersicht" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Mein Profil", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Mein Profil");

        var bio = page.Locator("textarea[name='Input.Bio']");
        await Assertions.Expect(bio).ToHaveValueAsync(before.Bio!);
        await bio.FillAsync(newBio);
        var originConsent = page.GetByLabel("Ich willige ausdrücklich ein", new() { Exact = false });
        await Assertions.Expect(originConsent).ToBeCheckedAsync();
        await originConsent.UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Profil speichern" }).ClickAsync();

        await Assertions.Expect(page.GetByText("Ihr Profil ist gespeichert.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("textarea[name='Input.Bio']")).ToHaveValueAsync(newBio);
        await Assertions.Expect(originConsent).Not.ToBeCheckedAsync();

        // Checked as a visitor sees it: a fresh context without the advisor's cookie.
        var (visitorContext, visitor) = await app.NewPageAsync();
        await using var __ = visitorContext;
        await visitor.GotoAsync($"/advisors/{Slug}");
        await Assertions.Expect(visitor.GetByRole(AriaRole.Region, new() { Name = "Über mich" })).ToContainTextAsync(newBio);
        await Assertions.Expect(visitor.Locator("dt", new() { HasTextString = "Herkunftsländer" })).ToHaveCountAsync(0);
        await Assertions.Expect(visitor.Locator("main")).Not.ToContainTextAsync("Äthiopien");
        // The other consented fields stay.
        await Assertions.Expect(visitor.Locator("dt", new() { HasTextString = "Wohnort" })).ToBeVisibleAsync();
        Assert.Empty(errors);
    }
}
