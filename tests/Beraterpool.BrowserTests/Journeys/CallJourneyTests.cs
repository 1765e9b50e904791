using System.Text.RegularExpressions;
using Beraterpool.BrowserTests.Infrastructure;
using Beraterpool.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Beraterpool.BrowserTests.Journeys;

/// <summary>
/// Issue 10, building the pool: the coordinator opens a call, a visitor applies with a CV, after the deadline two
/// reviewers named by e-mail score it blind (their page holds none of the hidden fields), the coordinator accepts and
/// sends the decision, and the new advisor sets a password from the mail and is "in qualification". Every page on the
/// way passes axe and, on a phone, is no wider than the screen.
/// </summary>
public sealed partial class CallJourneyTests(OwnBrowserApp app) : IClassFixture<OwnBrowserApp>
{
    private const string Password = "Wir beraten Kommunen 2026!";

    [GeneratedRegex(@"https?://\S+/account/invitation\?\S+")]
    private static partial Regex InvitationLink();

    [GeneratedRegex(@"https?://\S+/calls/application/[A-Za-z0-9_\-]+")]
    private static partial Regex PersonalLink();

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task A_call_is_opened_applied_to_reviewed_blind_and_decided_and_the_new_advisor_starts_in_qualification(int width)
    {
        var ct = TestContext.Current.CancellationToken;
        var id = Guid.NewGuid().ToString("N")[..6];
        var title = $"Berater*innen gesucht {id}";
        var applicant = $"hana.{id}@bewerbung.example";

        // 1. The coordinator opens the call.
        var (officeContext, office) = await app.NewPageAsync(width);
        await using var _o = officeContext;
        await office.SignInAsync(DemoAccounts.CoordinatorNrw, DemoAccounts.Password);
        await office.GotoAsync("/manage/calls");
        await CheckAsync(office, width);
        await office.GetByRole(AriaRole.Link, new() { Name = "Neue Ausschreibung" }).ClickAsync();
        await CheckAsync(office, width);
        await office.GetByLabel("Titel", new() { Exact = true }).FillAsync(title);
        await office.GetByRole(AriaRole.Button, new() { Name = "Speichern" }).ClickAsync();
        await Assertions.Expect(office.Locator(".kern-alert--success")).ToContainTextAsync(title);
        var callId = await app.App.WithDbAsync(db => db.Calls.Where(c => c.Title == title).Select(c => c.Id).SingleAsync(ct));

        // 2. A visitor applies from the call's public page, with a CV.
        var (visitorContext, visitor) = await app.NewPageAsync(width);
        await using var _v = visitorContext;
        await visitor.GotoAsync("/calls");
        await CheckAsync(visitor, width);
        await visitor.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await CheckAsync(visitor, width);
        await visitor.GetByLabel("Vorname").FillAsync("Hana");
        await visitor.GetByLabel("Nachname").FillAsync($"Osei-{id}");
        await visitor.GetByLabel("E-Mail-Adresse").FillAsync(applicant);
        await visitor.GetByLabel("Geburtsjahr").FillAsync("1984");
        await visitor.GetByLabel("Motivation").FillAsync("Ich möchte Kommunen bei fairer Beschaffung beraten.");
        await visitor.GetByLabel("Lebenslauf (PDF, höchstens 5 MB)").SetInputFilesAsync(new FilePayload
        {
            Name = "lebenslauf-osei.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"u8.ToArray(),
        });
        await visitor.GetByLabel(new Regex("^Ich stimme zu")).CheckAsync();
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Bewerbung absenden" }).ClickAsync();
        await Assertions.Expect(visitor.Locator(".kern-alert--success")).ToContainTextAsync("Vielen Dank für Ihre Bewerbung");
        await CheckAsync(visitor, width);
        Assert.Matches(PersonalLink(), Assert.Single(MailTo(applicant)));

        // 3. The committee: two members named by e-mail, who set their password from the invitation.
        await office.GotoAsync($"/manage/calls/{callId}/review");
        await CheckAsync(office, width);
        var reviewers = new[] { $"gutachterin-a-{id}@example.org", $"gutachter-b-{id}@example.org" };
        foreach (var email in reviewers)
        {
            await office.GetByLabel("E-Mail-Adresse").FillAsync(email);
            await office.GetByRole(AriaRole.Button, new() { Name = "In die Kommission berufen" }).ClickAsync();
            await Assertions.Expect(office.Locator(".kern-alert--success")).ToContainTextAsync("gehört jetzt der Auswahlkommission an");
        }
        // The deadline passes.
        await app.App.WithDbAsync(async db =>
        {
            var call = await db.Calls.SingleAsync(c => c.Id == callId, ct);
            call.ClosesAt = DateTimeOffset.UtcNow.AddMinutes(-1);
            return await db.SaveChangesAsync(ct);
        });

        // 4. Each reviewer scores blind: the page holds none of the hidden fields.
        var score = 5;
        foreach (var email in reviewers)
        {
            var (context, reviewer) = await app.NewPageAsync(width);
            await using var _r = context;
            await reviewer.GotoAsync(InvitationLink().Match(MailTo(email).First(m => m.Contains("/account/invitation"))).Value);
            await CheckAsync(reviewer, width);
            await reviewer.GetByLabel("Neues Passwort").FillAsync(Password);
            await reviewer.GetByLabel("Passwort wiederholen").FillAsync(Password);
            await reviewer.GetByRole(AriaRole.Button, new() { Name = "Passwort festlegen und anmelden" }).ClickAsync();
            await Assertions.Expect(reviewer).ToHaveURLAsync(new Regex("/review$"));
            await CheckAsync(reviewer, width);
            await reviewer.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Bewerbung Nr\\.") }).First.ClickAsync();
            await CheckAsync(reviewer, width);
            var html = await reviewer.ContentAsync();
            foreach (var hidden in new[] { "Hana", $"Osei-{id}", applicant, "1984", "lebenslauf-osei.pdf" })
                Assert.DoesNotContain(hidden, html);
            await reviewer.Locator("fieldset", new() { HasText = "Motivation" }).GetByLabel(score.ToString(), new() { Exact = true }).CheckAsync();
            await reviewer.Locator("fieldset", new() { HasText = "Erfahrung" }).GetByLabel((score - 1).ToString(), new() { Exact = true }).CheckAsync();
            await reviewer.GetByRole(AriaRole.Button, new() { Name = "Gutachten abschicken" }).ClickAsync();
            await Assertions.Expect(reviewer.Locator(".kern-alert--success")).ToContainTextAsync("Ihr Gutachten ist abgeschickt");
            await CheckAsync(reviewer, width);
            score--;
        }

        // 5. The coordinator accepts and sends the decision.
        await office.GotoAsync($"/manage/calls/{callId}/review");
        await Assertions.Expect(office.GetByTestId("review-overview")).ToContainTextAsync("2 von 2");
        await CheckAsync(office, width);
        await office.GetByRole(AriaRole.Link, new() { Name = $"Osei-{id}, Hana" }).ClickAsync();
        await CheckAsync(office, width);
        await office.GetByLabel("Annahme").CheckAsync();
        await office.GetByRole(AriaRole.Button, new() { Name = "Entscheidung speichern" }).ClickAsync();
        await Assertions.Expect(office.Locator(".kern-alert--success")).ToContainTextAsync("als Entwurf gespeichert");
        await office.GotoAsync($"/manage/calls/{callId}/decisions");
        await Assertions.Expect(office.GetByTestId("decision-drafts")).ToContainTextAsync("Willkommen im Pool");
        await CheckAsync(office, width);
        await office.GetByRole(AriaRole.Button, new() { Name = "Die Mitteilung versenden" }).ClickAsync();
        await Assertions.Expect(office.Locator(".kern-alert--success")).ToContainTextAsync("Die Entscheidung ist versandt");
        await CheckAsync(office, width);

        // 6. The outbox holds the acceptance; the new advisor sets a password from the invitation.
        Assert.Contains(MailTo(applicant), m => m.Contains("Willkommen im Pool"));
        var (advisorContext, advisor) = await app.NewPageAsync(width);
        await using var _a = advisorContext;
        await advisor.GotoAsync(InvitationLink().Match(MailTo(applicant).Last(m => m.Contains("/account/invitation"))).Value);
        await advisor.GetByLabel("Neues Passwort").FillAsync(Password);
        await advisor.GetByLabel("Passwort wiederholen").FillAsync(Password);
        await advisor.GetByRole(AriaRole.Button, new() { Name = "Passwort festlegen und anmelden" }).ClickAsync();
        await Assertions.Expect(advisor).ToHaveURLAsync(new Regex("/me$"));
        await CheckAsync(advisor, width);

        await office.GotoAsync("/manage/advisors?q=" + Uri.EscapeDataString($"Osei-{id}"));
        await Assertions.Expect(office.Locator("main")).ToContainTextAsync("in Qualifizierung");
        await CheckAsync(office, width);
    }

    private static async Task CheckAsync(IPage page, int width)
    {
        await page.AssertNoAxeViolationsAsync();
        if (width < 600)
            Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"{page.Url} is wider than the screen");
    }

    private List<string> MailTo(string address) =>
        new DirectoryInfo(app.App.OutboxFolder).GetFiles("*.eml").OrderBy(f => f.Name)
            .Select(f => { using var m = MimeKit.MimeMessage.Load(f.FullName); return (To: m.To.ToString(), Text: m.TextBody ?? ""); })
            .Where(m => m.To.Contains(address, StringComparison.OrdinalIgnoreCase)).Select(m => m.Text).ToList();
}
