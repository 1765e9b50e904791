using System.Text.RegularExpressions;
using Beraterpool.BrowserTests.Infrastructure;
using Beraterpool.Web.Features.Demo;
using Beraterpool.Web.Features.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Beraterpool.BrowserTests.Journeys;

/// <summary>
/// Defect 3 of issue 13, "replies go nowhere": the municipality answers on its tracking page, the coordinator finds the
/// message in the queue, reads it and answers; the municipality gets the answer by mail with its personal link. Every
/// page on the way passes axe and, on a phone, is no wider than the screen.
/// </summary>
public sealed partial class ConversationJourneyTests(OwnBrowserApp app) : IClassFixture<OwnBrowserApp>
{
    private const string Wiehl = "05374048";

    [GeneratedRegex(@"https?://\S+/requests/track/[A-Za-z0-9_\-]+")]
    private static partial Regex TrackingLink();

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task A_reply_on_the_tracking_page_reaches_the_coordinators_queue_and_the_answer_comes_back_by_mail(int width)
    {
        var ct = TestContext.Current.CancellationToken;
        var contactEmail = $"rathaus-{Guid.NewGuid():N}"[..16] + "@wiehl.example";
        var reference = await ArrangeAsync(contactEmail, ct);

        // 1. The municipality opens its personal link, first sends nothing (a message at the field), then its answer.
        var (contactContext, contact) = await app.NewPageAsync(width);
        await using var _c = contactContext;
        await contact.GotoAsync(TrackingLink().Match(MailTo(contactEmail).First()).Value);
        await Assertions.Expect(contact.Locator("#messages")).ToContainTextAsync("Antworten per E-Mail werden nicht automatisch übernommen");
        await CheckAsync(contact, width);
        await contact.GetByRole(AriaRole.Button, new() { Name = "Nachricht senden" }).ClickAsync();
        await Assertions.Expect(contact.Locator("#error-summary")).ToContainTextAsync("Bitte schreiben Sie eine Nachricht.");
        await CheckAsync(contact, width);
        await contact.GetByLabel("Ihre Nachricht").FillAsync("Am Erstgespräch nehmen das Integrationsbüro und zwei Vereine teil.");
        await contact.GetByRole(AriaRole.Button, new() { Name = "Nachricht senden" }).ClickAsync();
        await Assertions.Expect(contact.Locator(".kern-alert--success")).ToContainTextAsync("Ihre Nachricht ist gesendet");
        await Assertions.Expect(contact.Locator("#messages")).ToContainTextAsync("zwei Vereine");
        await CheckAsync(contact, width);

        // 2. The coordinator sees it in the queue, opens the request and answers.
        var (officeContext, office) = await app.NewPageAsync(width);
        await using var _o = officeContext;
        await office.SignInAsync(DemoAccounts.CoordinatorNrw, DemoAccounts.Password);
        await office.GotoAsync("/manage");
        var unread = office.Locator(".queue-section li", new() { HasText = reference });
        await Assertions.Expect(unread).ToContainTextAsync("Neue Nachricht");
        await CheckAsync(office, width);
        await unread.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(office.Locator("#messages")).ToContainTextAsync("zwei Vereine");
        await CheckAsync(office, width);
        await office.GetByLabel("Ihre Nachricht").FillAsync("Danke, dann laden wir alle vier zum Erstgespräch ein.");
        await office.GetByRole(AriaRole.Button, new() { Name = "Nachricht senden" }).ClickAsync();
        await Assertions.Expect(office.Locator(".kern-alert--success")).ToContainTextAsync("Ihre Nachricht ist gesendet");
        await office.GotoAsync("/manage");
        await Assertions.Expect(office.Locator(".queue-section li", new() { HasText = reference })).ToHaveCountAsync(0);

        // 3. The answer reaches the municipality by mail, with the link back to the conversation.
        var answer = MailTo(contactEmail).Last();
        Assert.Contains("Danke, dann laden wir alle vier zum Erstgespräch ein.", answer);
        await contact.GotoAsync(TrackingLink().Match(answer).Value);
        await Assertions.Expect(contact.Locator("#messages")).ToContainTextAsync("alle vier");
        await CheckAsync(contact, width);
    }

    private static async Task CheckAsync(IPage page, int width)
    {
        await page.AssertNoAxeViolationsAsync();
        if (width < 600)
            Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"{page.Url} is wider than the screen");
    }

    /// <summary>A request for Wiehl in the NRW pool, its secret kept as the form keeps it, and its confirmation mail sent.</summary>
    private async Task<string> ArrangeAsync(string email, CancellationToken ct)
    {
        await using var scope = app.App.Scope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<Beraterpool.Web.Data.AppDbContext>();
        var pool = await db.Pools.SingleAsync(p => p.Slug == "nrw", ct);
        var key = await db.Municipalities.Where(m => m.OfficialKey == Wiehl).Select(m => m.OfficialKey).SingleAsync(ct);
        var token = ConsultationRequests.NewTrackingToken();
        var now = DateTimeOffset.UtcNow;
        var request = new ConsultationRequest
        {
            PoolId = pool.Id, Reference = $"BA-G-{Guid.NewGuid():N}"[..20], MunicipalityKey = key, ContactName = "Jonas Rathaus", ContactEmail = email,
            Goal = "Migrantische Vereine in die Eine-Welt-Arbeit einbinden", Need = "Ein erstes Gespräch", Status = RequestStatus.NeedsInformation,
            TrackingTokenHash = ConsultationRequests.HashToken(token), TrackingTokenProtected = services.GetRequiredService<TrackingTokenVault>().Protect(token),
            ConsentGivenAt = now, CreatedAt = now.AddDays(-5), UpdatedAt = now,
        };
        request.StatusChanges.Add(new RequestStatusChange { To = RequestStatus.Submitted, At = now.AddDays(-5), ActorName = "Jonas Rathaus" });
        db.ConsultationRequests.Add(request);
        await db.SaveChangesAsync(ct);
        await services.GetRequiredService<RequestMails>().SendConfirmationAsync(request, token, "Wiehl", pool.Name, pool.AnnualDayQuota, ct);
        return request.Reference;
    }

    private List<string> MailTo(string address) =>
        new DirectoryInfo(app.App.OutboxFolder).GetFiles("*.eml").OrderBy(f => f.Name)
            .Select(f => { using var m = MimeKit.MimeMessage.Load(f.FullName); return (To: m.To.ToString(), Text: m.TextBody ?? ""); })
            .Where(m => m.To.Contains(address, StringComparison.OrdinalIgnoreCase)).Select(m => m.Text).ToList();
}
