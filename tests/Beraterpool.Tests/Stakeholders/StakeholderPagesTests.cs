using System.Net;
using Beraterpool.Tests.Events;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Events;
using Beraterpool.Web.Features.Stakeholders;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Tests.Stakeholders;

/// <summary>The office pages of the network: only the pool's coordinators see them; timeline, follow-ups and vCard.</summary>
public sealed class StakeholderPagesTests(StakeholderPagesTests.App app) : IClassFixture<StakeholderPagesTests.App>
{
    public sealed class App : TestApp
    {
        public int Pool { get; private set; }
        public string CoordinatorId { get; private set; } = "";

        public App() : base(importGazetteer: false) { }

        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            var coordinator = await this.CreateUserAsync("koord-netz@example.org", Roles.Coordinator);
            CoordinatorId = coordinator.Id;
            Pool = (await this.CreatePoolAsync("netz", coordinator.Id)).Id;
            var stranger = await this.CreateUserAsync("koord-fremd-netz@example.org", Roles.Coordinator);
            await this.CreatePoolAsync("fremd-netz", stranger.Id);
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<(int Organisation, int Contact)> ArrangeAsync(string name) => app.WithDbAsync(async db =>
    {
        var o = new Organisation { PoolId = app.Pool, Name = $"Netzwerk {name}", Kind = OrganisationKind.Network, CreatedAt = DateTimeOffset.UnixEpoch, UpdatedAt = DateTimeOffset.UnixEpoch };
        var c = new Contact { PoolId = app.Pool, Name = $"Kontakt {name}", Email = $"{name}@netz.example", Function = "Leitung", CreatedAt = DateTimeOffset.UnixEpoch, UpdatedAt = DateTimeOffset.UnixEpoch };
        db.Organisations.Add(o);
        db.Contacts.Add(c);
        await db.SaveChangesAsync();
        db.ContactOrganisations.Add(new ContactOrganisation { ContactId = c.Id, OrganisationId = o.Id });
        await db.SaveChangesAsync();
        return (o.Id, c.Id);
    });

    [Fact]
    public async Task Another_pools_coordinator_gets_not_found_and_sees_nothing_in_the_lists()
    {
        var (org, contact) = await ArrangeAsync("geheim");
        var stranger = await app.SignInAsync("koord-fremd-netz@example.org");
        foreach (var url in new[]
                 {
                     $"/manage/stakeholders/organisations/{org}", $"/manage/stakeholders/organisations/edit/{org}", $"/manage/stakeholders/contacts/{contact}",
                     $"/manage/stakeholders/contacts/edit/{contact}", $"/manage/stakeholders/contacts/{contact}?handler=VCard",
                 })
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(url, Ct)).StatusCode);
        Assert.DoesNotContain("Netzwerk geheim", await stranger.GetStringAsync("/manage/stakeholders", Ct));
        Assert.DoesNotContain("Kontakt geheim", await stranger.GetStringAsync("/manage/stakeholders/contacts", Ct));
        Assert.DoesNotContain("geheim@netz.example", await stranger.GetStringAsync("/manage/stakeholders/contacts?handler=Csv", Ct));
        var post = await stranger.PostFormAsync($"/manage/stakeholders/organisations/{org}?handler=AddEntry",
            [new("Entry.Kind", "Meeting"), new("Entry.On", "2015-03-04"), new("Entry.Subject", "fremd")], "/manage/stakeholders");
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.TimelineEntries.AnyAsync(t => t.OrganisationId == org)));

        var office = await app.SignInAsync("koord-netz@example.org");
        Assert.Contains("Netzwerk geheim", await office.GetStringAsync("/manage/stakeholders", Ct));
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync($"/manage/stakeholders/contacts/{contact}", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_timeline_shows_entries_and_event_registrations_and_follow_ups_land_in_my_list()
    {
        var (org, contact) = await ArrangeAsync("verlauf");
        var e = await app.CreateEventAsync(app.Pool, "Dialogforum Verlauf", new DateOnly(2015, 3, 12));
        await app.WithDbAsync(db =>
        {
            db.EventRegistrations.Add(new EventRegistration
            {
                EventId = e.Id, Name = "Kontakt verlauf", Email = "VERLAUF@netz.example", Organisation = "netzwerk verlauf", Status = RegistrationStatus.Registered,
                TokenHash = Guid.NewGuid().ToString("N"), RegisteredAt = DateTimeOffset.UnixEpoch, ConsentGivenAt = DateTimeOffset.UnixEpoch,
            });
            return db.SaveChangesAsync();
        });
        var office = await app.SignInAsync("koord-netz@example.org");
        var page = $"/manage/stakeholders/organisations/{org}";
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync(page + "?handler=AddEntry",
            [new("Entry.Kind", "Call"), new("Entry.On", "2015-02-01"), new("Entry.Subject", "Telefonat zum Forum")], page)).StatusCode);
        var missing = await office.PostFormAsync(page + "?handler=AddFollowUp", [new("FollowUp.Title", ""), new("FollowUp.DueOn", "2015-04-01"), new("FollowUp.OwnerUserId", app.CoordinatorId)], page);
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        Assert.Contains("Bitte sagen Sie, was zu tun ist.", Html.Text(await missing.Content.ReadAsStringAsync(Ct)));
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync(page + "?handler=AddFollowUp",
            [new("FollowUp.Title", "Protokoll schicken"), new("FollowUp.DueOn", "2015-04-01"), new("FollowUp.OwnerUserId", app.CoordinatorId)], page)).StatusCode);

        var text = Html.Text(await office.GetStringAsync(page, Ct));
        Assert.Contains("Telefonat zum Forum", text);
        Assert.Contains("Dialogforum Verlauf", text);
        Assert.Contains("aus den Veranstaltungsanmeldungen", text);
        Assert.Contains("Dialogforum Verlauf", Html.Text(await office.GetStringAsync($"/manage/stakeholders/contacts/{contact}", Ct)));

        var mine = Html.Text(await office.GetStringAsync("/manage/stakeholders/followups", Ct));
        Assert.Contains("Protokoll schicken", mine);
        Assert.Contains("überfällig", mine);
        var id = await app.WithDbAsync(db => db.FollowUps.Where(f => f.OrganisationId == org).Select(f => f.Id).SingleAsync());
        await office.PostFormAsync("/manage/stakeholders/followups?handler=Toggle", [new("followUpId", id.ToString())], "/manage/stakeholders/followups");
        Assert.DoesNotContain("Protokoll schicken", Html.Text(await office.GetStringAsync("/manage/stakeholders/followups", Ct)));

        var card = await office.GetAsync($"/manage/stakeholders/contacts/{contact}?handler=VCard", Ct);
        Assert.Equal("text/vcard", card.Content.Headers.ContentType?.MediaType);
        var vcf = await card.Content.ReadAsStringAsync(Ct);
        Assert.StartsWith("BEGIN:VCARD\r\nVERSION:4.0\r\n", vcf);
        Assert.Contains("FN:Kontakt verlauf\r\n", vcf);
        Assert.Contains("ORG:Netzwerk verlauf\r\n", vcf);
        Assert.Contains("EMAIL:verlauf@netz.example\r\n", vcf);
    }
}
