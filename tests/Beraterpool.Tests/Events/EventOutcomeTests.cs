using System.Net;
using Beraterpool.Tests.Engagements;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Events;
using Beraterpool.Web.Features.Stakeholders;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Tests.Events;

/// <summary>Outcomes of an event with a partner municipality or an organisation of the network, on the organisation's timeline, with a follow-up.</summary>
public sealed class EventOutcomeTests(EventRegistrationTests.App app) : IClassFixture<EventRegistrationTests.App>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<Organisation> OrganisationAsync(int poolId, string name, string? municipalityKey = null) => app.WithDbAsync(async db =>
    {
        var o = new Organisation { PoolId = poolId, Name = name, Kind = OrganisationKind.MunicipalityUnit, MunicipalityKey = municipalityKey, CreatedAt = DateTimeOffset.UnixEpoch, UpdatedAt = DateTimeOffset.UnixEpoch };
        db.Organisations.Add(o);
        await db.SaveChangesAsync();
        return o;
    });

    private async Task<Event> ForumWithAsync(string title, string municipalityKey)
    {
        var e = await app.CreateEventAsync(app.Pool, title, new DateOnly(2026, 9, 10));
        await app.WithDbAsync(async db =>
        {
            db.EventMunicipalities.Add(new EventMunicipality { EventId = e.Id, MunicipalityKey = municipalityKey });
            return await db.SaveChangesAsync();
        });
        return e;
    }

    [Fact]
    public async Task An_outcome_with_the_partner_municipality_and_a_follow_up_appears_on_the_timeline_of_the_organisation_standing_for_it()
    {
        var key = await app.MunicipalityAsync("05913000", "Dortmund");
        var e = await ForumWithAsync("Dialogforum Dortmund Ergebnisse", key);
        var city = await OrganisationAsync(app.Pool, "Stadt Dortmund, Agenda-Büro", key);
        var office = await app.SignInAsync("koord-events@example.org");
        var coordinatorId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "koord-events@example.org").Select(u => u.Id).SingleAsync());
        var url = $"/manage/events/{e.Id}/outcomes";

        // Nothing chosen: the form says what is missing and keeps the text.
        var form = FormFields.Of(await office.GetStringAsync(url, Ct), "form-narrow").Set("Input.Text", "Die Stadt will eine Beratung zur fairen Beschaffung anfragen.");
        var refused = await office.PostAsync(url, new FormUrlEncodedContent(form), Ct);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusedHtml = await refused.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Bitte wählen Sie, was herausgekommen ist.", Html.Text(refusedHtml));
        Assert.Contains("Bitte wählen Sie die Kommune oder Organisation.", Html.Text(refusedHtml));
        Assert.Contains("Die Stadt will eine Beratung zur fairen Beschaffung anfragen.", refusedHtml);

        form = FormFields.Of(refusedHtml, "form-narrow").Set("Input.Kind", "RequestExpected").Set("Input.Partner", $"m:{key}")
            .Set("Input.CreateFollowUp", "true").Set("Input.FollowUpTitle", "Nach dem Ratsbeschluss nachfragen").Set("Input.FollowUpDueOn", "2026-10-15")
            .Set("Input.FollowUpOwnerUserId", coordinatorId);
        var saved = await office.PostAsync(url, new FormUrlEncodedContent(form), Ct);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var outcome = await app.WithDbAsync(db => db.EventOutcomes.AsNoTracking().SingleAsync(o => o.EventId == e.Id));
        Assert.Equal((EventOutcomeKind.RequestExpected, key, (int?)null), (outcome.Kind, outcome.MunicipalityKey, outcome.OrganisationId));
        var followUp = await app.WithDbAsync(db => db.FollowUps.AsNoTracking().SingleAsync(f => f.Id == outcome.FollowUpId));
        Assert.Equal((city.Id, "Nach dem Ratsbeschluss nachfragen", new DateOnly(2026, 10, 15), coordinatorId), (followUp.OrganisationId!.Value, followUp.Title, followUp.DueOn, followUp.OwnerUserId!));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "event.outcome.recorded" && a.Subject == $"event:{e.Id}")));

        var page = Html.Text(await office.GetStringAsync($"/manage/stakeholders/organisations/{city.Id}", Ct));
        Assert.Contains("Dialogforum Dortmund Ergebnisse", page);
        Assert.Contains("Anfrage erwartet: Die Stadt will eine Beratung zur fairen Beschaffung anfragen.", page);
        Assert.Contains("Nach dem Ratsbeschluss nachfragen", page);
        Assert.Contains("Nach dem Ratsbeschluss nachfragen", Html.Text(await office.GetStringAsync("/manage/stakeholders/followups", Ct)));
        Assert.Contains("Anfrage erwartet", Html.Text(await office.GetStringAsync(url, Ct)));

        // Deleted with the confirmation: gone from the timeline, the follow-up stays.
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"{url}?handler=Delete&outcome={outcome.Id}", [], url)).StatusCode);
        Assert.DoesNotContain("Anfrage erwartet:", Html.Text(await office.GetStringAsync($"/manage/stakeholders/organisations/{city.Id}", Ct)));
        Assert.True(await app.WithDbAsync(db => db.FollowUps.AnyAsync(f => f.Id == followUp.Id)));
    }

    [Fact]
    public async Task An_outcome_with_an_organisation_shows_on_its_timeline_and_partners_of_other_pools_or_events_are_refused()
    {
        var key = await app.MunicipalityAsync("05111000", "Düsseldorf");
        var other = await app.MunicipalityAsync("05315000", "Köln");
        var e = await ForumWithAsync("Dialogforum Düsseldorf Ergebnisse", key);
        var network = await OrganisationAsync(app.Pool, "Eine Welt Netz Ergebnisse");
        var foreignPool = await app.CreatePoolAsync("fremd-ergebnisse");
        var foreign = await OrganisationAsync(foreignPool.Id, "Fremde Organisation");
        var office = await app.SignInAsync("koord-events@example.org");
        var url = $"/manage/events/{e.Id}/outcomes";
        var form = FormFields.Of(await office.GetStringAsync(url, Ct), "form-narrow").Set("Input.Kind", "ContactMade").Set("Input.Text", "Kontakt zur Fachpromotorin.");

        foreach (var partner in new[] { $"o:{foreign.Id}", $"m:{other}" })
        {
            var refused = await office.PostAsync(url, new FormUrlEncodedContent(form.Set("Input.Partner", partner)), Ct);
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("Bitte wählen Sie eine Partnerkommune der Veranstaltung oder eine Organisation aus der Liste.", Html.Text(await refused.Content.ReadAsStringAsync(Ct)));
        }
        // A follow-up for a municipality needs an organisation standing for it; there is none for Düsseldorf.
        var noOrg = await office.PostAsync(url, new FormUrlEncodedContent(FormFields.Of(await office.GetStringAsync(url, Ct), "form-narrow").Set("Input.Kind", "FollowUpMeeting")
            .Set("Input.Text", "Folgetermin im Mai.").Set("Input.Partner", $"m:{key}").Set("Input.CreateFollowUp", "true").Set("Input.FollowUpTitle", "Termin bestätigen")), Ct);
        Assert.Contains("Zu dieser Kommune gibt es im Netzwerk noch keine Organisation", Html.Text(await noOrg.Content.ReadAsStringAsync(Ct)));
        Assert.False(await app.WithDbAsync(db => db.EventOutcomes.AnyAsync(o => o.EventId == e.Id)));

        Assert.Equal(HttpStatusCode.Redirect, (await office.PostAsync(url, new FormUrlEncodedContent(form.Set("Input.Partner", $"o:{network.Id}")), Ct)).StatusCode);
        Assert.Contains("Kontakt hergestellt: Kontakt zur Fachpromotorin.", Html.Text(await office.GetStringAsync($"/manage/stakeholders/organisations/{network.Id}", Ct)));
        Assert.Null(await app.WithDbAsync(db => db.EventOutcomes.Where(o => o.EventId == e.Id).Select(o => o.FollowUpId).SingleAsync()));

        var stranger = await app.CreateUserAsync("koord-fremd-ergebnisse@example.org", Roles.Coordinator);
        await app.CreatePoolAsync("fremd-ergebnisse-2", stranger.Id);
        var strangerClient = await app.SignInAsync("koord-fremd-ergebnisse@example.org");
        Assert.Equal(HttpStatusCode.NotFound, (await strangerClient.GetAsync(url, Ct)).StatusCode);
    }
}
