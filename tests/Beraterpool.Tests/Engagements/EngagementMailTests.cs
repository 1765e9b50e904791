using Beraterpool.Web.Features.Shared;
using System.Net;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Tests.Engagements;

/// <summary>Each step of an engagement e-mails the people who act next; the mails land in the test outbox.</summary>
public sealed class EngagementMailTests(EngagementMailTests.App app) : IClassFixture<EngagementMailTests.App>
{
    public sealed class App() : TestApp(importGazetteer: false);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Arranged(int PoolId, int EngagementId, string Key, HttpClient Advisor, HttpClient Contact, HttpClient Coordinator,
        string AdvisorEmail, string ContactEmail, string CoordinatorEmail);

    /// <summary>A pool (with or without a coordinator), an advisor with an account, and an engagement with a contact account.</summary>
    private async Task<Arranged> ArrangeAsync(string name, string key, bool withCoordinator = true)
    {
        var (coordinatorEmail, advisorEmail, contactEmail) = ($"{name}-koord@example.org", $"{name}-berater@example.org", $"{name}-kommune@example.org");
        var coordinatorClient = await app.SignedInBrowserAsync(coordinatorEmail, Roles.Coordinator);
        var pool = await app.CreatePoolAsync(name, withCoordinator ? await UserIdAsync(coordinatorEmail) : null);
        var advisorClient = await app.SignedInBrowserAsync(advisorEmail, Roles.Advisor);
        var advisor = await app.CreateAdvisorAsync(pool.Id, $"{name}-berater", await UserIdAsync(advisorEmail));
        var contactClient = await app.SignedInBrowserAsync(contactEmail, Roles.MunicipalityContact);
        await app.MunicipalityAsync(key, $"Stadt {name}");
        var engagement = await app.EngagementAsync(pool.Id, key, [advisor.Id], await UserIdAsync(contactEmail));
        return new Arranged(pool.Id, engagement.Id, key, advisorClient, contactClient, coordinatorClient, advisorEmail, contactEmail, coordinatorEmail);
    }

    private Task<string> UserIdAsync(string email) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, int engagementId, string handler, params (string Key, string Value)[] fields) =>
        client.PostFormAsync($"/engagements/{engagementId}?handler={handler}", fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)),
            formPageUrl: $"/engagements/{engagementId}");

    private static Task<HttpResponseMessage> LogAsync(HttpClient client, int engagementId, int halfDays) =>
        PostAsync(client, engagementId, "Log", ("Log.Date", TimeProvider.System.LocalToday().ToString("yyyy-MM-dd")), ("Log.Kind", "Workshop"),
            ("Log.HalfDays", halfDays.ToString()), ("Log.Notes", "Forum vorbereitet"));

    /// <summary>All mails to one address, oldest first, as "Subject\n\nbody".</summary>
    private List<string> MailsTo(string address)
    {
        if (!Directory.Exists(app.OutboxFolder)) return [];
        return new DirectoryInfo(app.OutboxFolder).GetFiles("*.eml").OrderBy(f => f.Name)
            .Select(f => { using var m = MimeKit.MimeMessage.Load(f.FullName); return (To: m.To.ToString(), Text: $"{m.Subject}\n\n{m.TextBody}"); })
            .Where(m => m.To.Equals(address, StringComparison.OrdinalIgnoreCase))
            .Select(m => m.Text).ToList();
    }

    [Fact]
    public async Task Logged_activity_is_mailed_to_the_pool_coordinators_for_approval()
    {
        var a = await ArrangeAsync("freigabe", "05311000");
        Assert.Equal(HttpStatusCode.Redirect, (await LogAsync(a.Advisor, a.EngagementId, 2)).StatusCode);

        var mail = Assert.Single(MailsTo(a.CoordinatorEmail));
        Assert.StartsWith("Aktivität freizugeben: Stadt freigabe", mail);
        Assert.Contains("Vorname freigabe-berater hat in der Begleitung Stadt freigabe eine Aktivität eingetragen:", mail);
        Assert.Contains("Workshop · 1 Tag", mail);
        Assert.Contains("http://localhost/manage/engagements", mail);
        Assert.Contains($"http://localhost/engagements/{a.EngagementId}#activities", mail);
        Assert.Empty(MailsTo("freigabe@example.org"));
    }

    [Fact]
    public async Task Logged_activity_goes_to_the_pool_office_when_the_pool_has_no_coordinator()
    {
        var a = await ArrangeAsync("ohnekoord", "05312000", withCoordinator: false);
        Assert.Equal(HttpStatusCode.Redirect, (await LogAsync(a.Advisor, a.EngagementId, 1)).StatusCode);

        Assert.StartsWith("Aktivität freizugeben: Stadt ohnekoord", Assert.Single(MailsTo("ohnekoord@example.org")));
        Assert.Empty(MailsTo(a.CoordinatorEmail));
    }

    [Fact]
    public async Task Municipality_comment_is_mailed_to_the_advisors_but_an_advisors_own_comment_is_not()
    {
        var a = await ArrangeAsync("kommentar", "05313000");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(a.Advisor, a.EngagementId, "Comment", ("Comment.Text", "Ich bereite das Forum vor."))).StatusCode);
        Assert.Empty(MailsTo(a.AdvisorEmail));

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(a.Contact, a.EngagementId, "Comment", ("Comment.Text", "Der Saal ist reserviert."))).StatusCode);
        var mail = Assert.Single(MailsTo(a.AdvisorEmail));
        Assert.StartsWith("Neuer Kommentar der Kommune Stadt kommentar", mail);
        Assert.Contains("Der Saal ist reserviert.", mail);
        Assert.Contains($"/engagements/{a.EngagementId}#comments", mail);
    }

    [Fact]
    public async Task First_reflection_asks_the_municipality_contact_for_feedback_once()
    {
        var a = await ArrangeAsync("reflexion", "05314000");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(a.Advisor, a.EngagementId, "Reflection", ("Reflection.Text", "Der Dialog hat getragen."))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(a.Advisor, a.EngagementId, "Reflection", ("Reflection.Text", "Der Dialog hat gut getragen."))).StatusCode);

        var mail = Assert.Single(MailsTo(a.ContactEmail));
        Assert.StartsWith("Ihre Rückmeldung zur Begleitung Stadt reflexion", mail);
        Assert.Contains("Guten Tag Petra Kontakt,", mail);
        Assert.Contains($"/engagements/{a.EngagementId}#closing", mail);
    }

    [Fact]
    public async Task Feedback_request_goes_to_the_requests_address_when_the_contact_has_no_account()
    {
        var a = await ArrangeAsync("ohnekonto", "05315000");
        await app.WithDbAsync(db => db.ConsultationRequests
            .Where(r => db.Engagements.Any(e => e.Id == a.EngagementId && e.RequestId == r.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ContactUserId, (string?)null).SetProperty(r => r.ContactEmail, "buero@ohnekonto.example")));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(a.Advisor, a.EngagementId, "Reflection", ("Reflection.Text", "Gute Zusammenarbeit."))).StatusCode);

        var mail = Assert.Single(MailsTo("buero@ohnekonto.example"));
        Assert.Contains("über Ihren persönlichen Link", mail);
        Assert.DoesNotContain("/engagements/", mail);
        Assert.Empty(MailsTo(a.ContactEmail));
    }

    [Fact]
    public async Task Closing_is_mailed_to_the_advisors_and_the_municipality_contact()
    {
        var a = await ArrangeAsync("schluss", "05316000");
        Assert.Equal(HttpStatusCode.Redirect, (await a.Coordinator.PostFormAsync($"/engagements/{a.EngagementId}/close", [], formPageUrl: $"/engagements/{a.EngagementId}/close")).StatusCode);

        Assert.StartsWith("Begleitung Stadt schluss abgeschlossen", Assert.Single(MailsTo(a.AdvisorEmail)));
        Assert.StartsWith("Begleitung Stadt schluss abgeschlossen", Assert.Single(MailsTo(a.ContactEmail)));
        Assert.Empty(MailsTo(a.CoordinatorEmail));
    }

    [Fact]
    public async Task Raised_quota_is_mailed_to_the_advisors_of_the_municipalitys_open_engagements()
    {
        var a = await ArrangeAsync("kontingent", "05317000");
        var year = TimeProvider.System.LocalYear();
        var raise = await a.Coordinator.PostFormAsync($"/manage/quota?pool={a.PoolId}",
            [new("Input.MunicipalityKey", a.Key), new("Input.Year", year.ToString()), new("Input.Days", "12"), new("Input.Reason", "Zweites Forum mit dem Integrationsrat")],
            formPageUrl: $"/manage/quota?pool={a.PoolId}");
        Assert.Equal(HttpStatusCode.Redirect, raise.StatusCode);

        var mail = Assert.Single(MailsTo(a.AdvisorEmail));
        Assert.StartsWith($"Neues Kontingent für Stadt kontingent ({year})", mail);
        Assert.Contains($"auf 12 Tage gesetzt; 12 Tage sind übrig.", mail);
        Assert.Empty(MailsTo(a.ContactEmail));
    }
}
