using System.Text.RegularExpressions;
using Beraterpool.BrowserTests.Infrastructure;
using Beraterpool.Web.Features.Engagements;
using Beraterpool.Web.Features.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Beraterpool.BrowserTests.Journeys;

/// <summary>
/// Issue 13, the municipality's side: the contact follows the confirmation mail, looks at the engagement without an
/// account, creates the account, invites a colleague; the colleague accepts and sees the same engagement. Every page
/// on the way passes axe and, on a phone, is no wider than the screen.
/// </summary>
public sealed partial class MunicipalityJourneyTests(OwnBrowserApp app) : IClassFixture<OwnBrowserApp>
{
    private const string Wiehl = "05374048";
    private const string Password = "Unser Rathaus hat einen Turm 2026";

    [GeneratedRegex(@"https?://\S+/requests/track/[A-Za-z0-9_\-]+")]
    private static partial Regex TrackingLink();

    [GeneratedRegex(@"https?://\S+/account/invitation\?\S+")]
    private static partial Regex InvitationLink();

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task The_municipality_follows_its_mail_creates_its_account_and_a_colleague_sees_the_same_engagement(int width)
    {
        var ct = TestContext.Current.CancellationToken;
        var id = Guid.NewGuid().ToString("N")[..8];
        var contactEmail = $"rathaus-{id}@wiehl.example";
        var colleagueEmail = $"kollegin-{id}@wiehl.example";
        var engagementId = await ArrangeAsync(contactEmail, ct);

        // 1. The contact follows the link of the confirmation mail and opens the engagement without an account.
        var (contactContext, contact) = await app.NewPageAsync(width);
        await using var _c = contactContext;
        await contact.GotoAsync(TrackingLink().Match(MailTo(contactEmail).First()).Value);
        await CheckAsync(contact, width);
        await contact.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Einsatz seit") }).ClickAsync();
        await Assertions.Expect(contact.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Begleitung von Wiehl");
        await CheckAsync(contact, width);
        await contact.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Zurück zur Anfrage") }).ClickAsync();

        // 2. It creates the account and sets its password from the invitation mail.
        await contact.GetByRole(AriaRole.Button, new() { Name = "Konto anlegen" }).ClickAsync();
        await Assertions.Expect(contact.Locator(".kern-alert--success")).ToContainTextAsync("Wir haben Ihnen eine E-Mail");
        await CheckAsync(contact, width);
        await SetPasswordAsync(contact, contactEmail, width);
        await Assertions.Expect(contact.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Wiehl");
        await CheckAsync(contact, width);

        // 3. It invites a colleague.
        await contact.GetByRole(AriaRole.Link, new() { Name = "Kolleginnen und Kollegen einladen oder entfernen" }).ClickAsync();
        await CheckAsync(contact, width);
        await contact.GetByLabel("Name", new() { Exact = true }).FillAsync("Lea Kollegin");
        await contact.GetByLabel("E-Mail-Adresse").FillAsync(colleagueEmail);
        await contact.GetByRole(AriaRole.Button, new() { Name = "Einladung verschicken" }).ClickAsync();
        await Assertions.Expect(contact.Locator(".kern-alert--success")).ToContainTextAsync("Wir haben Lea Kollegin eine Einladung");
        await Assertions.Expect(contact.Locator("main")).ToContainTextAsync("Einladung offen");
        await CheckAsync(contact, width);

        // 4. The colleague accepts and sees the same engagement.
        var (colleagueContext, colleague) = await app.NewPageAsync(width);
        await using var _k = colleagueContext;
        await SetPasswordAsync(colleague, colleagueEmail, width);
        await Assertions.Expect(colleague.Locator("main")).ToContainTextAsync(contactEmail);
        await CheckAsync(colleague, width);
        // Every engagement of Wiehl is listed (the other width's run added one too): this request's one.
        await colleague.Locator($"a[href$='/engagements/{engagementId}']").ClickAsync();
        await Assertions.Expect(colleague).ToHaveURLAsync(new Regex($"/engagements/{engagementId}$"));
        await colleague.AssertNoAxeViolationsAsync();
    }

    /// <summary>Follows the newest invitation mail to the address, sets the password and lands on the municipality's home.</summary>
    private async Task SetPasswordAsync(IPage page, string email, int width)
    {
        await page.GotoAsync(InvitationLink().Match(MailTo(email).Last()).Value);
        await CheckAsync(page, width);
        await page.GetByLabel("Neues Passwort").FillAsync(Password);
        await page.GetByLabel("Passwort wiederholen").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Passwort festlegen und anmelden" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/municipality$"));
    }

    private static async Task CheckAsync(IPage page, int width)
    {
        await page.AssertNoAxeViolationsAsync();
        if (width < 600)
            Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"{page.Url} is wider than the screen");
    }

    /// <summary>A request for Wiehl the office has taken up, with a running engagement, and its confirmation mail sent.</summary>
    private async Task<int> ArrangeAsync(string email, CancellationToken ct)
    {
        await using var scope = app.App.Scope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<Beraterpool.Web.Data.AppDbContext>();
        var pool = await db.Pools.SingleAsync(p => p.Slug == "nrw", ct);
        var advisorId = await db.Advisors.Where(a => a.PoolId == pool.Id).Select(a => a.Id).FirstAsync(ct);
        var token = ConsultationRequests.NewTrackingToken();
        var now = DateTimeOffset.UtcNow;
        var request = new ConsultationRequest
        {
            PoolId = pool.Id, Reference = $"BA-J-{Guid.NewGuid():N}"[..20], MunicipalityKey = Wiehl, ContactName = "Jana Rathaus", ContactEmail = email,
            Goal = "Migrantische Vereine in die Städtepartnerschaft einbinden", Need = "Kontakte und ein erstes Forum",
            TrackingTokenHash = ConsultationRequests.HashToken(token), Status = RequestStatus.InProgress, ConsentGivenAt = now, CreatedAt = now.AddDays(-20), UpdatedAt = now,
        };
        request.StatusChanges.Add(new RequestStatusChange { To = RequestStatus.Submitted, At = now.AddDays(-20), ActorName = "Jana Rathaus" });
        db.ConsultationRequests.Add(request);
        await db.SaveChangesAsync(ct);
        var engagement = new Engagement { PoolId = pool.Id, RequestId = request.Id, MunicipalityKey = Wiehl, StartedAt = now.AddDays(-7) };
        engagement.Advisors.Add(new EngagementAdvisor { AdvisorId = advisorId, JoinedAt = now.AddDays(-7) });
        db.Engagements.Add(engagement);
        await db.SaveChangesAsync(ct);
        await services.GetRequiredService<RequestMails>().SendConfirmationAsync(request, token, "Wiehl", pool.Name, pool.AnnualDayQuota, ct);
        return engagement.Id;
    }

    private List<string> MailTo(string address) =>
        new DirectoryInfo(app.App.OutboxFolder).GetFiles("*.eml").OrderBy(f => f.Name)
            .Select(f => { using var m = MimeKit.MimeMessage.Load(f.FullName); return (To: m.To.ToString(), Text: m.TextBody ?? ""); })
            .Where(m => m.To.Contains(address, StringComparison.OrdinalIgnoreCase)).Select(m => m.Text).ToList();
}
