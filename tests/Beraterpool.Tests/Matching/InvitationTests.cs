using System.Net;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Engagements;
using Beraterpool.Web.Features.Requests;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Tests.Matching;

public sealed class InvitationTests(InvitationTests.App app) : IClassFixture<InvitationTests.App>
{
    public sealed class App() : TestApp(importGazetteer: true);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(MatchingArrange.Scene Scene, ConsultationRequest Request, int[] Invitations)> ProposedAsync(string name, bool tandem = false)
    {
        var scene = await app.PoolAsync(name);
        var first = await app.AdvisorAsync(scene, $"{name}-amina", "Amina", "Tesfaye", MatchingArrange.Koeln, [scene.FairTradeTopic]);
        var second = await app.AdvisorAsync(scene, $"{name}-kwame", "Kwame", "Mensah", MatchingArrange.Bonn, [scene.SdgTopic]);
        var request = await app.RequestAsync(scene, MatchingArrange.Koeln, tandem ? [scene.FairTradeTopic, scene.SdgTopic] : [scene.FairTradeTopic]);
        var coordinator = await app.SignedInBrowserAsync(scene.CoordinatorEmail, Roles.Coordinator);
        var choice = tandem ? $"t-{Math.Min(first.Id, second.Id)}-{Math.Max(first.Id, second.Id)}" : $"a-{first.Id}";
        var post = await coordinator.PostFormAsync($"/manage/requests/{request.Id}/matching", [new("Choice", choice)]);
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        var ids = await app.WithDbAsync(db => db.EngagementInvitations.Where(i => i.RequestId == request.Id).OrderBy(i => i.AdvisorId).Select(i => i.Id).ToArrayAsync());
        return (scene, request, ids);
    }

    [Fact]
    public async Task Advisor_accepts_then_the_engagement_starts_and_the_municipality_contact_gets_the_profile_link()
    {
        var (scene, request, invitations) = await ProposedAsync("inv-accept");
        var advisor = await app.SignedInBrowserAsync("inv-accept-amina@example.org", Roles.Advisor);
        var page = Html.Text(await advisor.GetStringAsync($"/me/invitations/{invitations[0]}", Ct));
        Assert.Contains("Migrantenorganisationen in die Faire Beschaffung einbeziehen", page);
        Assert.Contains("Fairer Handel", page);
        Assert.Contains("vor Ort", page);
        Assert.Contains("Köln", Html.Text(await advisor.GetStringAsync("/me/invitations", Ct)));

        var accept = await advisor.PostFormAsync($"/me/invitations/{invitations[0]}?handler=Accept", [], $"/me/invitations/{invitations[0]}");

        Assert.Equal(HttpStatusCode.Redirect, accept.StatusCode);
        var (engagement, status, changes) = await app.WithDbAsync(async db => (
            await db.Engagements.AsNoTracking().Include(e => e.Advisors).SingleAsync(e => e.RequestId == request.Id),
            await db.ConsultationRequests.Where(r => r.Id == request.Id).Select(r => r.Status).SingleAsync(),
            await db.RequestStatusChanges.Where(c => c.RequestId == request.Id).OrderBy(c => c.Id).Select(c => c.To).ToListAsync()));
        Assert.Equal((scene.PoolId, MatchingArrange.Koeln, EngagementStatus.Active), (engagement.PoolId, engagement.MunicipalityKey, engagement.Status));
        Assert.Single(engagement.Advisors);
        Assert.Equal(RequestStatus.InProgress, status);
        Assert.Equal([RequestStatus.Matching, RequestStatus.InProgress], changes);

        var contactMail = Assert.Single(app.MailsTo(request.ContactEmail));
        var root = scene.PoolIsDefault ? "http://localhost" : $"http://localhost/pool/{scene.PoolSlug}";
        Assert.Contains($"{root}/advisors/inv-accept-amina", contactMail);
        Assert.Contains("Amina Tesfaye", contactMail);
        Assert.Contains(app.MailsTo(scene.CoordinatorEmail), m => m.Contains("Zusage") && m.Contains("Amina Tesfaye"));
        Assert.Contains("Sie haben am", Html.Text(await advisor.GetStringAsync($"/me/invitations/{invitations[0]}", Ct)));

        // A second click (another tab) changes nothing.
        await advisor.PostFormAsync($"/me/invitations/{invitations[0]}?handler=Accept", [], $"/me/invitations/{invitations[0]}");
        Assert.Equal(1, await app.WithDbAsync(db => db.Engagements.CountAsync(e => e.RequestId == request.Id)));
    }

    [Fact]
    public async Task Decline_requires_a_reason_and_then_tells_the_coordinator_and_the_matching_page()
    {
        var (scene, request, invitations) = await ProposedAsync("inv-decline");
        var advisor = await app.SignedInBrowserAsync("inv-decline-amina@example.org", Roles.Advisor);
        var url = $"/me/invitations/{invitations[0]}";

        var empty = await advisor.PostFormAsync($"{url}?handler=Decline", [new("Reason", "   ")], url);
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        var emptyHtml = await empty.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Bitte begründen Sie Ihre Absage", Html.Text(emptyHtml));
        Assert.Contains("aria-invalid=\"true\"", emptyHtml);
        var tooLong = await advisor.PostFormAsync($"{url}?handler=Decline", [new("Reason", new string('x', 1001))], url);
        Assert.Contains("höchstens 1.000 Zeichen", Html.Text(await tooLong.Content.ReadAsStringAsync(Ct)));
        Assert.Equal(InvitationStatus.Pending, await app.WithDbAsync(db => db.EngagementInvitations.Where(i => i.Id == invitations[0]).Select(i => i.Status).SingleAsync()));

        var declined = await advisor.PostFormAsync($"{url}?handler=Decline", [new("Reason", "Im Mai bin ich auf Dienstreise.")], url);

        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);
        var invitation = await app.WithDbAsync(db => db.EngagementInvitations.AsNoTracking().SingleAsync(i => i.Id == invitations[0]));
        Assert.Equal((InvitationStatus.Declined, "Im Mai bin ich auf Dienstreise."), (invitation.Status, invitation.Reason));
        Assert.Contains(app.MailsTo(scene.CoordinatorEmail), m => m.Contains("Absage") && m.Contains("Im Mai bin ich auf Dienstreise."));
        var coordinator = await app.SignedInBrowserAsync(scene.CoordinatorEmail, Roles.Coordinator);
        var page = Html.Text(await coordinator.GetStringAsync($"/manage/requests/{request.Id}/matching", Ct));
        Assert.Contains("Amina Tesfaye: hat abgelehnt: Im Mai bin ich auf Dienstreise.", page);
        Assert.False(await app.WithDbAsync(db => db.Engagements.AnyAsync(e => e.RequestId == request.Id)));
    }

    [Fact]
    public async Task Tandem_starts_only_when_both_accept_and_a_decline_withdraws_the_partner()
    {
        var (_, request, invitations) = await ProposedAsync("inv-tandem", tandem: true);
        var amina = await app.SignedInBrowserAsync("inv-tandem-amina@example.org", Roles.Advisor);
        var kwame = await app.SignedInBrowserAsync("inv-tandem-kwame@example.org", Roles.Advisor);

        await amina.PostFormAsync($"/me/invitations/{invitations[0]}?handler=Accept", [], $"/me/invitations/{invitations[0]}");
        Assert.False(await app.WithDbAsync(db => db.Engagements.AnyAsync(e => e.RequestId == request.Id)));
        await kwame.PostFormAsync($"/me/invitations/{invitations[1]}?handler=Accept", [], $"/me/invitations/{invitations[1]}");

        var engagement = await app.WithDbAsync(db => db.Engagements.AsNoTracking().Include(e => e.Advisors).SingleAsync(e => e.RequestId == request.Id));
        Assert.Equal(2, engagement.Advisors.Count);
        var mail = Assert.Single(app.MailsTo(request.ContactEmail));
        Assert.Contains("/advisors/inv-tandem-amina", mail);
        Assert.Contains("/advisors/inv-tandem-kwame", mail);

        var (_, second, pair) = await ProposedAsync("inv-tandem2", tandem: true);
        var declining = await app.SignedInBrowserAsync("inv-tandem2-amina@example.org", Roles.Advisor);
        await declining.PostFormAsync($"/me/invitations/{pair[0]}?handler=Decline", [new("Reason", "Thema passt nicht")], $"/me/invitations/{pair[0]}");
        var statuses = await app.WithDbAsync(db => db.EngagementInvitations.Where(i => i.RequestId == second.Id).OrderBy(i => i.AdvisorId).Select(i => i.Status).ToListAsync());
        Assert.Equal([InvitationStatus.Declined, InvitationStatus.Withdrawn], statuses);
        Assert.Contains(app.MailsTo("inv-tandem2-kwame@example.org"), m => m.Contains("zurückgezogen"));
    }

    [Fact]
    public async Task Another_advisor_gets_404_on_someone_elses_invitation()
    {
        var (_, _, invitations) = await ProposedAsync("inv-foreign");
        var other = await app.SignedInBrowserAsync("inv-foreign-kwame@example.org", Roles.Advisor);

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/me/invitations/{invitations[0]}", Ct)).StatusCode);
        var token = Html.AntiforgeryToken(await other.GetStringAsync("/me/invitations", Ct) + await FormPageAsync(other));
        var post = await other.PostAsync($"/me/invitations/{invitations[0]}?handler=Accept",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token)]), Ct);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(InvitationStatus.Pending, await app.WithDbAsync(db => db.EngagementInvitations.Where(i => i.Id == invitations[0]).Select(i => i.Status).SingleAsync()));
        Assert.DoesNotContain("Köln", Html.Text(await other.GetStringAsync("/me/invitations", Ct)));

        var coordinatorOnly = await app.SignedInBrowserAsync("inv-foreign-coord@example.org", Roles.Coordinator);
        Assert.NotEqual(HttpStatusCode.OK, (await coordinatorOnly.GetAsync($"/me/invitations/{invitations[0]}", Ct)).StatusCode);
    }

    // Any page with a form gives a token valid for this client (the layout's sign-out form).
    private static async Task<string> FormPageAsync(HttpClient client) => await client.GetStringAsync("/", Ct);
}
