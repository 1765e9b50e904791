using System.Net;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Tests.Requests;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Engagements;
using Beraterpool.Web.Features.Requests;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Tests.MunicipalityAccounts;

/// <summary>
/// An account belongs to a municipality in a pool: colleagues invited by a member or the coordinator see all of its
/// requests and engagements there, and nothing of another municipality or pool.
/// </summary>
public sealed class MunicipalityAccountTests(MunicipalityAccountTests.App app) : IClassFixture<MunicipalityAccountTests.App>
{
    public sealed class App : TestApp
    {
        public int PoolA { get; private set; }
        public int PoolB { get; private set; }
        public HttpClient CoordinatorA { get; private set; } = null!;
        public HttpClient CoordinatorB { get; private set; } = null!;

        public App() : base(importGazetteer: false) => With("Requests:RateLimit:PermitLimit", "1000");

        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            await this.SeedRegisterAsync();
            CoordinatorA = await this.SignedInBrowserAsync("konto-koordination-a@example.org", Roles.Coordinator);
            CoordinatorB = await this.SignedInBrowserAsync("konto-koordination-b@example.org", Roles.Coordinator);
            PoolA = (await this.CreatePoolAsync("konto-a", await IdOfAsync("konto-koordination-a@example.org"))).Id;
            PoolB = (await this.CreatePoolAsync("konto-b", await IdOfAsync("konto-koordination-b@example.org"))).Id;
        }

        public Task<string> IdOfAsync(string email) => WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Arranged(HttpClient Contact, string ContactEmail, int RequestId, string Reference, int EngagementId);

    /// <summary>A contact whose request the office took up, with a running engagement.</summary>
    private async Task<Arranged> ContactWithEngagementAsync(string email, int? poolId = null, string key = RequestArrange.Koeln)
    {
        var pool = poolId ?? app.PoolA;
        var contact = await app.SignedInBrowserAsync(email, Roles.MunicipalityContact);
        var userId = await app.IdOfAsync(email);
        var (requestId, _) = await app.CreateRequestAsync(pool, key, email: email, contactUserId: userId, status: RequestStatus.InProgress);
        var engagementId = await app.WithDbAsync(async db =>
        {
            var e = new Engagement { PoolId = pool, RequestId = requestId, MunicipalityKey = key, StartedAt = DateTimeOffset.UtcNow.AddDays(-5) };
            db.Engagements.Add(e);
            await db.SaveChangesAsync();
            return e.Id;
        });
        var reference = await app.WithDbAsync(db => db.ConsultationRequests.Where(r => r.Id == requestId).Select(r => r.Reference).SingleAsync());
        return new Arranged(contact, email, requestId, reference, engagementId);
    }

    private static string Colleagues(int poolId, string key = RequestArrange.Koeln) => $"/municipality/{poolId}/{key}/colleagues";

    private Task<HttpResponseMessage> InviteAsync(HttpClient by, int poolId, string name, string email, string key = RequestArrange.Koeln) =>
        by.PostFormAsync($"{Colleagues(poolId, key)}?handler=Invite", [new("Input.Name", name), new("Input.Email", email)], Colleagues(poolId, key));

    /// <summary>Follows the invitation mail: sets the password on the invitation page and comes back signed in.</summary>
    private async Task<HttpClient> AcceptInvitationAsync(string email)
    {
        var mail = app.MailsTo(email).Last();
        var link = TestUsers.LinkIn(mail, "/account/invitation");
        var browser = app.Browser();
        var response = await browser.PostFormAsync(link, [new("Input.Password", TestUsers.Password), new("Input.ConfirmPassword", TestUsers.Password)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/municipality", response.Headers.Location?.OriginalString);
        return browser;
    }

    [Fact]
    public async Task A_colleague_invited_by_the_first_contact_sees_the_same_engagement()
    {
        var first = await ContactWithEngagementAsync("erste@koeln.example");
        var home = Html.Text(await first.Contact.GetStringAsync("/municipality", Ct));
        Assert.Contains("Köln", home);
        Assert.Contains("Beratungstage übrig in diesem Jahr für Köln", home);
        Assert.Contains(first.Reference, home);

        var invited = await InviteAsync(first.Contact, app.PoolA, "Jonas Weber", "jonas.weber@koeln.example");
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        var mail = app.MailsTo("jonas.weber@koeln.example").Last();
        Assert.Contains("Köln", mail);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "municipality.colleague.invited" && a.PoolId == app.PoolA, Ct)));

        var colleague = await AcceptInvitationAsync("jonas.weber@koeln.example");
        Assert.Equal(HttpStatusCode.OK, (await colleague.GetAsync($"/engagements/{first.EngagementId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await colleague.GetAsync($"/municipality/requests/{first.RequestId}", Ct)).StatusCode);
        var colleagueHome = Html.Text(await colleague.GetStringAsync("/municipality", Ct));
        Assert.Contains(first.Reference, colleagueHome);
        Assert.Contains("erste@koeln.example", colleagueHome);
        // The colleague may invite in turn.
        Assert.Equal(HttpStatusCode.OK, (await colleague.GetAsync(Colleagues(app.PoolA), Ct)).StatusCode);
    }

    [Fact]
    public async Task A_contact_of_another_municipality_or_pool_is_refused()
    {
        var koeln = await ContactWithEngagementAsync("nur-koeln@koeln.example");
        var hamm = await ContactWithEngagementAsync("hamm@hamm.example", key: RequestArrange.Hamm);
        var koelnInB = await ContactWithEngagementAsync("koeln-b@koeln.example", poolId: app.PoolB);

        foreach (var other in new[] { hamm.Contact, koelnInB.Contact })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/engagements/{koeln.EngagementId}", Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/municipality/requests/{koeln.RequestId}", Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(Colleagues(app.PoolA), Ct)).StatusCode);
            Assert.DoesNotContain(koeln.Reference, await other.GetStringAsync("/municipality", Ct));
            Assert.Equal(HttpStatusCode.NotFound, (await InviteAsync(other, app.PoolA, "Eindringling", "eindringling@example.org")).StatusCode);
        }
        Assert.Equal(0, await app.WithDbAsync(db => db.Users.CountAsync(u => u.Email == "eindringling@example.org", Ct)));
        // Köln in pool A does not see Köln in pool B either.
        Assert.Equal(HttpStatusCode.NotFound, (await koeln.Contact.GetAsync($"/engagements/{koelnInB.EngagementId}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Writing_a_request_for_a_municipality_does_not_open_its_account()
    {
        var koeln = await ContactWithEngagementAsync("echt@koeln.example");
        // Anyone can name Köln in the form: until the office takes the request up, they see their own request only.
        var stranger = await app.SignedInBrowserAsync("behauptet@example.org", Roles.MunicipalityContact);
        var (own, _) = await app.CreateRequestAsync(app.PoolA, email: "behauptet@example.org", contactUserId: await app.IdOfAsync("behauptet@example.org"));

        Assert.Equal(HttpStatusCode.OK, (await stranger.GetAsync($"/municipality/requests/{own}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/municipality/requests/{koeln.RequestId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/engagements/{koeln.EngagementId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(Colleagues(app.PoolA), Ct)).StatusCode);
    }

    [Fact]
    public async Task The_coordinator_invites_a_colleague_from_the_request_page()
    {
        var koeln = await ContactWithEngagementAsync("kontakt-koord@koeln.example");
        var details = await app.CoordinatorA.GetStringAsync($"/manage/requests/{koeln.RequestId}", Ct);
        Assert.Contains($"href=\"{Colleagues(app.PoolA)}\"", details);

        Assert.Equal(HttpStatusCode.NotFound, (await InviteAsync(app.CoordinatorB, app.PoolA, "Falscher Pool", "falsch@koeln.example")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await InviteAsync(app.CoordinatorA, app.PoolA, "Lena Koch", "lena.koch@koeln.example")).StatusCode);
        var colleague = await AcceptInvitationAsync("lena.koch@koeln.example");
        Assert.Equal(HttpStatusCode.OK, (await colleague.GetAsync($"/engagements/{koeln.EngagementId}", Ct)).StatusCode);
    }

    [Fact]
    public async Task An_address_with_another_role_is_not_made_a_municipality_contact()
    {
        var koeln = await ContactWithEngagementAsync("rollen@koeln.example");
        await app.CreateUserAsync("beraterin@koeln.example", Roles.Advisor);
        var response = await InviteAsync(koeln.Contact, app.PoolA, "Beraterin", "beraterin@koeln.example");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Diese Adresse kann hier nicht eingeladen werden", Html.Text(await response.Content.ReadAsStringAsync(Ct)));
        Assert.False(await app.WithDbAsync(db => db.UserRoles.AnyAsync(r => r.UserId == db.Users.Single(u => u.Email == "beraterin@koeln.example").Id
            && r.RoleId == db.Roles.Single(x => x.Name == Roles.MunicipalityContact).Id, Ct)));
    }

    [Fact]
    public async Task Bad_invitation_input_shows_field_messages()
    {
        var koeln = await ContactWithEngagementAsync("eingabe@koeln.example");
        var response = await InviteAsync(koeln.Contact, app.PoolA, "", "keine-adresse");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Html.Text(await response.Content.ReadAsStringAsync(Ct));
        Assert.Contains("Bitte geben Sie den Namen an.", page);
        Assert.Contains("Bitte geben Sie eine gültige E-Mail-Adresse an", page);
    }

    [Fact]
    public async Task Removing_a_colleague_asks_first_and_takes_the_access_away()
    {
        var koeln = await ContactWithEngagementAsync("entfernt-erste@koeln.example");
        await InviteAsync(koeln.Contact, app.PoolA, "Tom Gehtbald", "tom@koeln.example");
        var colleague = await AcceptInvitationAsync("tom@koeln.example");
        var tomId = await app.IdOfAsync("tom@koeln.example");
        var remove = $"{Colleagues(app.PoolA)}/{tomId}/remove";

        var confirm = Html.Text(await koeln.Contact.GetStringAsync(remove, Ct));
        Assert.Contains("Tom Gehtbald aus dem Konto entfernen?", confirm);
        Assert.Equal(HttpStatusCode.OK, (await colleague.GetAsync($"/engagements/{koeln.EngagementId}", Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await koeln.Contact.PostFormAsync(remove, [], remove)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await colleague.GetAsync($"/engagements/{koeln.EngagementId}", Ct)).StatusCode);
        Assert.DoesNotContain(koeln.Reference, await colleague.GetStringAsync("/municipality", Ct));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "municipality.colleague.removed" && a.Subject == $"user:{tomId}", Ct)));
        Assert.Equal(HttpStatusCode.NotFound, (await koeln.Contact.GetAsync(remove, Ct)).StatusCode);
    }

    [Fact]
    public async Task A_new_account_sees_an_empty_home_with_a_way_to_ask_for_advice()
    {
        var fresh = await app.SignedInBrowserAsync("neu@leer.example", Roles.MunicipalityContact);
        var html = await fresh.GetStringAsync("/municipality", Ct);
        Assert.Contains("Zu Ihrem Konto gehören noch keine Anfragen", Html.Text(html));
        Assert.Contains("href=\"/requests/new\"", html);
    }

    [Fact]
    public async Task The_home_asks_for_advice_with_the_municipality_chosen()
    {
        var koeln = await ContactWithEngagementAsync("vorausgefuellt@koeln.example");
        var html = await koeln.Contact.GetStringAsync("/municipality", Ct);
        Assert.Contains($"href=\"/requests/new?municipality={RequestArrange.Koeln}\"", html);
        var form = await koeln.Contact.GetStringAsync($"/requests/new?municipality={RequestArrange.Koeln}", Ct);
        Assert.Contains($"value=\"{RequestArrange.Koeln}\"", form);
    }
}
