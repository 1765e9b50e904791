using Beraterpool.BrowserTests.Infrastructure;
using Beraterpool.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Beraterpool.BrowserTests.Shared;

/// <summary>
/// Every page as a person sees it — on an office screen (1280 px) and, for the public pages, on a phone (390 px):
/// 0 axe violations (all rules, best practices included), no console errors (a CSP violation or a failed asset
/// shows there), and on the phone nothing wider than the screen.
/// </summary>
public sealed class AccessibilityTests(BrowserApp app)
{
    private const int Desktop = 1280, Phone = 390;

    [Theory]
    [InlineData("/", Desktop)]
    [InlineData("/", Phone)]
    [InlineData("/advisors", Desktop)]
    [InlineData("/advisors", Phone)]
    [InlineData("/advisors?topic=fairer-handel&language=fr", Desktop)]
    [InlineData("/advisors?topic=fairer-handel&language=fr", Phone)]
    [InlineData("/advisors?q=niemand-heisst-so", Desktop)]
    [InlineData("/advisors?q=niemand-heisst-so", Phone)]
    [InlineData("/advisors/serge-kouassi", Desktop)]
    [InlineData("/advisors/serge-kouassi", Phone)]
    [InlineData("/statistics", Desktop)]
    [InlineData("/statistics", Phone)]
    [InlineData("/municipalities?q=K%C3%B6ln", Desktop)]
    [InlineData("/municipalities?q=K%C3%B6ln", Phone)]
    [InlineData("/municipalities/05315000", Desktop)]
    [InlineData("/municipalities/05315000", Phone)]
    [InlineData("/about-data", Desktop)]
    [InlineData("/about-data", Phone)]
    [InlineData("/account/login", Desktop)]
    [InlineData("/account/login", Phone)]
    [InlineData("/events", Desktop)]
    [InlineData("/events", Phone)]
    [InlineData("/events/{info}", Desktop)]
    [InlineData("/events/{info}", Phone)]
    [InlineData("/events/{bonn}", Desktop)]
    [InlineData("/events/{bonn}", Phone)]
    [InlineData("/events/{wuppertal}", Phone)]
    [InlineData("/handbooks", Desktop)]
    [InlineData("/handbooks", Phone)]
    [InlineData("/handbooks/transferhandbuch", Desktop)]
    [InlineData("/handbooks/transferhandbuch", Phone)]
    [InlineData("/handbooks/profil", Phone)]
    [InlineData("/impact", Desktop)]
    [InlineData("/impact", Phone)]
    [InlineData("/opendata", Desktop)]
    [InlineData("/opendata", Phone)]
    [InlineData("/barrierefreiheit", Desktop)]
    [InlineData("/barrierefreiheit", Phone)]
    [InlineData("/leichte-sprache", Desktop)]
    [InlineData("/leichte-sprache", Phone)]
    [InlineData("/info/ablauf", Desktop)]
    [InlineData("/info/faq", Phone)]
    [InlineData("/certificates/verify/{certificate}", Desktop)]
    [InlineData("/certificates/verify/{certificate}", Phone)]
    [InlineData("/seminars/trainer/{trainer-link}", Desktop)]
    [InlineData("/seminars/trainer/{trainer-link}", Phone)]
    public async Task Public_page_has_no_axe_violations_or_console_errors(string path, int width)
    {
        path = await ResolveAsync(path);
        var (context, page) = await app.NewPageAsync(width);
        await using var _ = context;
        var errors = page.RecordErrors();

        var response = await page.GotoAsync(path);

        Assert.Equal(200, response!.Status);
        await AssertPageIsCleanAsync(page, errors, width);
    }

    [Theory]
    [InlineData(Desktop)]
    [InlineData(Phone)]
    public async Task Sign_in_error_state_has_no_axe_violations(int width)
    {
        var (context, page) = await app.NewPageAsync(width);
        await using var _ = context;
        var errors = page.RecordErrors();
        await page.GotoAsync("/account/login");

        await page.GetByLabel("E-Mail-Adresse").FillAsync("niemand@example.org");
        await page.GetByLabel("Passwort", new() { Exact = true }).FillAsync("falsch");
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await AssertPageIsCleanAsync(page, errors, width);
    }

    [Theory]
    [InlineData("/me/profile", DemoAccounts.Advisor)]
    [InlineData("/manage", DemoAccounts.CoordinatorNrw)]
    [InlineData("/manage", DemoAccounts.Administrator)]
    [InlineData("/manage/advisors", DemoAccounts.CoordinatorNrw)]
    [InlineData("/manage/advisors/{serge}/edit", DemoAccounts.CoordinatorNrw)]
    [InlineData("/manage/pools", DemoAccounts.Administrator)]
    [InlineData("/manage/gazetteer", DemoAccounts.Administrator)]
    [InlineData("/manage/events", DemoAccounts.CoordinatorNrw)]
    [InlineData("/manage/events/{info}", DemoAccounts.CoordinatorNrw)]
    [InlineData("/manage/events/edit/{info}", DemoAccounts.CoordinatorNrw)]
    [InlineData("/manage/events/{wuppertal}/questions", DemoAccounts.CoordinatorNrw)]
    [InlineData("/manage/events/{bonn}/documents", DemoAccounts.CoordinatorNrw)]
    [InlineData("/manage/events/{bonn}/outcomes", DemoAccounts.CoordinatorNrw)]
    [InlineData("/handbooks/teilnehmendenhandbuch", DemoAccounts.Advisor)]
    [InlineData("/manage/reports/2015", DemoAccounts.CoordinatorNrw)]
    [InlineData("/manage/reports/2015/indicators/veranstaltungen", DemoAccounts.CoordinatorNrw)]
    [InlineData("/manage/reports/2015/texts", DemoAccounts.CoordinatorNrw)]
    [InlineData("/manage/reports/2015/map", DemoAccounts.CoordinatorNrw)]
    [InlineData("/manage/indicators?year=2015", DemoAccounts.CoordinatorNrw)]
    [InlineData("/manage/indicators/edit/{press}", DemoAccounts.CoordinatorNrw)]
    [InlineData("/manage/indicators/{press}/values/2015", DemoAccounts.CoordinatorNrw)]
    [InlineData("/manage/indicators/{press}/delete", DemoAccounts.CoordinatorNrw)]
    [InlineData("/manage/pools/{pool}/handbooks", DemoAccounts.CoordinatorNrw)]
    [InlineData("/manage/pools/{pool}/brand", DemoAccounts.CoordinatorNrw)]
    [InlineData("/manage/pools/{pool}/handbooks/{transfer}", DemoAccounts.CoordinatorNrw)]
    [InlineData("/manage/pools/{pool}/handbooks/{transfer}/versions", DemoAccounts.CoordinatorNrw)]
    [InlineData("/manage/pools/{pool}/handbooks/{transfer}/chapters/{chapter}", DemoAccounts.CoordinatorNrw)]
    [InlineData("/me", DemoAccounts.Advisor)]
    [InlineData("/mentoring", DemoAccounts.Mentor)]
    [InlineData("/mentoring/{pair}", DemoAccounts.Mentor)]
    [InlineData("/mentoring/{pair}", DemoAccounts.CoordinatorNrw)]
    [InlineData("/manage/mentoring", DemoAccounts.CoordinatorNrw)]
    [InlineData("/manage/mentoring/new", DemoAccounts.CoordinatorNrw)]
    [InlineData("/manage/advisors/{serge}/contact-person", DemoAccounts.CoordinatorNrw)]
    [InlineData("/manage/stakeholders", DemoAccounts.CoordinatorNrw)]
    [InlineData("/manage/stakeholders/contacts", DemoAccounts.CoordinatorNrw)]
    [InlineData("/manage/stakeholders/organisations/{lks}", DemoAccounts.CoordinatorNrw)]
    [InlineData("/manage/stakeholders/organisations/edit/{lks}", DemoAccounts.CoordinatorNrw)]
    [InlineData("/manage/stakeholders/contacts/{lks-contact}", DemoAccounts.CoordinatorNrw)]
    [InlineData("/manage/stakeholders/contacts/edit/{lks-contact}", DemoAccounts.CoordinatorNrw)]
    [InlineData("/manage/stakeholders/followups?done=true", DemoAccounts.CoordinatorNrw)]
    [InlineData("/manage/stakeholders/import", DemoAccounts.CoordinatorNrw)]
    [InlineData("/manage/seminars", DemoAccounts.CoordinatorNrw)]
    [InlineData("/manage/seminars/{series}", DemoAccounts.CoordinatorNrw)]
    [InlineData("/manage/seminars/attendance/{seminar}", DemoAccounts.CoordinatorNrw)]
    [InlineData("/me/seminars/{seminar}", DemoAccounts.Advisor)]
    [InlineData("/me/seminars", DemoAccounts.Advisor)]
    [InlineData("/manage/interviews", DemoAccounts.CoordinatorNrw)]
    [InlineData("/manage/interviews/guides/{guide}", DemoAccounts.CoordinatorNrw)]
    [InlineData("/manage/interviews/guides/{guide}/compare", DemoAccounts.CoordinatorNrw)]
    [InlineData("/manage/interviews/guides/edit/{guide}", DemoAccounts.CoordinatorNrw)]
    [InlineData("/manage/interviews/interview/{interview}", DemoAccounts.CoordinatorNrw)]
    [InlineData("/manage/calls", DemoAccounts.CoordinatorNrw)]
    [InlineData("/manage/calls/{recent-call}/review", DemoAccounts.CoordinatorNrw)]
    [InlineData("/manage/calls/application/{recent-application}", DemoAccounts.CoordinatorNrw)]
    [InlineData("/manage/calls/{call-2014}/decisions", DemoAccounts.CoordinatorNrw)]
    [InlineData("/review", DemoAccounts.Reviewer)]
    [InlineData("/review/application/{recent-application}", DemoAccounts.Reviewer)]
    public async Task Signed_in_page_has_no_axe_violations_or_console_errors(string path, string account)
    {
        path = await ResolveAsync(path);
        var (context, page) = await app.NewPageAsync();
        await using var _ = context;
        var errors = page.RecordErrors();
        // The site has no favicon yet; Chromium's own request for it logs a 404 console error whenever it happens to
        // fire before the check (it did every time for /manage/advisors on PostgreSQL).
        await context.RouteAsync("**/favicon.ico", route => route.FulfillAsync(new() { Status = 204 }));
        await page.SignInAsync(account, DemoAccounts.Password);

        var response = await page.GotoAsync(path);

        Assert.Equal(200, response!.Status);
        Assert.EndsWith(path, new Uri(page.Url).PathAndQuery);
        await AssertPageIsCleanAsync(page, errors, Desktop);
    }

    /// <summary>
    /// Demo records by a name: {serge} an advisor's id, {info} the coming information evening's id, {transfer} the transfer
    /// handbook's id, {pool} its pool and {chapter} its first chapter, {pair} the demo advisor's mentoring pair, {series}/{seminar}/{certificate}
    /// the demo qualification series, its first seminar and a certificate's code,
    /// {guide}/{interview} the demo interview guide and one of its finished interviews, {press} the demo's custom indicator "Presseartikel",
    /// {recent-call}/{recent-application} the demo call under review and its first application, {call-2014} the decided call of 2014,
    /// {trainer-link} a new trainer link for the series' first seminar, {lks} the state coordination office of the integration centres and {lks-contact} its contact.
    /// </summary>
    private async Task<string> ResolveAsync(string path)
    {
        var ct = TestContext.Current.CancellationToken;
        if (path.Contains("{serge}"))
        {
            var id = await app.App.WithDbAsync(db => db.Advisors.Where(a => a.Slug == "serge-kouassi").Select(a => a.Id).SingleAsync(ct));
            path = path.Replace("{serge}", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        if (path.Contains("{info}"))
        {
            var id = await app.App.WithDbAsync(db => db.Events.Where(e => e.Title.StartsWith("Informationsabend")).Select(e => e.Id).SingleAsync(ct));
            path = path.Replace("{info}", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        // The past forum with a file and an outcome, and the coming forum with its own registration questions.
        foreach (var (placeholder, title) in new[] { ("{bonn}", "Dialogforum Bonn"), ("{wuppertal}", "Dialogforum Wuppertal") })
        {
            if (!path.Contains(placeholder)) continue;
            var id = await app.App.WithDbAsync(db => db.Events.Where(e => e.Title.StartsWith(title)).Select(e => e.Id).SingleAsync(ct));
            path = path.Replace(placeholder, id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        if (path.Contains("{series}") || path.Contains("{seminar}") || path.Contains("{certificate}"))
        {
            var s = await app.App.WithDbAsync(db => db.SeminarSeries.Where(x => x.Title == "Qualifizierung 2014/2015")
                .Select(x => new { x.Id, Seminar = db.Seminars.Where(m => m.SeriesId == x.Id).OrderBy(m => m.StartsAt).Select(m => m.Id).First(),
                    Code = db.SeminarCertificates.Where(c => c.SeriesId == x.Id).Select(c => c.Code).First() }).FirstAsync(ct));
            path = path.Replace("{series}", Invariant(s.Id)).Replace("{seminar}", Invariant(s.Seminar))
                .Replace("{certificate}", Web.Features.Seminars.SeminarProgram.FormatCode(s.Code));
        }
        if (path.Contains("{trainer-link}"))
        {
            // A fresh trainer link for the demo series' first seminar (the demo keeps only the hash of its own).
            var token = "axe-trainer-" + Guid.NewGuid().ToString("N");
            await app.App.WithDbAsync(async db =>
            {
                var seminar = await db.Seminars.Where(m => db.SeminarSeries.Any(x => x.Id == m.SeriesId && x.Title == "Qualifizierung 2014/2015"))
                    .OrderBy(m => m.StartsAt).Select(m => m.Id).FirstAsync(ct);
                db.SeminarTrainerLinks.Add(new Web.Features.Seminars.SeminarTrainerLink
                {
                    SeminarId = seminar, TrainerName = "Dr. Petra Lange", TokenHash = Web.Features.Seminars.SeminarProgram.HashToken(token),
                    CreatedAt = DateTimeOffset.UtcNow, ExpiresAt = DateTimeOffset.UtcNow.AddDays(1),
                });
                return await db.SaveChangesAsync(ct);
            });
            path = path.Replace("{trainer-link}", token);
        }
        if (path.Contains("{guide}") || path.Contains("{interview}"))
        {
            var g = await app.App.WithDbAsync(db => db.InterviewGuides.Where(x => x.Title.StartsWith("Bedarfe der Kommunen"))
                .Select(x => new { x.Id, Interview = db.Interviews.Where(i => i.GuideId == x.Id && i.FinishedAt != null).Select(i => i.Id).First() }).FirstAsync(ct));
            path = path.Replace("{guide}", Invariant(g.Id)).Replace("{interview}", Invariant(g.Interview));
        }
        if (path.Contains("{recent-call}") || path.Contains("{recent-application}") || path.Contains("{call-2014}"))
        {
            var c = await app.App.WithDbAsync(db => db.Calls.Where(x => x.Title.StartsWith("Nachbesetzung"))
                .Select(x => new { x.Id, Application = db.Applications.Where(a => a.CallId == x.Id).OrderBy(a => a.Id).Select(a => a.Id).First(),
                    Old = db.Calls.Where(o => o.Title.StartsWith("Berater*innen mit Migrationsgeschichte")).Select(o => o.Id).First() }).FirstAsync(ct));
            path = path.Replace("{recent-call}", Invariant(c.Id)).Replace("{recent-application}", Invariant(c.Application)).Replace("{call-2014}", Invariant(c.Old));
        }
        if (path.Contains("{press}"))
        {
            var id = await app.App.WithDbAsync(db => db.CustomIndicators.Where(c => c.Name == "Presseartikel").Select(c => c.Id).FirstAsync(ct));
            path = path.Replace("{press}", Invariant(id));
        }
        if (path.Contains("{pair}"))
        {
            var id = await app.App.WithDbAsync(db => db.Mentorships.Where(m => db.Advisors.Any(a => a.Id == m.AdvisorId && a.Slug == "amina-tesfaye")).Select(m => m.Id).FirstAsync(ct));
            path = path.Replace("{pair}", Invariant(id));
        }
        if (path.Contains("{lks}") || path.Contains("{lks-contact}"))
        {
            var ids = await app.App.WithDbAsync(db => db.ContactOrganisations
                .Where(c => db.Organisations.Any(o => o.Id == c.OrganisationId && o.Name.StartsWith("Landeskoordinierungsstelle")))
                .Select(c => new { c.OrganisationId, c.ContactId }).FirstAsync(ct));
            path = path.Replace("{lks-contact}", Invariant(ids.ContactId)).Replace("{lks}", Invariant(ids.OrganisationId));
        }
        if (path.Contains("{transfer}") || path.Contains("{pool}"))
        {
            var handbook = await app.App.WithDbAsync(db => db.Handbooks.Where(h => h.Slug == "transferhandbuch")
                .Select(h => new { h.Id, h.PoolId, Chapter = h.Chapters.OrderBy(c => c.Position).Select(c => c.Id).First() }).FirstAsync(ct));
            path = path.Replace("{transfer}", Invariant(handbook.Id)).Replace("{pool}", Invariant(handbook.PoolId)).Replace("{chapter}", Invariant(handbook.Chapter));
        }
        return path;
    }

    private static string Invariant(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static async Task AssertPageIsCleanAsync(IPage page, List<string> errors, int width)
    {
        await page.AssertNoAxeViolationsAsync();
        Assert.Empty(errors);
        // Nothing pushes the page sideways: a phone user never scrolls horizontally to read a line.
        var pageWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(pageWidth <= width, $"{page.Url} is {pageWidth} px wide at a {width} px viewport");
    }
}
