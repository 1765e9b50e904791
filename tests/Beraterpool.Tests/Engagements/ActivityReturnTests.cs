using System.Net;
using Beraterpool.Tests.Fees;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Tests.Requests;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Tests.Engagements;

/// <summary>
/// Issue 13: the approval list shows notes and participants and lets the coordinator return one activity with a
/// question; defect 11: the dashboard counts activities waiting for approval and proposals waiting for an answer.
/// </summary>
public sealed class ActivityReturnTests(ActivityReturnTests.App app) : IClassFixture<ActivityReturnTests.App>
{
    public sealed class App() : TestApp(importGazetteer: false);

    private static readonly DateOnly Nov3 = new(2026, 11, 3);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<int> LoggedByAdvisorAsync(FeeWorld w, string participants, string notes)
    {
        var id = await app.ActivityAsync(w, Nov3, 2, approved: false);
        await app.WithDbAsync(async db =>
        {
            var a = await db.Activities.SingleAsync(x => x.Id == id);
            (a.Participants, a.Notes) = (participants, notes);
            a.CreatedByUserId = await db.Users.Where(u => u.Email == w.AdvisorEmail).Select(u => u.Id).SingleAsync();
            return await db.SaveChangesAsync();
        });
        return id;
    }

    [Fact]
    public async Task A_returned_activity_goes_to_the_advisor_with_the_question_and_back_to_approval_when_corrected()
    {
        var w = await app.WorldAsync("rueckfrage");
        var id = await LoggedByAdvisorAsync(w, "Ordnungsamt, Integrationsrat", "Workshop zur fairen Beschaffung");

        var list = Html.Text(await w.Coordinator.GetStringAsync("/manage/engagements", Ct));
        Assert.Contains("Ordnungsamt, Integrationsrat", list);
        Assert.Contains("Workshop zur fairen Beschaffung", list);

        var empty = await w.Coordinator.PostFormAsync($"/manage/engagements/activities/{id}/return", [new("Question", "")], $"/manage/engagements/activities/{id}/return");
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Bitte schreiben Sie Ihre Rückfrage an die Berater*in.", WebUtility.HtmlDecode(await empty.Content.ReadAsStringAsync(Ct)));

        const string question = "Waren es wirklich zwei Tage? Im Protokoll steht nur der Vormittag.";
        var returned = await w.Coordinator.PostFormAsync($"/manage/engagements/activities/{id}/return", [new("Question", question)], $"/manage/engagements/activities/{id}/return");
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        var mail = app.MailsTo(w.AdvisorEmail).Last();
        Assert.Contains(question, mail);
        Assert.Contains($"/engagements/{w.EngagementId}/activities/{id}", mail);

        // While it waits for the advisor it cannot be approved, neither from the list nor by a hand-made post.
        var page = await w.Coordinator.GetStringAsync("/manage/engagements", Ct);
        Assert.DoesNotContain($"id=\"approve-{id}\"", page);
        Assert.Contains("1 Aktivität ist mit einer Rückfrage bei der Berater*in.", Html.Text(page));
        var token = Web.Features.Engagements.Manage.ActivityApprovals.Token(Nov3, Web.Features.Engagements.ActivityKind.Workshop, 2,
            "Ordnungsamt, Integrationsrat", "Workshop zur fairen Beschaffung");
        await w.Coordinator.PostFormAsync("/manage/engagements?handler=Approve", [new("activityIds", id.ToString()), new($"shown[{id}]", token)], "/manage/engagements");
        Assert.Null(await app.WithDbAsync(db => db.Activities.Where(a => a.Id == id).Select(a => a.ApprovedAt).SingleAsync()));

        // The advisor sees the question in the record and on the edit page, corrects the day, and it waits for approval again.
        Assert.Contains(question, Html.Text(await w.Advisor.GetStringAsync($"/engagements/{w.EngagementId}", Ct)));
        var edit = await w.Advisor.GetStringAsync($"/engagements/{w.EngagementId}/activities/{id}", Ct);
        Assert.Contains(question, Html.Text(edit));
        var form = FormFields.Of(edit, "form-narrow").Set("Log.Notes", "Workshop zur fairen Beschaffung, Vormittag und Nachmittag");
        var saved = await w.Advisor.PostFormAsync($"/engagements/{w.EngagementId}/activities/{id}", form);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Null(await app.WithDbAsync(db => db.Activities.Where(a => a.Id == id).Select(a => a.ReturnQuestion).SingleAsync()));
        Assert.Contains($"id=\"approve-{id}\"", await w.Coordinator.GetStringAsync("/manage/engagements", Ct));
    }

    [Fact]
    public async Task Only_the_pools_coordinators_return_an_activity_and_never_an_approved_one()
    {
        var w = await app.WorldAsync("rueckfrage-fremd");
        var other = await app.WorldAsync("rueckfrage-anderer-pool");
        var id = await LoggedByAdvisorAsync(w, "Rat", "Notiz");
        Assert.Equal(HttpStatusCode.NotFound, (await other.Coordinator.GetAsync($"/manage/engagements/activities/{id}/return", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Coordinator.PostFormAsync($"/manage/engagements/activities/{id}/return",
            [new("Question", "?")], $"/manage/engagements/activities/{id}/return")).StatusCode);
        var approved = await app.ActivityAsync(w, Nov3, 1, approved: true);
        Assert.Equal(HttpStatusCode.NotFound, (await w.Coordinator.GetAsync($"/manage/engagements/activities/{approved}/return", Ct)).StatusCode);
    }

    [Fact]
    public async Task Approve_all_shown_approves_every_row_of_the_list()
    {
        var w = await app.WorldAsync("alle-freigeben");
        var first = await LoggedByAdvisorAsync(w, "A", "erste");
        var second = await LoggedByAdvisorAsync(w, "B", "zweite");
        var form = FormFields.Of(await w.Coordinator.GetStringAsync("/manage/engagements", Ct), "handler=Approve").Set("all", "true");
        Assert.Equal(HttpStatusCode.Redirect, (await w.Coordinator.PostFormAsync("/manage/engagements?handler=Approve", form, "/manage/engagements")).StatusCode);
        Assert.Equal(2, await app.WithDbAsync(db => db.Activities.CountAsync(a => (a.Id == first || a.Id == second) && a.ApprovedAt != null)));
    }

    [Fact]
    public async Task Defect11_the_dashboard_counts_activities_to_approve_and_unanswered_proposals()
    {
        var w = await app.WorldAsync("dashboard");
        await LoggedByAdvisorAsync(w, "Rat", "Sitzung");
        await LoggedByAdvisorAsync(w, "Rat", "Nachbereitung");
        var (requestId, _) = await app.CreateRequestAsync(w.PoolId, FeeArrange.MunicipalityKey, email: "vorschlag@koeln.example", status: Web.Features.Requests.RequestStatus.Matching);
        await app.WithDbAsync(db =>
        {
            db.EngagementInvitations.Add(new Web.Features.Engagements.EngagementInvitation
            {
                RequestId = requestId, AdvisorId = w.AdvisorId, ProposalGroup = Guid.NewGuid(), CreatedAt = DateTimeOffset.UtcNow.AddDays(-4),
            });
            return db.SaveChangesAsync();
        });

        var dashboard = Html.Text(await w.Coordinator.GetStringAsync("/manage", Ct));
        Assert.Matches(@"\b2\s+Aktivitäten zur Freigabe", dashboard);
        Assert.Matches(@"\b1\s+Vorschlag ohne Antwort", dashboard);
        Assert.Contains($"{w.AdvisorName}, vorgeschlagen vor 4 Tagen", dashboard);
    }
}
