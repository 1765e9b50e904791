using Beraterpool.BrowserTests.Infrastructure;
using Beraterpool.Tests.Engagements;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Engagements;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Beraterpool.BrowserTests.Engagements;

public sealed class EngagementRecordPageTests(OwnBrowserApp app) : IClassFixture<OwnBrowserApp>
{
    [Fact]
    public async Task Advisor_logs_an_activity_on_the_record_and_the_page_has_no_axe_violations()
    {
        var email = $"record-{Guid.NewGuid():N}@example.org";
        var user = await app.App.CreateUserAsync(email, Roles.Advisor);
        var pool = await app.App.WithDbAsync(db => db.Pools.OrderBy(p => p.Id).FirstAsync());
        var advisor = await app.App.CreateAdvisorAsync(pool.Id, $"amara-{Guid.NewGuid():N}"[..20], user.Id);
        var partner = await app.App.CreateAdvisorAsync(pool.Id, $"kwame-{Guid.NewGuid():N}"[..20]);
        var key = await app.App.MunicipalityAsync("05913000", "Dortmund");
        var engagement = await app.App.EngagementAsync(pool.Id, key, [advisor.Id, partner.Id]);
        await app.App.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            db.ActionOptions.Add(new ActionOption { EngagementId = engagement.Id, Title = "Migrantische Vereine zum Eine-Welt-Forum einladen", CarriedOutBy = "Amt für Internationales", Status = ActionOptionStatus.Agreed, DueDate = new DateOnly(2026, 12, 15), CreatedAt = now, UpdatedAt = now });
            db.Learnings.Add(new Learning { EngagementId = engagement.Id, AuthorName = "Petra Kontakt", Side = EngagementSide.Municipality, Text = "Die Vereine wollen früh beteiligt werden, nicht erst zur Veranstaltung.", CreatedAt = now });
            db.EngagementComments.Add(new EngagementComment { EngagementId = engagement.Id, AuthorName = "Petra Kontakt", Side = EngagementSide.Municipality, Text = "Der Termin im Rathaus steht.", CreatedAt = now });
            return await db.SaveChangesAsync();
        });

        var (context, page) = await app.NewPageAsync();
        await using var _ = context;
        await page.GotoAsync("/account/login");
        await page.GetByLabel("E-Mail-Adresse").FillAsync(email);
        await page.GetByLabel("Passwort", new() { Exact = true }).FillAsync(TestUsers.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Abmelden" })).ToBeVisibleAsync();

        await page.GotoAsync($"/engagements/{engagement.Id}");
        await Assertions.Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Begleitung Dortmund"));
        await Assertions.Expect(page.Locator("#log-form")).ToContainTextAsync("Noch übrig: 10 Tage.");
        await page.GetByLabel("Art").SelectOptionAsync("Workshop");
        await page.GetByLabel("Dauer").SelectOptionAsync("2");
        await page.GetByLabel("Teilnehmende").FillAsync("Amt für Internationales, Integrationsrat, drei Vereine");
        await page.GetByRole(AriaRole.Button, new() { Name = "Aktivität eintragen" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Die Aktivität ist eingetragen.");
        await Assertions.Expect(page.Locator("#activities")).ToContainTextAsync("1 Tag");
        await page.AssertNoAxeViolationsAsync();
        var shots = Environment.GetEnvironmentVariable("SCREENSHOT_DIR");
        if (!string.IsNullOrEmpty(shots)) await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "engagement-record.png"), FullPage = true });

        // Defect 14: on a phone the record fits the screen and the edit link is visible without scrolling sideways.
        await page.SetViewportSizeAsync(390, 844);
        await page.ReloadAsync();
        var edit = page.Locator("#activities").GetByRole(AriaRole.Link, new() { Name = "Ändern oder löschen" });
        var box = await edit.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.X >= 0 && box.X + box.Width <= 390, $"edit link at x={box.X}, width {box.Width}");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "page wider than 390 px");
        var table = await page.Locator("#activities .table-scroll").EvaluateAsync<bool>("e => e.scrollWidth <= e.clientWidth");
        Assert.True(table, "the activities table scrolls sideways at 390 px");
        await page.AssertNoAxeViolationsAsync();
        if (!string.IsNullOrEmpty(shots)) await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "engagement-record-390.png"), FullPage = true });
    }
}
