using Beraterpool.BrowserTests.Infrastructure;
using Beraterpool.Web.Features.Demo;
using Beraterpool.Web.Features.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Beraterpool.BrowserTests.Requests;

public sealed class RequestFormTests(OwnBrowserApp app) : IClassFixture<OwnBrowserApp>
{
    [Fact]
    public async Task A_visitor_picks_the_municipality_by_type_ahead_checks_the_answers_and_sends_without_axe_violations()
    {
        var (context, page) = await app.NewPageAsync();
        await using var _ = context;
        var errors = page.RecordErrors();
        // The site has no favicon yet (not this page's business); the browser's request for it would count as an error.
        await context.RouteAsync("**/favicon.ico", route => route.FulfillAsync(new() { Status = 204 }));
        await page.GotoAsync("/requests/new");
        await page.AssertNoAxeViolationsAsync();

        var search = page.GetByRole(AriaRole.Combobox, new() { Name = "Kommune oder Kreis suchen" });
        await search.PressSequentiallyAsync("Hattin", new() { Delay = 30 });
        var option = page.GetByRole(AriaRole.Option).Filter(new() { HasText = "Hattingen" }).First;
        await Assertions.Expect(option).ToBeVisibleAsync();
        await page.AssertNoAxeViolationsAsync();
        await search.PressAsync("ArrowDown");
        await search.PressAsync("Enter");
        var chosen = page.Locator("input[name='Input.MunicipalityKey']:checked");
        await Assertions.Expect(chosen).ToHaveValueAsync("05954016");
        Assert.Equal("/requests/new", new Uri(page.Url).AbsolutePath);

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Erika Beispiel");
        await page.GetByLabel("E-Mail-Adresse").FillAsync("erika.browser@hattingen.example");
        await page.GetByLabel("Ziel Ihrer Kommune").FillAsync("Migrantische Vereine in die Städtepartnerschaft einbinden.");
        await page.GetByLabel("Bedarf, den Ihre Kommune sieht").FillAsync("Wir kennen die Netzwerke noch nicht.");
        await page.GetByLabel("Online", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Ich stimme der Verarbeitung meiner Angaben zu diesem Zweck zu.").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Weiter zur Prüfung" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Bitte prüfen Sie Ihre Angaben");
        await Assertions.Expect(page.Locator(".answers")).ToContainTextAsync("Hattingen");
        await page.AssertNoAxeViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Anfrage absenden" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Vielen Dank");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("erika.browser@hattingen.example");
        await page.AssertNoAxeViolationsAsync();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task The_personal_link_and_the_coordinator_pages_of_a_request_have_no_axe_violations()
    {
        var token = ConsultationRequests.NewTrackingToken();
        var id = await app.App.WithDbAsync(async db =>
        {
            var poolId = await db.Pools.Where(p => p.Slug == "nrw").Select(p => p.Id).SingleAsync();
            var now = DateTimeOffset.UtcNow;
            var request = new ConsultationRequest
            {
                PoolId = poolId, Reference = $"BA-AXE-{Random.Shared.Next(100000)}", MunicipalityKey = "05315000", ContactName = "Erika Beispiel",
                ContactEmail = "axe@koeln.example", Goal = "Ziel <b>fett</b>", Need = "Bedarf", Format = ConsultationFormat.Mixed, ConsentGivenAt = now,
                TrackingTokenHash = ConsultationRequests.HashToken(token), CreatedAt = now.AddDays(-2), UpdatedAt = now,
            };
            request.StatusChanges.Add(new RequestStatusChange { To = RequestStatus.Submitted, At = now.AddDays(-2), ActorName = "Erika Beispiel" });
            db.ConsultationRequests.Add(request);
            await db.SaveChangesAsync();
            return request.Id;
        });
        var (context, page) = await app.NewPageAsync();
        await using var _ = context;

        await page.GotoAsync($"/requests/track/{token}");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Stand: Eingegangen");
        await page.AssertNoAxeViolationsAsync();
        await page.GotoAsync($"/requests/track/{token}/withdraw");
        await page.AssertNoAxeViolationsAsync();

        await page.GotoAsync("/account/login");
        await page.GetByLabel("E-Mail-Adresse").FillAsync(DemoAccounts.CoordinatorNrw);
        await page.GetByLabel("Passwort", new() { Exact = true }).FillAsync(DemoAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Abmelden" })).ToBeVisibleAsync();

        foreach (var url in new[] { "/manage", "/manage/requests", $"/manage/requests/{id}", $"/manage/requests/{id}/intake" })
        {
            var response = await page.GotoAsync(url);
            Assert.Equal(200, response!.Status);
            await page.AssertNoAxeViolationsAsync();
        }
        // A failed decline (no reason, not confirmed) shows the error summary; still accessible.
        await page.GotoAsync($"/manage/requests/{id}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ablehnen und Kommune informieren" }).ClickAsync();
        await Assertions.Expect(page.Locator("#error-summary")).ToBeVisibleAsync();
        await page.AssertNoAxeViolationsAsync();
    }
}
