using System.Net;
using Beraterpool.Tests.Fees;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Pools;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Tests.Engagements;

/// <summary>Nobody approves their own activity days, and a day is approved only as it was shown (issue 8, items 5 and 15d).</summary>
public sealed class DayApprovalTests(DayApprovalTests.App app) : IClassFixture<DayApprovalTests.App>
{
    public sealed class App() : TestApp(importGazetteer: false);

    private static readonly DateOnly Nov3 = new(2026, 11, 3);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<List<KeyValuePair<string, string>>> ShownAsync(HttpClient coordinator, int activityId) =>
        FormFields.Of(await coordinator.GetStringAsync("/manage/engagements"), "handler=Approve").Set("activityIds", activityId.ToString());

    private static Task<HttpResponseMessage> ApproveAsync(HttpClient coordinator, List<KeyValuePair<string, string>> form) =>
        coordinator.PostFormAsync("/manage/engagements?handler=Approve", form, "/manage/engagements");

    private Task<DateTimeOffset?> ApprovedAtAsync(int id) => app.WithDbAsync(db => db.Activities.Where(a => a.Id == id).Select(a => a.ApprovedAt).SingleAsync());

    [Fact]
    public async Task Coordinator_cannot_approve_their_own_days_but_another_coordinator_can()
    {
        var w = await app.WorldAsync("tage-selbst");
        var id = await app.ActivityAsync(w, Nov3, 2, approved: false);
        var self = await app.SignedInBrowserAsync(w.AdvisorEmail, Roles.Coordinator);
        await app.WithDbAsync(async db =>
        {
            db.PoolCoordinators.Add(new PoolCoordinator { PoolId = w.PoolId, UserId = await db.Users.Where(u => u.Email == w.AdvisorEmail).Select(u => u.Id).SingleAsync() });
            return await db.SaveChangesAsync();
        });

        var page = await self.GetStringAsync("/manage/engagements", Ct);
        Assert.Contains("Ihre eigene Aktivität: Eine andere Koordinierung gibt sie frei.", Html.Text(page));
        Assert.DoesNotContain($"id=\"approve-{id}\"", page);
        // A hand-made post with the right token is refused by the rule, not only hidden by the page.
        var token = Web.Features.Engagements.Manage.ActivityApprovals.Token(Nov3, Web.Features.Engagements.ActivityKind.Workshop, 2, null, null);
        var forged = await self.PostFormAsync("/manage/engagements?handler=Approve", [new("activityIds", id.ToString()), new($"shown[{id}]", token)], "/manage/engagements");
        Assert.Equal(HttpStatusCode.Redirect, forged.StatusCode);
        Assert.Null(await ApprovedAtAsync(id));
        Assert.Contains("Ihre eigenen Aktivitäten gibt eine andere Koordinierung frei.", Html.Text(await self.GetStringAsync("/manage/engagements", Ct)));

        Assert.Equal(HttpStatusCode.Redirect, (await ApproveAsync(w.Coordinator, await ShownAsync(w.Coordinator, id))).StatusCode);
        Assert.NotNull(await ApprovedAtAsync(id));
    }

    [Fact]
    public async Task A_day_changed_after_the_list_was_opened_stays_pending_with_a_message()
    {
        var w = await app.WorldAsync("tage-veraltet");
        var id = await app.ActivityAsync(w, Nov3, 1, approved: false);
        var shown = await ShownAsync(w.Coordinator, id);
        // Meanwhile the advisor makes the half day a whole one.
        await app.WithDbAsync(db => db.Activities.Where(a => a.Id == id).ExecuteUpdateAsync(u => u.SetProperty(a => a.HalfDays, 2)));

        Assert.Equal(HttpStatusCode.Redirect, (await ApproveAsync(w.Coordinator, shown)).StatusCode);
        Assert.Null(await ApprovedAtAsync(id));
        Assert.Contains("1 Aktivitäten wurden inzwischen geändert — bitte prüfen Sie den aktuellen Stand.", Html.Text(await w.Coordinator.GetStringAsync("/manage/engagements", Ct)));

        // Shown again, it can be approved; a post without what was shown cannot.
        var blind = await ApproveAsync(w.Coordinator, [new("activityIds", id.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, blind.StatusCode);
        Assert.Null(await ApprovedAtAsync(id));
        Assert.Equal(HttpStatusCode.Redirect, (await ApproveAsync(w.Coordinator, await ShownAsync(w.Coordinator, id))).StatusCode);
        Assert.NotNull(await ApprovedAtAsync(id));
        Assert.Single(await app.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "engagement.activity.approved" && e.Details!.StartsWith($"activity:{id};")).ToListAsync()));
    }
}
