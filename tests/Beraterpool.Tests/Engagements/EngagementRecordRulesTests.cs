using System.Net;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Engagements;
using Beraterpool.Web.Features.Engagements.Revisions;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Tests.Engagements;

/// <summary>Feedback at the end only, closing with a confirmation step, the way back to the request, and corrections with history.</summary>
public sealed class EngagementRecordRulesTests(EngagementRecordRulesTests.App app) : IClassFixture<EngagementRecordRulesTests.App>
{
    public sealed class App() : TestApp(importGazetteer: false);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Arranged(int EngagementId, int RequestId, HttpClient Advisor, HttpClient Contact, HttpClient Coordinator);

    private async Task<Arranged> ArrangeAsync(string name, string key)
    {
        var coordinator = await app.SignedInBrowserAsync($"{name}-koord@example.org", Roles.Coordinator);
        var pool = await app.CreatePoolAsync(name, await UserIdAsync($"{name}-koord@example.org"));
        var advisorClient = await app.SignedInBrowserAsync($"{name}-berater@example.org", Roles.Advisor);
        var advisor = await app.CreateAdvisorAsync(pool.Id, $"{name}-berater", await UserIdAsync($"{name}-berater@example.org"));
        var contact = await app.SignedInBrowserAsync($"{name}-kommune@example.org", Roles.MunicipalityContact);
        await app.MunicipalityAsync(key, $"Stadt {name}");
        var engagement = await app.EngagementAsync(pool.Id, key, [advisor.Id], await UserIdAsync($"{name}-kommune@example.org"));
        return new Arranged(engagement.Id, engagement.RequestId, advisorClient, contact, coordinator);
    }

    private Task<string> UserIdAsync(string email) => app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, int engagementId, string handler, params (string Key, string Value)[] fields) =>
        client.PostFormAsync($"/engagements/{engagementId}?handler={handler}", fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)),
            formPageUrl: $"/engagements/{engagementId}");

    private Task<EngagementStatus> StatusAsync(int id) => app.WithDbAsync(db => db.Engagements.Where(e => e.Id == id).Select(e => e.Status).SingleAsync());

    [Fact]
    public async Task Defect10_TheRatingNeverMovesARunningEngagementAndIsOfferedOnlyAtTheEnd()
    {
        var a = await ArrangeAsync("bewertung", "05131000");
        var running = await a.Contact.GetStringAsync($"/engagements/{a.EngagementId}", Ct);
        Assert.DoesNotContain("name=\"Feedback.Rating\"", running);
        Assert.Contains("Um Ihre Rückmeldung bitten wir Sie, sobald die Berater*innen den Abschluss beginnen", Html.Text(running));
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(a.Contact, a.EngagementId, "Feedback", ("Feedback.Rating", "2"))).StatusCode);
        Assert.Equal(EngagementStatus.Active, await StatusAsync(a.EngagementId));
        Assert.Null(await app.WithDbAsync(db => db.Engagements.Where(e => e.Id == a.EngagementId).Select(e => e.FeedbackRating).SingleAsync()));

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(a.Advisor, a.EngagementId, "Reflection", ("Reflection.Text", "Getragen."))).StatusCode);
        Assert.Contains("name=\"Feedback.Rating\"", await a.Contact.GetStringAsync($"/engagements/{a.EngagementId}", Ct));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(a.Contact, a.EngagementId, "Feedback", ("Feedback.Rating", "4"))).StatusCode);
        Assert.Equal(EngagementStatus.Closing, await StatusAsync(a.EngagementId));
        Assert.Equal(4, await app.WithDbAsync(db => db.Engagements.Where(e => e.Id == a.EngagementId).Select(e => e.FeedbackRating).SingleAsync()));
    }

    [Fact]
    public async Task Closing_asks_for_confirmation_on_its_own_page_first()
    {
        var a = await ArrangeAsync("bestaetigen", "05132000");
        var record = await a.Coordinator.GetStringAsync($"/engagements/{a.EngagementId}", Ct);
        Assert.DoesNotContain("handler=Close", record);
        Assert.Contains($"href=\"/engagements/{a.EngagementId}/close\"", record);

        var confirm = Html.Text(await a.Coordinator.GetStringAsync($"/engagements/{a.EngagementId}/close", Ct));
        Assert.Contains("Begleitung Stadt bestaetigen abschließen?", confirm);
        Assert.Contains("Reflexionen fehlen noch: 1", confirm);
        Assert.Contains("Die Kommune hat noch keine Rückmeldung gegeben.", confirm);
        Assert.Equal(EngagementStatus.Active, await StatusAsync(a.EngagementId));

        var close = await a.Coordinator.PostFormAsync($"/engagements/{a.EngagementId}/close", [], $"/engagements/{a.EngagementId}/close");
        Assert.Equal(HttpStatusCode.Redirect, close.StatusCode);
        Assert.Equal(EngagementStatus.Closed, await StatusAsync(a.EngagementId));
        Assert.Equal(HttpStatusCode.Redirect, (await a.Coordinator.GetAsync($"/engagements/{a.EngagementId}/close", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_engagement_links_back_to_its_request_for_the_office_and_the_municipality()
    {
        var a = await ArrangeAsync("zurueck", "05133000");
        Assert.Contains($"href=\"/manage/requests/{a.RequestId}\"", await a.Coordinator.GetStringAsync($"/engagements/{a.EngagementId}", Ct));
        Assert.Contains($"href=\"/municipality/requests/{a.RequestId}\"", await a.Contact.GetStringAsync($"/engagements/{a.EngagementId}", Ct));
    }

    [Fact]
    public async Task Authors_correct_their_comments_and_learnings_and_everyone_sees_the_earlier_version()
    {
        var a = await ArrangeAsync("korrektur", "05134000");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(a.Contact, a.EngagementId, "Comment", ("Comment.Text", "Termin am Dienstag"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(a.Advisor, a.EngagementId, "Learning", ("Learning.Text", "Früh beteiligen"))).StatusCode);
        var commentId = await app.WithDbAsync(db => db.EngagementComments.Where(c => c.EngagementId == a.EngagementId).Select(c => c.Id).SingleAsync());
        var learningId = await app.WithDbAsync(db => db.Learnings.Where(c => c.EngagementId == a.EngagementId).Select(c => c.Id).SingleAsync());
        var commentUrl = $"/engagements/{a.EngagementId}/notes/comment/{commentId}";

        // Only the author may correct: the advisor and the coordinator see no link and get 404.
        Assert.Contains($"href=\"{commentUrl}\"", await a.Contact.GetStringAsync($"/engagements/{a.EngagementId}", Ct));
        Assert.DoesNotContain($"href=\"{commentUrl}\"", await a.Advisor.GetStringAsync($"/engagements/{a.EngagementId}", Ct));
        Assert.Equal(HttpStatusCode.NotFound, (await a.Advisor.GetAsync(commentUrl, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await a.Coordinator.GetAsync(commentUrl, Ct)).StatusCode);

        var empty = await a.Contact.PostFormAsync(commentUrl, [new("Input.Text", " ")]);
        Assert.Contains("Bitte schreiben Sie einen Text.", Html.Text(await empty.Content.ReadAsStringAsync(Ct)));
        Assert.Equal(HttpStatusCode.Redirect, (await a.Contact.PostFormAsync(commentUrl, [new("Input.Text", "Termin am Mittwoch")])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect,
            (await a.Advisor.PostFormAsync($"/engagements/{a.EngagementId}/notes/learning/{learningId}", [new("Input.Text", "Vereine früh beteiligen")])).StatusCode);

        var seen = Html.Text(await a.Coordinator.GetStringAsync($"/engagements/{a.EngagementId}", Ct));
        Assert.Contains("Termin am Mittwoch", seen);
        Assert.Contains("Frühere Fassungen (1)", seen);
        Assert.Contains("Termin am Dienstag", seen);
        Assert.Contains("Vereine früh beteiligen", seen);
        Assert.Contains("Früh beteiligen", seen);
        Assert.Equal("Termin am Mittwoch", await app.WithDbAsync(db => db.EngagementComments.Where(c => c.Id == commentId).Select(c => c.Text).SingleAsync()));
        var kept = await app.WithDbAsync(db => db.Set<Revision>().Where(r => r.RecordId == commentId && r.Kind == RevisionKind.Comment).SingleAsync());
        Assert.Equal(("Termin am Dienstag", "Petra Kontakt"), (kept.Content, kept.AuthorName));
    }
}
