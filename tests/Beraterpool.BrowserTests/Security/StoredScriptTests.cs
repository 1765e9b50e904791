using Beraterpool.BrowserTests.Infrastructure;
using Beraterpool.Web.Features.Demo;
using Beraterpool.Web.Features.Engagements;
using Beraterpool.Web.Features.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Beraterpool.BrowserTests.Security;

/// <summary>
/// Script payloads stored through the real forms (the public request form, the advisor's profile, comments on the
/// engagement record) and then opened, as every role that sees them, in Chromium: no payload may run — window.__xss
/// stays undefined and no dialog opens — while the text itself is shown.
/// </summary>
public sealed class StoredScriptTests(OwnBrowserApp app) : IClassFixture<OwnBrowserApp>
{
    private const string Payload = "<script>window.__xss=1</script>\"><img src=x onerror=window.__xss=1>'><svg onload=window.__xss=1>";

    [Fact]
    public async Task The_detector_notices_a_script_that_runs()
    {
        var (context, page) = await app.NewPageAsync();
        await using var _ = context;
        await page.SetContentAsync("<!DOCTYPE html><html><body><img src=x onerror=window.__xss=1></body></html>");
        await page.WaitForFunctionAsync("() => window.__xss === 1");
        Assert.False(await NoScriptRanAsync(page));
    }

    [Fact]
    public async Task Script_payloads_stored_through_the_forms_never_run_where_they_are_shown()
    {
        var engagementId = await EngagementOfTheDemoAdvisorAndContactAsync();

        // A visitor sends a request with the payload as name, goal and need.
        var (visitorContext, visitor) = await app.NewPageAsync();
        await using var _ = visitorContext;
        await visitor.GotoAsync("/requests/new");
        var search = visitor.GetByRole(AriaRole.Combobox, new() { Name = "Kommune oder Kreis suchen" });
        await search.PressSequentiallyAsync("Hattin", new() { Delay = 30 });
        await Assertions.Expect(visitor.GetByRole(AriaRole.Option).Filter(new() { HasText = "Hattingen" }).First).ToBeVisibleAsync();
        await search.PressAsync("ArrowDown");
        await search.PressAsync("Enter");
        await visitor.GetByLabel("Name", new() { Exact = true }).FillAsync("Erika " + Payload);
        await visitor.GetByLabel("E-Mail-Adresse").FillAsync("xss@hattingen.example");
        await visitor.GetByLabel("Ziel Ihrer Kommune").FillAsync(Payload);
        await visitor.GetByLabel("Bedarf, den Ihre Kommune sieht").FillAsync(Payload);
        await visitor.GetByLabel("Online", new() { Exact = true }).CheckAsync();
        await visitor.GetByLabel("Ich stimme der Verarbeitung meiner Angaben zu diesem Zweck zu.").CheckAsync();
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Weiter zur Prüfung" }).ClickAsync();
        Assert.True(await NoScriptRanAsync(visitor), "on the review page of the request form");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Anfrage absenden" }).ClickAsync();
        await Assertions.Expect(visitor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Vielen Dank");
        var requestId = await app.App.WithDbAsync(db => db.ConsultationRequests.Where(r => r.ContactEmail == "xss@hattingen.example").Select(r => r.Id).SingleAsync());

        // The advisor writes it into her biography and comments with it; the contact comments with it too.
        var (advisorContext, advisor) = await app.NewPageAsync();
        await using var __ = advisorContext;
        await advisor.SignInAsync(DemoAccounts.Advisor, DemoAccounts.Password);
        await advisor.GotoAsync("/me/profile");
        await advisor.Locator("textarea[name$='Bio']").FillAsync(Payload);
        await advisor.GetByRole(AriaRole.Button, new() { Name = "Profil speichern" }).ClickAsync();
        await advisor.WaitForLoadStateAsync();
        Assert.Equal(Payload, await app.App.WithDbAsync(db => db.Advisors.Where(a => a.Slug == "amina-tesfaye").Select(a => a.Bio).SingleAsync()));
        await CommentAsync(advisor, engagementId);

        var (contactContext, contact) = await app.NewPageAsync();
        await using var ___ = contactContext;
        await contact.SignInAsync(DemoAccounts.MunicipalityContact, DemoAccounts.Password);
        await CommentAsync(contact, engagementId);

        var (coordinatorContext, coordinator) = await app.NewPageAsync();
        await using var ____ = coordinatorContext;
        await coordinator.SignInAsync(DemoAccounts.CoordinatorNrw, DemoAccounts.Password);

        var failures = new List<string>();
        foreach (var (page, who, url) in new[]
                 {
                     (coordinator, "coordinator", "/manage/requests"), (coordinator, "coordinator", $"/manage/requests/{requestId}"),
                     (coordinator, "coordinator", $"/manage/requests/{requestId}/intake"), (coordinator, "coordinator", $"/engagements/{engagementId}"),
                     (coordinator, "coordinator", "/manage/advisors"), (advisor, "advisor", $"/engagements/{engagementId}"), (advisor, "advisor", "/me/profile"),
                     (contact, "contact", $"/engagements/{engagementId}"), (contact, "contact", "/municipality"), (visitor, "visitor", "/advisors/amina-tesfaye"),
                 })
        {
            await page.GotoAsync(url);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            if (!await NoScriptRanAsync(page)) failures.Add($"a payload ran on {url} as the {who}");
        }
        // The payloads were stored and are shown, as text.
        await coordinator.GotoAsync($"/manage/requests/{requestId}");
        await Assertions.Expect(coordinator.Locator("main")).ToContainTextAsync("window.__xss=1");
        await contact.GotoAsync($"/engagements/{engagementId}");
        await Assertions.Expect(contact.Locator("main")).ToContainTextAsync("onerror=window.__xss=1");
        Assert.Equal(2, await app.App.WithDbAsync(db => db.EngagementComments.CountAsync(c => c.EngagementId == engagementId && c.Text == Payload)));
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    private static async Task CommentAsync(IPage page, int engagementId)
    {
        await page.GotoAsync($"/engagements/{engagementId}");
        await page.Locator("textarea[name='Comment.Text']").FillAsync(Payload);
        await page.GetByRole(AriaRole.Button, new() { Name = "Kommentieren" }).ClickAsync();
        await page.WaitForLoadStateAsync();
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IPage, List<string>> Dialogs = new();

    /// <summary>Whether the page is free of the payloads' effects: window.__xss undefined and no alert, confirm or prompt.</summary>
    private static async Task<bool> NoScriptRanAsync(IPage page)
    {
        if (!Dialogs.TryGetValue(page, out var dialogs))
        {
            dialogs = [];
            Dialogs.Add(page, dialogs);
            page.Dialog += async (_, dialog) => { dialogs.Add(dialog.Message); await dialog.DismissAsync(); };
        }
        return await page.EvaluateAsync<bool>("() => typeof window.__xss === 'undefined'") && dialogs.Count == 0;
    }

    /// <summary>An engagement of the demo advisor with the demo contact's request (matching, which creates it, is another journey).</summary>
    private async Task<int> EngagementOfTheDemoAdvisorAndContactAsync() =>
        await app.App.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var pool = await db.Pools.SingleAsync(p => p.Slug == "nrw");
            var advisorUser = await db.Users.SingleAsync(u => u.Email == DemoAccounts.Advisor);
            var contactUser = await db.Users.SingleAsync(u => u.Email == DemoAccounts.MunicipalityContact);
            var advisor = await db.Advisors.SingleAsync(a => a.UserId == advisorUser.Id);
            var request = new ConsultationRequest
            {
                PoolId = pool.Id, Reference = "XSS-" + Guid.NewGuid().ToString("N")[..8], MunicipalityKey = "05315000", ContactName = "Kontakt Köln",
                ContactEmail = DemoAccounts.MunicipalityContact, ContactUserId = contactUser.Id, Goal = "Ziel", Need = "Bedarf",
                TrackingTokenHash = ConsultationRequests.HashToken(ConsultationRequests.NewTrackingToken()), Status = RequestStatus.InProgress,
                ConsentGivenAt = now, CreatedAt = now, UpdatedAt = now,
            };
            db.ConsultationRequests.Add(request);
            await db.SaveChangesAsync();
            var engagement = new Engagement { PoolId = pool.Id, RequestId = request.Id, MunicipalityKey = "05315000", StartedAt = now };
            engagement.Advisors.Add(new EngagementAdvisor { AdvisorId = advisor.Id, JoinedAt = now });
            db.Engagements.Add(engagement);
            await db.SaveChangesAsync();
            return engagement.Id;
        });
}
