using System.Net;
using System.Text.RegularExpressions;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Beraterpool.Tests.Audit;

/// <summary>The audit log at /manage/audit: administrators only, newest first, 25 a page, filtered by event, person and German calendar day.</summary>
public sealed partial class AuditViewTests(AuditViewTests.App app) : IClassFixture<AuditViewTests.App>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public sealed class App() : TestApp(importGazetteer: false);

    private Task<HttpClient> AdminAsync() => app.SignedInBrowserAsync("admin@example.org", Roles.Administrator);

    /// <summary>Entries of an action of the test's own, at the given Berlin times (summer time: UTC+2).</summary>
    private Task ArrangeAsync(string action, params (DateTimeOffset At, string Subject)[] entries) => app.WithDbAsync(async db =>
    {
        foreach (var (at, subject) in entries)
            db.AuditEntries.Add(new AuditEntry { At = at.ToUniversalTime(), Action = action, Subject = subject, Details = "test" });
        return await db.SaveChangesAsync();
    });

    private static List<string> Rows(string html) =>
        RowRegex().Matches(html).Select(m => Html.Text(m.Groups[1].Value)).ToList();

    [Fact]
    public async Task Only_administrators_may_open_the_audit_log()
    {
        var anonymous = await app.Browser().GetAsync("/manage/audit", Ct);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/login", anonymous.Headers.Location?.PathAndQuery ?? anonymous.Headers.Location?.OriginalString);
        foreach (var role in new[] { Roles.Coordinator, Roles.Advisor, Roles.MunicipalityContact, Roles.Reviewer, Roles.Mentor })
        {
            var client = await app.SignedInBrowserAsync($"kein-protokoll-{role.ToLowerInvariant()}@example.org", role);
            var response = await client.GetAsync("/manage/audit", Ct);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/access-denied", response.Headers.Location?.PathAndQuery ?? response.Headers.Location?.OriginalString);
        }
        var admin = await (await AdminAsync()).GetAsync("/manage/audit", Ct);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Contains("Protokoll", Html.Text(await admin.Content.ReadAsStringAsync(Ct)));
    }

    [Fact]
    public async Task Entries_of_one_event_are_listed_newest_first_25_a_page()
    {
        var start = new DateTimeOffset(2026, 6, 1, 8, 0, 0, TimeSpan.FromHours(2));
        await ArrangeAsync("test.paging", Enumerable.Range(0, 30).Select(i => (start.AddMinutes(i), $"nummer:{i:00}")).ToArray());
        var admin = await AdminAsync();

        var first = await admin.GetStringAsync("/manage/audit?kind=test.paging", Ct);
        var rows = Rows(first);
        Assert.Equal(25, rows.Count);
        Assert.Contains("nummer:29", rows[0]);
        Assert.Contains("01.06.2026 08:29:00", rows[0]);
        Assert.Contains("nummer:05", rows[^1]);
        Assert.Contains("30 Einträge", Html.Text(first));
        Assert.Contains("Seite 1 von 2", Html.Text(first));

        var second = Rows(await admin.GetStringAsync("/manage/audit?kind=test.paging&page=2", Ct));
        Assert.Equal(["nummer:04", "nummer:03", "nummer:02", "nummer:01", "nummer:00"], second.Select(r => Regex.Match(r, "nummer:\\d+").Value));
    }

    [Fact]
    public async Task The_date_filter_counts_German_calendar_days_and_a_wrong_date_is_named_in_German()
    {
        await ArrangeAsync("test.dates",
            (new DateTimeOffset(2026, 3, 9, 23, 30, 0, TimeSpan.FromHours(1)), "tag:vorher"),
            (new DateTimeOffset(2026, 3, 10, 0, 15, 0, TimeSpan.FromHours(1)), "tag:erster"), // 23:15 UTC on 9 March
            (new DateTimeOffset(2026, 3, 11, 23, 59, 0, TimeSpan.FromHours(1)), "tag:letzter"),
            (new DateTimeOffset(2026, 3, 12, 0, 1, 0, TimeSpan.FromHours(1)), "tag:danach"));
        var admin = await AdminAsync();

        var rows = Rows(await admin.GetStringAsync("/manage/audit?kind=test.dates&from=2026-03-10&to=2026-03-11", Ct));
        Assert.Equal(["tag:letzter", "tag:erster"], rows.Select(r => Regex.Match(r, "tag:\\w+").Value));

        var wrong = await admin.GetAsync("/manage/audit?kind=test.dates&from=kein-datum", Ct);
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        var html = await wrong.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Bitte geben Sie ein gültiges Datum an", Html.Text(html));
        Assert.Equal(4, Rows(html).Count);
    }

    [Fact]
    public async Task Security_events_are_shown_by_person_and_kind_with_German_names()
    {
        var granted = await app.CreateUserAsync("beobachtet@example.org", Roles.Advisor);
        await app.CreateUserAsync("andere-person@example.org", Roles.Advisor);
        await app.SignInAsync("beobachtet@example.org");
        await app.SignInAsync("andere-person@example.org");
        await app.Browser().PostFormAsync("/account/login", [new("Input.Email", "beobachtet@example.org"), new("Input.Password", "falsches-passwort")]);
        await using (var scope = app.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            Assert.True((await users.AddToRoleAsync((await users.FindByIdAsync(granted.Id))!, Roles.Mentor)).Succeeded);
        }
        var admin = await AdminAsync();

        var mine = Rows(await admin.GetStringAsync("/manage/audit?person=beobachtet%40example", Ct));
        Assert.All(mine, r => Assert.Contains("beobachtet@example.org", r));
        Assert.Contains(mine, r => r.Contains("Anmeldung erfolgreich"));
        Assert.Contains(mine, r => r.Contains("Anmeldung fehlgeschlagen"));
        Assert.Contains(mine, r => r.Contains("Rolle vergeben") && r.Contains("role=Mentor"));
        Assert.DoesNotContain(mine, r => r.Contains("andere-person"));

        var failed = Rows(await admin.GetStringAsync("/manage/audit?kind=security.sign-in.failed&person=beobachtet", Ct));
        Assert.Equal(["Anmeldung fehlgeschlagen"], failed.Select(r => Regex.Match(r, "Anmeldung \\w+").Value));

        var security = Rows(await admin.GetStringAsync("/manage/audit?kind=security&person=andere-person", Ct));
        Assert.NotEmpty(security);
        Assert.DoesNotContain(security, r => r.Contains("test."));
    }

    [Fact]
    public async Task A_filter_without_matches_shows_the_empty_state()
    {
        var admin = await AdminAsync();
        var text = Html.Text(await admin.GetStringAsync("/manage/audit?person=niemand-mit-dieser-adresse", Ct));
        Assert.Contains("0 Einträge", text);
        Assert.Contains("Keine Einträge zu diesen Filtern.", text);
    }

    [Fact]
    public async Task The_audit_log_speaks_English_and_French()
    {
        var admin = await AdminAsync();
        Assert.Contains("Audit log", Html.Text(await admin.GetStringAsync("/manage/audit?lang=en", Ct)));
        Assert.Contains("Journal d’audit", Html.Text(await admin.GetStringAsync("/manage/audit?lang=fr", Ct)));
    }

    [GeneratedRegex("<tr class=\"kern-table__row\">\\s*<td(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex RowRegex();
}
