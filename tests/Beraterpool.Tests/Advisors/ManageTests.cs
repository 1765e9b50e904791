using System.Net;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Advisors;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Tests.Advisors;

public sealed class ManageTests(ManageTests.App app) : IClassFixture<ManageTests.App>
{
    public sealed class App() : TestApp(importGazetteer: false);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(HttpClient Client, int OwnPool, int OtherPool)> CoordinatorAsync(string name)
    {
        var user = await app.CreateUserAsync($"{name}@example.org", Roles.Coordinator);
        var own = await app.CreatePoolAsync($"{name}-a", user.Id);
        var other = await app.CreatePoolAsync($"{name}-b");
        return (await app.SignInAsync($"{name}@example.org"), own.Id, other.Id);
    }

    [Fact]
    public async Task Coordinator_of_pool_A_gets_404_on_pool_B_advisor_pages()
    {
        var (client, _, otherPool) = await CoordinatorAsync("coord-a");
        var foreign = await app.CreateAdvisorAsync(otherPool, "fremd-b");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/manage/advisors/{foreign.Id}/edit", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/manage/advisors/{foreign.Id}/photo", Ct)).StatusCode);

        var token = Html.AntiforgeryToken(await client.GetStringAsync("/manage", Ct));
        var post = await client.PostAsync($"/manage/advisors/{foreign.Id}/edit",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Input.FirstName", "X"), new("Input.LastName", "Y"), new("Input.Bio", "Übernommen"), new("Status", "Alumni")]), Ct);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        var unchanged = await app.WithDbAsync(db => db.Advisors.AsNoTracking().SingleAsync(a => a.Id == foreign.Id));
        Assert.Equal(("Alte Biografie", AdvisorStatus.Active), (unchanged.Bio, unchanged.Status));
    }

    [Fact]
    public async Task The_list_shows_only_advisors_of_the_coordinators_pools_and_filters_by_status_and_name()
    {
        var (client, own, other) = await CoordinatorAsync("coord-list");
        await app.CreateAdvisorAsync(own, "sichtbar-mensah");
        await app.CreateAdvisorAsync(own, "sichtbar-nguyen");
        await app.CreateAdvisorAsync(other, "unsichtbar-diallo");
        var all = Html.Text(await client.GetStringAsync("/manage/advisors", Ct));
        Assert.Contains("sichtbar-mensah", all);
        Assert.Contains("sichtbar-nguyen", all);
        Assert.DoesNotContain("unsichtbar-diallo", all);

        var searched = Html.Text(await client.GetStringAsync("/manage/advisors?q=nguyen&sort=-updated", Ct));
        Assert.Contains("1 Berater*in gefunden", searched);
        Assert.Contains("sichtbar-nguyen", searched);
        Assert.DoesNotContain("sichtbar-mensah", searched);

        Assert.Contains("0 Berater*innen gefunden", Html.Text(await client.GetStringAsync("/manage/advisors?status=Alumni", Ct)));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/manage/advisors?status=Unsinn&page=abc&pool=999", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_list_pages_by_25()
    {
        var (client, own, _) = await CoordinatorAsync("coord-paging");
        for (var i = 0; i < 27; i++) await app.CreateAdvisorAsync(own, $"seite-{i:00}");
        var first = await client.GetStringAsync("/manage/advisors", Ct);
        Assert.Contains("Seite 1 von 2", Html.Text(first));
        Assert.Equal(25, first.Split("/edit\"").Length - 1);
        var second = await client.GetStringAsync("/manage/advisors?page=2", Ct);
        Assert.Equal(2, second.Split("/edit\"").Length - 1);
    }

    [Fact]
    public async Task Coordinator_creates_an_advisor_who_gets_an_invitation_with_the_Advisor_role()
    {
        var (client, own, _) = await CoordinatorAsync("coord-new");
        var mails = app.MailCount();
        var response = await client.PostFormAsync("/manage/advisors/new",
            [new("Input.PoolId", own.ToString()), new("Input.FirstName", "Aïcha"), new("Input.LastName", "Müller-Diallo"),
             new("Input.Email", "aicha@example.org"), new("Input.Status", "InQualification"), new("Input.SendInvitation", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var advisor = await app.WithDbAsync(db => db.Advisors.AsNoTracking().SingleAsync(a => a.Email == "aicha@example.org"));
        Assert.Equal(("aicha-mueller-diallo", AdvisorStatus.InQualification), (advisor.Slug, advisor.Status));
        Assert.NotNull(advisor.UserId);
        Assert.Equal(mails + 1, app.MailCount());
        var link = TestUsers.LinkIn(app.LatestMail(), "/account/invitation");
        Assert.Contains(advisor.UserId, Uri.UnescapeDataString(link));
        Assert.True(await app.WithDbAsync(db => db.UserRoles.AnyAsync(r => r.UserId == advisor.UserId && db.Roles.Any(x => x.Id == r.RoleId && x.Name == Roles.Advisor))));

        var resend = await client.PostFormAsync($"/manage/advisors/{advisor.Id}/edit?handler=Invite", [], formPageUrl: $"/manage/advisors/{advisor.Id}/edit");
        Assert.Equal(HttpStatusCode.Redirect, resend.StatusCode);
        Assert.Equal(mails + 2, app.MailCount());
    }

    [Fact]
    public async Task Creating_an_advisor_in_a_foreign_pool_is_refused()
    {
        var (client, _, other) = await CoordinatorAsync("coord-foreign-new");
        var response = await client.PostFormAsync("/manage/advisors/new",
            [new("Input.PoolId", other.ToString()), new("Input.FirstName", "A"), new("Input.LastName", "B"), new("Input.Email", "fremdpool@example.org")]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Bitte wählen Sie einen Ihrer Pools.", Html.Text(await response.Content.ReadAsStringAsync(Ct)));
        Assert.False(await app.WithDbAsync(db => db.Advisors.AnyAsync(a => a.Email == "fremdpool@example.org")));
    }

    [Fact]
    public async Task Coordinator_sets_the_status_and_records_a_consent_and_both_are_audited()
    {
        var (client, own, _) = await CoordinatorAsync("coord-status");
        var advisor = await app.CreateAdvisorAsync(own, "status-wechsel");
        var url = $"/manage/advisors/{advisor.Id}/edit";
        var page = await client.GetStringAsync(url, Ct);
        Assert.Contains($"<title>{advisor.FirstName} {advisor.LastName} bearbeiten", page);
        var form = FormFields.Of(page, "multipart").Set("Status", "Paused").Set("Input.Consents", "Bio");
        var response = await client.PostAsync(url, form.Multipart(), Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        Assert.Equal(AdvisorStatus.Paused, await app.WithDbAsync(db => db.Advisors.Where(a => a.Id == advisor.Id).Select(a => a.Status).SingleAsync()));
        var actions = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.Subject == $"advisor:{advisor.Id}").Select(e => e.Action).ToListAsync());
        Assert.Contains("advisor.status.changed", actions);
        Assert.Contains("advisor.consent.granted", actions);
        Assert.Contains("pausiert", Html.Text(await client.GetStringAsync("/manage/advisors", Ct)));
    }
}
