using Beraterpool.Web.Features.Shared;
using System.Net;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Engagements;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Tests.Engagements;

public sealed class EngagementRecordTests(EngagementRecordTests.App app) : IClassFixture<EngagementRecordTests.App>
{
    public sealed class App() : TestApp(importGazetteer: false);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Arranged(int PoolId, int EngagementId, HttpClient Advisor, HttpClient Contact, HttpClient Coordinator);

    /// <summary>A pool with its coordinator, an advisor with an account, and an engagement for a fresh municipality.</summary>
    private async Task<Arranged> ArrangeAsync(string name, string key)
    {
        var coordinatorClient = await app.SignedInBrowserAsync($"{name}-koord@example.org", Roles.Coordinator);
        var coordinatorId = await UserIdAsync($"{name}-koord@example.org");
        var pool = await app.CreatePoolAsync(name, coordinatorId);
        var advisorClient = await app.SignedInBrowserAsync($"{name}-berater@example.org", Roles.Advisor);
        var advisor = await app.CreateAdvisorAsync(pool.Id, $"{name}-berater", await UserIdAsync($"{name}-berater@example.org"));
        var contactClient = await app.SignedInBrowserAsync($"{name}-kommune@example.org", Roles.MunicipalityContact);
        await app.MunicipalityAsync(key, $"Stadt {name}");
        var engagement = await app.EngagementAsync(pool.Id, key, [advisor.Id], await UserIdAsync($"{name}-kommune@example.org"));
        return new Arranged(pool.Id, engagement.Id, advisorClient, contactClient, coordinatorClient);
    }

    /// <summary>Lets the engagement start two weeks ago, so the advisor can log the days before today (one day per date at most).</summary>
    private Task<int> StartedTwoWeeksAgoAsync(int engagementId) => app.WithDbAsync(db => db.Engagements.Where(e => e.Id == engagementId)
        .ExecuteUpdateAsync(x => x.SetProperty(e => e.StartedAt, DateTimeOffset.UtcNow.AddDays(-14))));

    private Task<string> UserIdAsync(string email) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, int engagementId, string handler, params (string Key, string Value)[] fields) =>
        client.PostFormAsync($"/engagements/{engagementId}?handler={handler}", fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)),
            formPageUrl: $"/engagements/{engagementId}");

    private static Task<HttpResponseMessage> LogAsync(HttpClient client, int engagementId, int halfDays, string participants = "Integrationsrat", int daysBack = 0) =>
        PostAsync(client, engagementId, "Log", ("Log.Date", TimeProvider.System.LocalToday().AddDays(-daysBack).ToString("yyyy-MM-dd")), ("Log.Kind", "Workshop"),
            ("Log.HalfDays", halfDays.ToString()), ("Log.Participants", participants), ("Log.Notes", "Erstes Forum vorbereitet"));

    [Fact]
    public async Task Advisor_logs_up_to_ten_days_and_further_days_are_refused_with_the_remaining_days()
    {
        var a = await ArrangeAsync("zehn", "05111000");
        await StartedTwoWeeksAgoAsync(a.EngagementId);
        for (var i = 0; i < 9; i++) Assert.Equal(HttpStatusCode.Redirect, (await LogAsync(a.Advisor, a.EngagementId, 2, daysBack: i)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await LogAsync(a.Advisor, a.EngagementId, 1, daysBack: 9)).StatusCode);

        var year = TimeProvider.System.LocalYear();
        var tooMuch = await LogAsync(a.Advisor, a.EngagementId, 2, participants: "Bleibt stehen", daysBack: 10);
        Assert.Equal(HttpStatusCode.OK, tooMuch.StatusCode);
        var html = await tooMuch.Content.ReadAsStringAsync(Ct);
        Assert.Contains($"Es sind nur noch 0,5 Beratungstage für {year} übrig.", Html.Text(html));
        Assert.Contains("value=\"Bleibt stehen\"", html);

        Assert.Equal(HttpStatusCode.Redirect, (await LogAsync(a.Advisor, a.EngagementId, 1, daysBack: 9)).StatusCode);
        var eleventh = await LogAsync(a.Advisor, a.EngagementId, 1, daysBack: 10);
        Assert.Equal(HttpStatusCode.OK, eleventh.StatusCode);
        Assert.Contains($"Für {year} sind keine Beratungstage mehr übrig. Das Kontingent von 10 Tagen ist ausgeschöpft.", Html.Text(await eleventh.Content.ReadAsStringAsync(Ct)));

        Assert.Equal(20, await app.WithDbAsync(db => db.Activities.Where(x => x.EngagementId == a.EngagementId).SumAsync(x => x.HalfDays)));
        var page = Html.Text(await a.Advisor.GetStringAsync($"/engagements/{a.EngagementId}", Ct));
        Assert.Contains("10 Tage genutzt", page);
        Assert.Contains("0 Tage übrig", page);
        Assert.Contains("1 Tag", page);
    }

    [Fact]
    public async Task Advisor_who_is_not_a_member_and_coordinator_of_another_pool_get_404()
    {
        var a = await ArrangeAsync("fremd", "05112000");
        var otherAdvisor = await app.SignedInBrowserAsync("anderer-berater@example.org", Roles.Advisor);
        await app.CreateAdvisorAsync(a.PoolId, "anderer-berater", await UserIdAsync("anderer-berater@example.org"));
        var otherCoordinator = await app.SignedInBrowserAsync("andere-koord@example.org", Roles.Coordinator);
        await app.CreatePoolAsync("anderer-pool", await UserIdAsync("andere-koord@example.org"));

        Assert.Equal(HttpStatusCode.NotFound, (await otherAdvisor.GetAsync($"/engagements/{a.EngagementId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherCoordinator.GetAsync($"/engagements/{a.EngagementId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherCoordinator.GetAsync($"/engagements/{a.EngagementId}/activities/1", Ct)).StatusCode);
        var token = Html.AntiforgeryToken(await otherAdvisor.GetStringAsync("/me", Ct));
        var post = await otherAdvisor.PostAsync($"/engagements/{a.EngagementId}?handler=Comment",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Comment.Text", "Eingeschmuggelt")]), Ct);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.EngagementComments.AnyAsync(c => c.Text == "Eingeschmuggelt")));

        Assert.Equal(HttpStatusCode.OK, (await a.Coordinator.GetAsync($"/engagements/{a.EngagementId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await a.Contact.GetAsync($"/engagements/{a.EngagementId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await a.Advisor.GetAsync("/engagements/999999", Ct)).StatusCode);
    }

    [Fact]
    public async Task Municipality_contact_comments_but_cannot_log_activities()
    {
        var a = await ArrangeAsync("kommentar", "05113000");
        Assert.Equal(HttpStatusCode.Forbidden, (await LogAsync(a.Contact, a.EngagementId, 2)).StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Activities.AnyAsync(x => x.EngagementId == a.EngagementId)));
        Assert.DoesNotContain("Aktivität eintragen", Html.Text(await a.Contact.GetStringAsync($"/engagements/{a.EngagementId}", Ct)));

        var empty = await PostAsync(a.Contact, a.EngagementId, "Comment", ("Comment.Text", "  "));
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Bitte schreiben Sie einen Text.", Html.Text(await empty.Content.ReadAsStringAsync(Ct)));

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(a.Contact, a.EngagementId, "Comment", ("Comment.Text", "Danke, <b>das Forum</b> war gut besucht."))).StatusCode);
        var comment = await app.WithDbAsync(db => db.EngagementComments.SingleAsync(c => c.EngagementId == a.EngagementId));
        Assert.Equal(EngagementSide.Municipality, comment.Side);
        var page = await a.Advisor.GetStringAsync($"/engagements/{a.EngagementId}", Ct);
        Assert.Contains("Danke, &lt;b&gt;das Forum&lt;/b&gt; war gut besucht.", page);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Subject == $"engagement:{a.EngagementId}" && e.Action == "engagement.comment.added")));
    }

    [Fact]
    public async Task Document_upload_refuses_a_program_renamed_pdf_and_a_file_over_10_MB_and_serves_a_pdf_as_attachment()
    {
        var a = await ArrangeAsync("dokumente", "05114000");
        async Task<HttpResponseMessage> UploadAsync(byte[] bytes, string fileName)
        {
            var page = await a.Advisor.GetStringAsync($"/engagements/{a.EngagementId}", Ct);
            var content = new[] { new KeyValuePair<string, string>("__RequestVerificationToken", Html.AntiforgeryToken(page)) }
                .Multipart("file", bytes, fileName, "application/pdf");
            return await a.Advisor.PostAsync($"/engagements/{a.EngagementId}?handler=Document", content, Ct);
        }

        var exe = new byte[2048];
        "MZ"u8.CopyTo(exe);
        var refused = await UploadAsync(exe, "protokoll.pdf");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Diese Datei können wir nicht annehmen.", Html.Text(await refused.Content.ReadAsStringAsync(Ct)));

        var big = new byte[DocumentUpload.MaxBytes + 1];
        "%PDF-1.7\n"u8.CopyTo(big);
        var tooBig = await UploadAsync(big, "gross.pdf");
        Assert.Equal(HttpStatusCode.OK, tooBig.StatusCode);
        Assert.Contains("Die Datei ist größer als 10 MB.", Html.Text(await tooBig.Content.ReadAsStringAsync(Ct)));
        Assert.False(await app.WithDbAsync(db => db.EngagementDocuments.AnyAsync(d => d.EngagementId == a.EngagementId)));

        var pdf = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF"u8.ToArray();
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(pdf, "Protokoll Forum.pdf")).StatusCode);
        var id = await app.WithDbAsync(db => db.EngagementDocuments.Where(d => d.EngagementId == a.EngagementId).Select(d => d.Id).SingleAsync());
        var download = await a.Contact.GetAsync($"/engagements/{a.EngagementId}?handler=Document&documentId={id}", Ct);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task Coordinator_approves_activities_and_closes_the_engagement_after_reflection_and_feedback()
    {
        var a = await ArrangeAsync("abschluss", "05116000");
        Assert.Equal(HttpStatusCode.Redirect, (await LogAsync(a.Advisor, a.EngagementId, 2)).StatusCode);
        var activityId = await app.WithDbAsync(db => db.Activities.Where(x => x.EngagementId == a.EngagementId).Select(x => x.Id).SingleAsync());
        Assert.Contains("Aktivitäten freigeben (1)", Html.Text(await a.Coordinator.GetStringAsync("/manage/engagements", Ct)));
        var shown = FormFields.Of(await a.Coordinator.GetStringAsync("/manage/engagements", Ct), "handler=Approve").Set("activityIds", activityId.ToString());
        var approve = await a.Coordinator.PostFormAsync("/manage/engagements?handler=Approve", shown, formPageUrl: "/manage/engagements");
        Assert.Equal(HttpStatusCode.Redirect, approve.StatusCode);
        Assert.NotNull(await app.WithDbAsync(db => db.Activities.Where(x => x.Id == activityId).Select(x => x.ApprovedAt).SingleAsync()));

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(a.Advisor, a.EngagementId, "Reflection", ("Reflection.Text", "Der Dialog auf Augenhöhe hat getragen."))).StatusCode);
        var noRating = await PostAsync(a.Contact, a.EngagementId, "Feedback", ("Feedback.Text", "Sehr hilfreich"));
        Assert.Contains("Bitte wählen Sie eine Bewertung von 1 bis 5.", Html.Text(await noRating.Content.ReadAsStringAsync(Ct)));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(a.Contact, a.EngagementId, "Feedback", ("Feedback.Rating", "5"), ("Feedback.Text", "Sehr hilfreich"))).StatusCode);
        var byAdvisor = await a.Advisor.PostFormAsync($"/engagements/{a.EngagementId}/close", [], formPageUrl: $"/engagements/{a.EngagementId}");
        Assert.Contains("/account/access-denied", byAdvisor.Headers.Location?.OriginalString ?? "");
        Assert.Equal(EngagementStatus.Closing, await app.WithDbAsync(db => db.Engagements.Where(x => x.Id == a.EngagementId).Select(x => x.Status).SingleAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await a.Coordinator.PostFormAsync($"/engagements/{a.EngagementId}/close", [], formPageUrl: $"/engagements/{a.EngagementId}/close")).StatusCode);

        var e = await app.WithDbAsync(db => db.Engagements.AsNoTracking().SingleAsync(x => x.Id == a.EngagementId));
        Assert.Equal((EngagementStatus.Closed, 5), (e.Status, e.FeedbackRating));
        Assert.Equal(HttpStatusCode.Forbidden, (await LogAsync(a.Advisor, a.EngagementId, 1)).StatusCode);
    }

    [Fact]
    public async Task Advisor_dashboard_shows_engagements_with_remaining_days()
    {
        var a = await ArrangeAsync("dashboard", "05117000");
        await StartedTwoWeeksAgoAsync(a.EngagementId);
        Assert.Equal(HttpStatusCode.Redirect, (await LogAsync(a.Advisor, a.EngagementId, 2)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await LogAsync(a.Advisor, a.EngagementId, 1, daysBack: 1)).StatusCode);
        var me = Html.Text(await a.Advisor.GetStringAsync("/me", Ct));
        Assert.Contains("Stadt dashboard", me);
        Assert.Contains("8,5 Tage", me);
        Assert.Equal(HttpStatusCode.Redirect, (await a.Contact.GetAsync("/me", Ct)).StatusCode);
    }
}
