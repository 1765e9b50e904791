using System.Net;
using System.Text;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Events;
using Ical.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace Beraterpool.Tests.Events;

/// <summary>Registration without an account, the waiting list with its timed offer, and the office's participant list.</summary>
public sealed class EventRegistrationTests(EventRegistrationTests.App app) : IClassFixture<EventRegistrationTests.App>
{
    public sealed class App : TestApp
    {
        /// <summary>1 October 2026, 10:00 in Berlin.</summary>
        public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 10, 1, 8, 0, 0, TimeSpan.Zero));
        public int Pool { get; private set; }
        public string Slug { get; private set; } = "";

        public App() : base(importGazetteer: false)
        {
            WithTime(Time);
            With("Requests:RateLimit:PermitLimit", "1000");
        }

        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            var coordinator = await this.CreateUserAsync("koord-events@example.org", Roles.Coordinator);
            var pool = await this.CreatePoolAsync("veranstaltungen", coordinator.Id);
            (Pool, Slug) = (pool.Id, pool.Slug);
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private string Prefix => $"/pool/{app.Slug}";

    private Task<List<EventRegistration>> RegistrationsAsync(int eventId) =>
        app.WithDbAsync(db => db.EventRegistrations.AsNoTracking().Where(r => r.EventId == eventId).OrderBy(r => r.Id).ToListAsync());

    [Fact]
    public async Task With_two_places_the_third_waits_and_gets_the_freed_place_offered_when_someone_cancels()
    {
        var e = await app.CreateEventAsync(app.Pool, "Dialogforum Warteliste", new DateOnly(2026, 11, 12), capacity: 2);
        var visitor = app.CreateClient();
        foreach (var (name, mail) in new[] { ("Anna Erste", "anna@example.org"), ("Ben Zweiter", "ben@example.org") })
            Assert.Contains("Sie sind angemeldet", Html.Text(await (await visitor.RegisterAsync(e.Id, name, mail, poolPrefix: Prefix)).Content.ReadAsStringAsync(Ct)));
        // The page offered the waiting list once it was full: the third person's form says so before they send it.
        var full = Html.Text(await visitor.GetStringAsync($"{Prefix}/events/{e.Id}", Ct));
        Assert.Contains("ausgebucht", full);
        Assert.Contains("Auf die Warteliste setzen", full);
        Assert.Contains("Sie stehen auf der Warteliste", Html.Text(await (await visitor.RegisterAsync(e.Id, "Cem Dritter", "cem@example.org", joinWaitingList: true, poolPrefix: Prefix)).Content.ReadAsStringAsync(Ct)));

        var statuses = (await RegistrationsAsync(e.Id)).Select(r => (r.Email, r.Status)).ToList();
        Assert.Equal([("anna@example.org", RegistrationStatus.Registered), ("ben@example.org", RegistrationStatus.Registered), ("cem@example.org", RegistrationStatus.Waiting)], statuses);
        Assert.Contains("Warteliste", app.MessagesTo("cem@example.org").Single().Subject);

        // Anna cancels with the link from her confirmation.
        var annaLink = EventArrange.PersonalLink(app.MessagesTo("anna@example.org").Single());
        var page = await visitor.GetStringAsync(annaLink, Ct);
        Assert.Contains("Anmeldung absagen", Html.Text(page));
        var cancelled = await visitor.PostFormAsync(annaLink + "?handler=Cancel", [], annaLink);
        Assert.Contains("Ihre Anmeldung ist abgesagt", Html.Text(await cancelled.Content.ReadAsStringAsync(Ct)));

        // Cem is offered the place with a deadline, through the same personal link as before.
        var cemMails = app.MessagesTo("cem@example.org");
        Assert.Equal(2, cemMails.Count);
        Assert.Contains("Ein Platz ist frei", cemMails[1].Subject);
        Assert.Equal(EventArrange.PersonalLink(cemMails[0]), EventArrange.PersonalLink(cemMails[1]));
        var cem = (await RegistrationsAsync(e.Id)).Single(r => r.Email == "cem@example.org");
        Assert.Equal(RegistrationStatus.Offered, cem.Status);
        Assert.Equal(app.Time.GetUtcNow().AddHours(48), cem.OfferExpiresAt);

        var cemLink = EventArrange.PersonalLink(cemMails[1]);
        var accepted = await visitor.PostFormAsync(cemLink + "?handler=Accept", [], cemLink);
        Assert.Contains("Der Platz gehört Ihnen", Html.Text(await accepted.Content.ReadAsStringAsync(Ct)));
        Assert.Equal(RegistrationStatus.Registered, (await RegistrationsAsync(e.Id)).Single(r => r.Email == "cem@example.org").Status);
        Assert.Contains("Anmeldung bestätigt", app.MessagesTo("cem@example.org").Last().Subject);

        // The office's check-in list names exactly the two with a place; checking Ben in is kept in the audit.
        var office = await app.SignInAsync("koord-events@example.org");
        var ben = (await RegistrationsAsync(e.Id)).Single(r => r.Email == "ben@example.org");
        await office.PostFormAsync($"/manage/events/{e.Id}?handler=CheckIn&registration={ben.Id}", [new("present", "true")], $"/manage/events/{e.Id}");
        Assert.NotNull((await RegistrationsAsync(e.Id)).Single(r => r.Email == "ben@example.org").CheckedInAt);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "event.registration.checked-in" && a.Details == $"registration:{ben.Id}")));
        var csv = await office.GetByteArrayAsync($"/manage/events/{e.Id}?handler=Csv", Ct);
        Assert.Equal([0xEF, 0xBB, 0xBF], csv[..3]);
        var rows = Encoding.UTF8.GetString(csv).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r').Split(';')).ToList();
        Assert.Equal(RegistrationsModelHeaders, rows[0]);
        Assert.Equal(["Ben Zweiter", "Cem Dritter"], rows.Skip(1).Select(r => r[0]).Order().ToArray());
        Assert.Equal("ja", rows.Single(r => r[0] == "Ben Zweiter")[6]);
    }

    private static readonly string[] RegistrationsModelHeaders = Web.Features.Events.Manage.RegistrationsModel.CsvHeaders;

    [Fact]
    public async Task When_the_last_place_goes_while_typing_the_form_keeps_the_answers_and_offers_the_waiting_list()
    {
        var e = await app.CreateEventAsync(app.Pool, "Dialogforum Ein Platz", new DateOnly(2026, 11, 13), capacity: 1);
        var slow = app.CreateClient();
        var form = await slow.GetStringAsync($"{Prefix}/events/{e.Id}", Ct);
        Assert.Contains("Verbindlich anmelden", Html.Text(form));
        // Someone else takes the last place meanwhile.
        await app.CreateClient().RegisterAsync(e.Id, "Schnelle Person", "schnell@example.org", poolPrefix: Prefix);

        var fields = FormFields.Of(form, "method=\"post\"").Set("Input.Name", "Langsame Person").Set("Input.Email", "langsam@example.org")
            .Set("Input.Notes", "Ich brauche einen Platz am Gang.").Set("Input.Consent", "true");
        var answer = await slow.PostAsync($"{Prefix}/events/{e.Id}", new FormUrlEncodedContent(fields), Ct);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var html = await answer.Content.ReadAsStringAsync(Ct);
        Assert.Contains("wurde der letzte Platz vergeben", Html.Text(html));
        Assert.Contains("value=\"Langsame Person\"", html);
        Assert.Contains("Ich brauche einen Platz am Gang.", html);
        Assert.Contains("Auf die Warteliste setzen", Html.Text(html));
        Assert.DoesNotContain(await RegistrationsAsync(e.Id), r => r.Email == "langsam@example.org");

        var waiting = await slow.PostAsync($"{Prefix}/events/{e.Id}", new FormUrlEncodedContent(FormFields.Of(html, "method=\"post\"")), Ct);
        Assert.Contains("Sie stehen auf der Warteliste", Html.Text(await waiting.Content.ReadAsStringAsync(Ct)));
        Assert.Equal(RegistrationStatus.Waiting, (await RegistrationsAsync(e.Id)).Single(r => r.Email == "langsam@example.org").Status);
    }

    [Fact]
    public async Task Without_consent_or_a_valid_address_nothing_is_stored_and_the_form_says_why()
    {
        var e = await app.CreateEventAsync(app.Pool, "Dialogforum Pflichtfelder", new DateOnly(2026, 11, 14));
        var visitor = app.CreateClient();
        var answer = await visitor.RegisterAsync(e.Id, "Dora Ohne", "keine-adresse", consent: false, poolPrefix: Prefix);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var html = await answer.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Bitte geben Sie eine gültige E-Mail-Adresse an", Html.Text(html));
        Assert.Contains("Bitte stimmen Sie zu", Html.Text(html));
        Assert.Contains("value=\"Dora Ohne\"", html);
        Assert.Empty(await RegistrationsAsync(e.Id));
    }

    [Fact]
    public async Task An_offer_not_taken_in_time_passes_to_the_next_person_waiting()
    {
        var e = await app.CreateEventAsync(app.Pool, "Dialogforum Frist", new DateOnly(2026, 12, 10), capacity: 1);
        var visitor = app.CreateClient();
        await visitor.RegisterAsync(e.Id, "Erik Platz", "erik@example.org", poolPrefix: Prefix);
        await visitor.RegisterAsync(e.Id, "Fia Warten", "fia@example.org", joinWaitingList: true, poolPrefix: Prefix);
        await visitor.RegisterAsync(e.Id, "Gus Warten", "gus@example.org", joinWaitingList: true, poolPrefix: Prefix);
        var erik = EventArrange.PersonalLink(app.MessagesTo("erik@example.org").Single());
        await visitor.PostFormAsync(erik + "?handler=Cancel", [], erik);
        Assert.Equal(RegistrationStatus.Offered, (await RegistrationsAsync(e.Id)).Single(r => r.Email == "fia@example.org").Status);

        app.Time.Advance(TimeSpan.FromHours(49));
        await using (var scope = app.Scope())
            await new EventJob().RunAsync(scope.ServiceProvider, new Web.Features.Jobs.JobRun("test", app.Time.GetUtcNow(), null), Ct);

        var after = await RegistrationsAsync(e.Id);
        Assert.Equal(RegistrationStatus.Expired, after.Single(r => r.Email == "fia@example.org").Status);
        Assert.Equal(RegistrationStatus.Offered, after.Single(r => r.Email == "gus@example.org").Status);
        Assert.Contains("Ein Platz ist frei", app.MessagesTo("gus@example.org").Last().Subject);
        // Fia's link now says the offer is gone, and accepting it does nothing.
        var fia = EventArrange.PersonalLink(app.MessagesTo("fia@example.org")[1]);
        Assert.DoesNotContain("Platz annehmen", Html.Text(await visitor.GetStringAsync(fia, Ct)));
        var late = await visitor.PostFormAsync(fia + "?handler=Accept", [], $"{Prefix}/events/{e.Id}");
        Assert.Contains("Das Angebot gilt nicht mehr", Html.Text(await late.Content.ReadAsStringAsync(Ct)));
        Assert.Equal(1, (await RegistrationsAsync(e.Id)).Count(r => EventRegistration.HoldsPlace(r.Status)));
    }

    [Fact]
    public async Task The_confirmation_carries_the_event_as_a_calendar_file_with_German_local_time_across_the_end_of_summer_time()
    {
        // Sunday 25 October 2026: summer time ends at 03:00; the forum at 10:00 is 09:00 UTC, not 08:00.
        var e = await app.CreateEventAsync(app.Pool, "Dialogforum Zeitumstellung", new DateOnly(2026, 10, 25), 10, 12);
        await app.CreateClient().RegisterAsync(e.Id, "Hanna Kalender", "hanna@example.org", poolPrefix: Prefix);
        var mail = app.MessagesTo("hanna@example.org").Single();
        var ics = mail.Attachments.OfType<MimePart>().Single();
        Assert.Equal("text/calendar", ics.ContentType.MimeType);
        using var content = new MemoryStream();
        await ics.Content!.DecodeToAsync(content, Ct);
        var calendar = Calendar.Load(Encoding.UTF8.GetString(content.ToArray()))!;
        var entry = calendar.Events.Single();
        Assert.Equal("Dialogforum Zeitumstellung", entry.Summary);
        Assert.Equal("Europe/Berlin", entry.DtStart!.TzId);
        Assert.Equal(new DateTime(2026, 10, 25, 10, 0, 0), entry.DtStart.Value);
        Assert.Equal(new DateTime(2026, 10, 25, 9, 0, 0, DateTimeKind.Utc), entry.DtStart.AsUtc);
        Assert.Single(calendar.TimeZones, z => z.TzId == "Europe/Berlin");
        Assert.EndsWith("@beraterpool", entry.Uid);
    }

    [Fact]
    public async Task The_feed_lists_the_pools_public_events_only_with_stable_uids_and_right_times_in_summer_and_winter()
    {
        var summer = await app.CreateEventAsync(app.Pool, "Feed Sommer", new DateOnly(2027, 7, 1), 18, 20);
        var winter = await app.CreateEventAsync(app.Pool, "Feed Winter", new DateOnly(2027, 1, 14), 18, 20);
        await app.CreateEventAsync(app.Pool, "Feed Intern", new DateOnly(2027, 2, 1), isPublic: false);
        var other = await app.CreatePoolAsync("anderer-feed");
        await app.CreateEventAsync(other.Id, "Feed Anderer Pool", new DateOnly(2027, 2, 2));

        var visitor = app.CreateClient();
        var response = await visitor.GetAsync($"{Prefix}/events.ics", Ct);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        var text = await response.Content.ReadAsStringAsync(Ct);
        var calendar = Calendar.Load(text)!;
        var titles = calendar.Events.Select(x => x.Summary).ToList();
        Assert.Contains("Feed Sommer", titles);
        Assert.Contains("Feed Winter", titles);
        Assert.DoesNotContain("Feed Intern", titles);
        Assert.DoesNotContain("Feed Anderer Pool", titles);
        Assert.Equal(new DateTime(2027, 7, 1, 16, 0, 0, DateTimeKind.Utc), calendar.Events.Single(x => x.Summary == "Feed Sommer").DtStart!.AsUtc);
        Assert.Equal(new DateTime(2027, 1, 14, 17, 0, 0, DateTimeKind.Utc), calendar.Events.Single(x => x.Summary == "Feed Winter").DtStart!.AsUtc);
        Assert.Contains("DTSTAMP:", text);
        Assert.Contains("BEGIN:VTIMEZONE", text);
        // The same event keeps its UID from one download to the next, so a calendar program updates it instead of adding a copy.
        var again = Calendar.Load(await visitor.GetStringAsync($"{Prefix}/events.ics", Ct))!;
        Assert.Equal(calendar.Events.Single(x => x.Summary == "Feed Winter").Uid, again.Events.Single(x => x.Summary == "Feed Winter").Uid);
        Assert.Equal($"{winter.CalendarUid:N}@beraterpool", again.Events.Single(x => x.Summary == "Feed Winter").Uid);
        Assert.NotEqual(summer.CalendarUid, winter.CalendarUid);
    }

    [Fact]
    public async Task An_event_by_invitation_and_other_pools_desks_stay_closed()
    {
        var invitation = await app.CreateEventAsync(app.Pool, "Geschlossener Kreis", new DateOnly(2026, 11, 20), isPublic: false);
        var visitor = app.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"{Prefix}/events/{invitation.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"{Prefix}/events/{invitation.Id}.ics", Ct)).StatusCode);
        Assert.DoesNotContain("Geschlossener Kreis", await visitor.GetStringAsync($"{Prefix}/events", Ct));

        var stranger = await app.CreateUserAsync("koord-fremd-events@example.org", Roles.Coordinator);
        await app.CreatePoolAsync("fremd-events", stranger.Id);
        var strangerClient = await app.SignInAsync("koord-fremd-events@example.org");
        Assert.Equal(HttpStatusCode.NotFound, (await strangerClient.GetAsync($"/manage/events/{invitation.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await strangerClient.GetAsync($"/manage/events/{invitation.Id}?handler=Csv", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await strangerClient.GetAsync($"/manage/events/edit/{invitation.Id}", Ct)).StatusCode);
        Assert.DoesNotContain("Geschlossener Kreis", await strangerClient.GetStringAsync("/manage/events", Ct));

        // The office registers someone itself; the person gets the confirmation with their link.
        var office = await app.SignInAsync("koord-events@example.org");
        var added = await office.PostFormAsync($"/manage/events/{invitation.Id}?handler=Add",
            [new("Input.Name", "Ida Eingeladen"), new("Input.Email", "ida@example.org")], $"/manage/events/{invitation.Id}");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(RegistrationStatus.Registered, (await RegistrationsAsync(invitation.Id)).Single().Status);
        Assert.Contains("Anmeldung bestätigt", app.MessagesTo("ida@example.org").Single().Subject);
    }

    [Fact]
    public async Task The_office_creates_an_event_in_German_local_time_and_a_time_the_clocks_skip_is_refused()
    {
        var office = await app.SignInAsync("koord-events@example.org");
        var url = $"/manage/events/edit?pool={app.Pool}";
        var form = FormFields.Of(await office.GetStringAsync(url, Ct), "method=\"post\"")
            .Set("Input.Title", "Informationsabend Sommerzeit").Set("Input.Kind", "InformationEvent")
            .Set("Input.Date", "2027-03-28").Set("Input.StartTime", "02:30").Set("Input.EndTime", "04:00").Set("Input.Capacity", "20");
        var refused = await office.PostAsync("/manage/events/edit", new FormUrlEncodedContent(form), Ct);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Diese Uhrzeit gibt es an dem Tag nicht", Html.Text(html));
        Assert.Contains("value=\"Informationsabend Sommerzeit\"", html);

        var saved = await office.PostAsync("/manage/events/edit", new FormUrlEncodedContent(form.Set("Input.StartTime", "18:00").Set("Input.EndTime", "20:00")), Ct);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var e = await app.WithDbAsync(db => db.Events.AsNoTracking().SingleAsync(x => x.Title == "Informationsabend Sommerzeit"));
        Assert.Equal(new DateTimeOffset(2027, 3, 28, 16, 0, 0, TimeSpan.Zero), e.StartsAt);
        Assert.Equal(20, e.Capacity);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "event.created" && a.Subject == $"event:{e.Id}")));
    }

    [Fact]
    public async Task A_registrant_without_an_account_is_found_exported_and_erased_by_address()
    {
        var e = await app.CreateEventAsync(app.Pool, "Dialogforum Datenschutz", new DateOnly(2026, 11, 26), capacity: 1);
        await app.CreateClient().RegisterAsync(e.Id, "Jana Auskunft", "jana@example.org", poolPrefix: Prefix);
        await app.CreateClient().RegisterAsync(e.Id, "Kai Warteliste", "kai@example.org", joinWaitingList: true, poolPrefix: Prefix);

        await using var scope = app.Scope();
        var services = scope.ServiceProvider;
        var person = await services.GetRequiredService<Web.Features.Privacy.PersonFinder>().ByEmailAsync("JANA@example.org", Ct);
        Assert.True(person.Found);
        Assert.Contains("Jana Auskunft", person.Names);
        var export = await services.GetRequiredService<Web.Features.Privacy.DataExport>().CollectAsync(person, Ct);
        var registration = Assert.Single(export.EventRegistrations);
        Assert.Equal(("Dialogforum Datenschutz", "Jana Auskunft", RegistrationStatus.Registered), (registration.Event, registration.Name, registration.Status));

        var admin = await app.CreateUserAsync("admin-events@example.org", Roles.Administrator);
        await services.GetRequiredService<Web.Features.Privacy.Erasure>().EraseAsync(person, admin.Id, "Administration", Ct);
        var left = await RegistrationsAsync(e.Id);
        Assert.DoesNotContain(left, r => r.Email == "jana@example.org" || r.Name.Contains("Jana"));
        Assert.Single(left, r => r.Email == "kai@example.org");
    }
}
