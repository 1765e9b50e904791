using Beraterpool.BrowserTests.Infrastructure;
using Beraterpool.Web.Features.Advisors;
using Beraterpool.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Beraterpool.BrowserTests.Advisors;

/// <summary>The demo advisor edits her own profile and the public directory follows at once.</summary>
public sealed class ProfileEditJourneyTests(BrowserApp app)
{
    private const string Slug = "amina-tesfaye";

    [Fact]
    public async Task An_advisor_changes_her_bio_and_withdraws_the_origin_consent_and_the_public_profile_follows()
    {
        // The app is shared by the whole assembly: note what the journey changes and put it back afterwards.
        var before = await app.App.WithDbAsync(db => db.Advisors.AsNoTracking().Where(a => a.Slug == Slug)
            .Select(a => new { a.Id, a.PoolId, a.Bio, OriginGrantedAt = a.Consents.Where(c => c.Field == ConsentField.CountriesOfOrigin).Select(c => (DateTimeOffset?)c.GrantedAt).FirstOrDefault() })
            .SingleAsync(TestContext.Current.CancellationToken));
        Assert.NotNull(before.OriginGrantedAt); // the demo advisor publishes her origin
        var newBio = $"Neue Kurzbiografie aus dem Browsertest {Guid.NewGuid():N}.";
        try
        {
            var (context, page) = await app.NewPageAsync();
            await using var _ = context;
            var errors = page.RecordErrors();
            await page.GotoAsync($"/advisors/{Slug}");
            await Assertions.Expect(page.Locator("dt", new() { HasTextString = "Herkunftsländer" })).ToBeVisibleAsync();

            await page.SignInAsync(DemoAccounts.Advisor, DemoAccounts.Password);
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Hauptnavigation" }).GetByRole(AriaRole.Link, new() { Name = "Mein Profil" }).ClickAsync();
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
            await Assertions.Expect(visitor.GetByRole(AriaRole.Region, new() { Name = "Über mich" })).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(newBio));
            await Assertions.Expect(visitor.Locator("dt", new() { HasTextString = "Herkunftsländer" })).ToHaveCountAsync(0);
            await Assertions.Expect(visitor.Locator("main")).Not.ToContainTextAsync("Äthiopien");
            // The other consented fields stay.
            await Assertions.Expect(visitor.Locator("dt", new() { HasTextString = "Wohnort" })).ToBeVisibleAsync();
            Assert.Empty(errors);
        }
        finally
        {
            await app.App.WithDbAsync(async db =>
            {
                var advisor = await db.Advisors.Include(a => a.Consents).SingleAsync(a => a.Id == before.Id);
                advisor.Bio = before.Bio;
                if (!advisor.Consents.Any(c => c.Field == ConsentField.CountriesOfOrigin))
                    advisor.Consents.Add(new AdvisorConsent { Field = ConsentField.CountriesOfOrigin, GrantedAt = before.OriginGrantedAt.Value });
                return await db.SaveChangesAsync();
            });
            app.App.Services.GetRequiredService<AdvisorChanges>().Changed(before.PoolId);
        }
    }
}
