using System.Net;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Requests;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Tests.Requests;

/// <summary>The coordinator's queue, detail page, state changes and intake — scoped to their own pools.</summary>
public sealed class CoordinatorRequestTests(CoordinatorRequestTests.App app) : IClassFixture<CoordinatorRequestTests.App>
{
    public sealed class App() : TestApp(importGazetteer: false)
    {
        public int PoolA { get; private set; }
        public int PoolB { get; private set; }
        public HttpClient CoordinatorA { get; private set; } = null!;
        public HttpClient CoordinatorB { get; private set; } = null!;

        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            await this.SeedRegisterAsync();
            CoordinatorA = await this.SignedInBrowserAsync("koordination-a@example.org", Roles.Coordinator);
            CoordinatorB = await this.SignedInBrowserAsync("koordination-b@example.org", Roles.Coordinator);
            var a = await WithDbAsync(db => db.Users.Where(u => u.Email == "koordination-a@example.org").Select(u => u.Id).SingleAsync());
            var b = await WithDbAsync(db => db.Users.Where(u => u.Email == "koordination-b@example.org").Select(u => u.Id).SingleAsync());
            PoolA = (await this.CreatePoolAsync("pool-a", a)).Id;
            PoolB = (await this.CreatePoolAsync("pool-b", b)).Id;
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<RequestStatus> StatusAsync(int id) =>
        app.WithDbAsync(db => db.ConsultationRequests.Where(r => r.Id == id).Select(r => r.Status).SingleAsync());

    [Fact]
    public async Task Script_in_the_goal_is_stored_as_text_and_shown_encoded_on_the_coordinator_page()
    {
        const string goal = "<script>alert('xss')</script><img src=x onerror=alert(1)>";
        var (id, _) = await app.CreateRequestAsync(app.PoolA, goal: goal);
        Assert.Equal(goal, await app.WithDbAsync(db => db.ConsultationRequests.Where(r => r.Id == id).Select(r => r.Goal).SingleAsync()));

        var html = await app.CoordinatorA.GetStringAsync($"/manage/requests/{id}", Ct);
        Assert.Contains("&lt;script&gt;alert(&#x27;xss&#x27;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;", html);
        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("<img src=x", html);
    }

    [Fact]
    public async Task A_coordinator_of_another_pool_gets_404_for_the_request_and_its_actions()
    {
        var (id, _) = await app.CreateRequestAsync(app.PoolA);
        Assert.Equal(HttpStatusCode.OK, (await app.CoordinatorA.GetAsync($"/manage/requests/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CoordinatorB.GetAsync($"/manage/requests/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CoordinatorB.GetAsync($"/manage/requests/{id}/intake", Ct)).StatusCode);
        var move = await app.CoordinatorB.PostFormAsync($"/manage/requests/{id}?handler=Move&to=Intake", [], "/manage/requests");
        Assert.Equal(HttpStatusCode.NotFound, move.StatusCode);
        Assert.Equal(RequestStatus.Submitted, await StatusAsync(id));

        var queueB = await app.CoordinatorB.GetStringAsync("/manage/requests?status=all", Ct);
        Assert.DoesNotContain($"/manage/requests/{id}\"", queueB);
        var queueA = await app.CoordinatorA.GetStringAsync("/manage/requests", Ct);
        Assert.Contains($"/manage/requests/{id}\"", queueA);
    }

    [Fact]
    public async Task Starting_the_intake_writes_the_timeline_the_audit_and_tells_the_contact()
    {
        var (id, token) = await app.CreateRequestAsync(app.PoolA, email: "intake@koeln.example");
        var response = await app.CoordinatorA.PostFormAsync($"/manage/requests/{id}?handler=Move&to=Intake", [], $"/manage/requests/{id}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(RequestStatus.Intake, await StatusAsync(id));
        var change = await app.WithDbAsync(db => db.RequestStatusChanges.SingleAsync(s => s.RequestId == id && s.To == RequestStatus.Intake));
        Assert.Equal(RequestStatus.Submitted, change.From);
        Assert.Equal("koordination-a@example.org", change.ActorName);
        Assert.NotNull(change.ActorUserId);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "request.status.intake" && a.Subject == $"request:{id}")));
        Assert.Contains("Im Erstgespräch", app.MailsTo("intake@koeln.example").Last());

        // The municipality sees the office, not the coordinator's name.
        var track = Html.Text(await app.Browser().GetStringAsync($"/requests/track/{token}", Ct));
        Assert.Contains("Koordinierungsstelle", track);
        Assert.DoesNotContain("koordination-a@example.org", track);
    }

    [Fact]
    public async Task Declining_requires_a_reason_and_emails_it_to_the_contact()
    {
        var (id, token) = await app.CreateRequestAsync(app.PoolA, email: "absage@koeln.example");
        var empty = await app.CoordinatorA.PostFormAsync($"/manage/requests/{id}?handler=Move&to=Declined", [], $"/manage/requests/{id}");
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Bitte wählen oder schreiben Sie eine Begründung", WebUtility.HtmlDecode(await empty.Content.ReadAsStringAsync(Ct)));
        Assert.Equal(RequestStatus.Submitted, await StatusAsync(id));

        // Declining cannot be undone: without the confirmation nothing happens, and the reason chosen is still there.
        var unconfirmed = await app.CoordinatorA.PostFormAsync($"/manage/requests/{id}?handler=Move&to=Declined",
            [new("DeclineReason", "Die Beratungstage Ihrer Kommune für dieses Jahr sind aufgebraucht."), new("DeclineNote", "Gern wieder im Januar.")], $"/manage/requests/{id}");
        var unconfirmedPage = WebUtility.HtmlDecode(await unconfirmed.Content.ReadAsStringAsync(Ct));
        Assert.Contains("Bitte bestätigen Sie, dass Sie die Anfrage endgültig ablehnen möchten.", unconfirmedPage);
        Assert.Contains("Gern wieder im Januar.", unconfirmedPage);
        Assert.Equal(RequestStatus.Submitted, await StatusAsync(id));
        Assert.DoesNotContain(app.MailsTo("absage@koeln.example"), m => m.Contains("Abgelehnt"));

        var declined = await app.CoordinatorA.PostFormAsync($"/manage/requests/{id}?handler=Move&to=Declined",
            [new("DeclineReason", "Die Beratungstage Ihrer Kommune für dieses Jahr sind aufgebraucht."), new("DeclineNote", "Gern wieder im Januar."),
             new("DeclineConfirmed", "true")], $"/manage/requests/{id}");
        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);
        Assert.Equal(RequestStatus.Declined, await StatusAsync(id));
        var mail = app.MailsTo("absage@koeln.example").Last();
        Assert.Contains("Abgelehnt", mail);
        Assert.Contains("Die Beratungstage Ihrer Kommune für dieses Jahr sind aufgebraucht. Gern wieder im Januar.", mail);
        var track = Html.Text(await app.Browser().GetStringAsync($"/requests/track/{token}", Ct));
        Assert.Contains("Gern wieder im Januar.", track);
    }

    [Fact]
    public async Task Asking_for_information_emails_the_question()
    {
        var (id, _) = await app.CreateRequestAsync(app.PoolA, email: "frage@koeln.example");
        var response = await app.CoordinatorA.PostFormAsync($"/manage/requests/{id}?handler=Move&to=NeedsInformation",
            [new("Question", "Welche Vereine sind schon beteiligt?")], $"/manage/requests/{id}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(RequestStatus.NeedsInformation, await StatusAsync(id));
        Assert.Contains("Welche Vereine sind schon beteiligt?", app.MailsTo("frage@koeln.example").Last());
    }

    [Fact]
    public async Task A_step_the_workflow_does_not_allow_is_refused_with_a_message()
    {
        var (id, _) = await app.CreateRequestAsync(app.PoolA);
        var response = await app.CoordinatorA.PostFormAsync($"/manage/requests/{id}?handler=Move&to=Completed", [], $"/manage/requests/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Dieser Schritt ist im Stand „Eingegangen“ nicht möglich.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)));
        Assert.Equal(RequestStatus.Submitted, await StatusAsync(id));
        Assert.False(await app.WithDbAsync(db => db.RequestStatusChanges.AnyAsync(s => s.RequestId == id && s.To == RequestStatus.Completed)));
    }

    [Fact]
    public async Task The_intake_conversation_is_recorded_in_half_days_and_listed_on_the_request()
    {
        var (id, _) = await app.CreateRequestAsync(app.PoolA);
        var form = await app.CoordinatorA.GetStringAsync($"/manage/requests/{id}/intake", Ct);
        Assert.Contains("Migrant*innen in Projekte einbinden", form);

        var bad = await app.CoordinatorA.PostFormAsync($"/manage/requests/{id}/intake", FormFields.Of(form, "method=\"post\" novalidate").Set("Input.ExpectedDays", "3,25").Set("Input.Outcome", "Vermittlung"));
        Assert.Contains("Bitte geben Sie die Tage in halben Schritten an", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync(Ct)));

        var saved = await app.CoordinatorA.PostFormAsync($"/manage/requests/{id}/intake", FormFields.Of(form, "method=\"post\" novalidate")
            .Set("Input.ExpectedDays", "3,5").Set("Input.Outcome", "Tandem aus Bonn suchen").Set("Input.Participants", "Frau Beispiel, Koordinierungsstelle"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var intake = await app.WithDbAsync(db => db.IntakeConversations.SingleAsync(i => i.RequestId == id));
        Assert.Equal(7, intake.ExpectedHalfDays);
        Assert.Equal("Migrant*innen in Projekte einbinden", intake.ClarifiedGoal);
        Assert.Equal(RequestStatus.Intake, await StatusAsync(id));

        var detail = Html.Text(await app.CoordinatorA.GetStringAsync($"/manage/requests/{id}", Ct));
        Assert.Contains("Tandem aus Bonn suchen", detail);
        Assert.Contains("3,5", detail);
    }

    [Fact]
    public async Task The_dashboard_lists_new_requests_of_the_own_pools_by_age()
    {
        var (id, _) = await app.CreateRequestAsync(app.PoolB, municipalityKey: RequestArrange.Hamm);
        var reference = await app.WithDbAsync(db => db.ConsultationRequests.Where(r => r.Id == id).Select(r => r.Reference).SingleAsync());
        var b = Html.Text(await app.CoordinatorB.GetStringAsync("/manage", Ct));
        Assert.Contains("Neue Anfragen", b);
        Assert.Contains(reference, b);
        var a = Html.Text(await app.CoordinatorA.GetStringAsync("/manage", Ct));
        Assert.DoesNotContain(reference, a);
    }
}
