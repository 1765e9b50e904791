using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Events;
using Beraterpool.Web.Features.Impact;
using Beraterpool.Web.Features.Interviews;
using Beraterpool.Web.Features.Municipalities;
using Beraterpool.Web.Features.Shared;
using Beraterpool.Web.Features.Stakeholders;

namespace Beraterpool.Tests.Impact;

/// <summary>
/// "New actors reached" in 2025 from every source that meets them — events, interviews, the network's timeline — each
/// counted by hand: met in 2025 and never before, in the test pool only.
/// </summary>
public sealed class NewActorTests(NewActorTests.App app) : IClassFixture<NewActorTests.App>
{
    public sealed class App() : TestApp(importGazetteer: false)
    {
        public int Pool { get; private set; }

        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            var coordinator = await this.CreateUserAsync("koord-akteure@example.org", Roles.Coordinator);
            var other = await this.CreateUserAsync("koord-akteure-fremd@example.org", Roles.Coordinator);
            Pool = (await this.CreatePoolAsync("akteure", coordinator.Id)).Id;
            var otherPool = (await this.CreatePoolAsync("akteure-fremd", other.Id)).Id;
            await WithDbAsync(async db =>
            {
                db.States.Add(new State { Code = "05", Name = "Nordrhein-Westfalen" });
                db.States.Add(new State { Code = "08", Name = "Baden-Württemberg" });
                db.Municipalities.AddRange(Town("05954016", "Hattingen", "05"), Town("05954036", "Witten", "05"), Town("05314000", "Bonn", "05"),
                    Town("05315000", "Köln", "05"), Town("08111000", "Stuttgart", "08"));
                var guide = new InterviewGuide { PoolId = Pool, FamilyId = 1, Title = "Leitfaden", CreatedAt = DateTimeOffset.UnixEpoch, UpdatedAt = DateTimeOffset.UnixEpoch };
                var foreignGuide = new InterviewGuide { PoolId = otherPool, FamilyId = 1, Title = "Fremd", CreatedAt = DateTimeOffset.UnixEpoch, UpdatedAt = DateTimeOffset.UnixEpoch };
                db.InterviewGuides.AddRange(guide, foreignGuide);
                await db.SaveChangesAsync();
                db.Interviews.AddRange(
                    Interview(guide, "05954016", new(2025, 5, 6), finished: true),    // Hattingen: new
                    Interview(guide, "05954036", new(2024, 11, 3), finished: true),   // Witten: met in 2024 …
                    Interview(guide, "05954036", new(2025, 2, 1), finished: true),    // … so not new in 2025
                    Interview(guide, "05314000", new(2025, 3, 1), finished: false),   // Bonn: a draft, not met
                    Interview(foreignGuide, "08111000", new(2025, 3, 1), finished: true));

                var forum = Event(Pool, "Forum 2025", Local(2025, 6, 12));
                forum.Municipalities.Add(new EventMunicipality { MunicipalityKey = "05315000" }); // Köln: new as the forum's partner
                forum.Registrations.Add(Registration("Neu e. V.", "emil.gast@example.org"));
                forum.Registrations.Add(Registration("Forum e. V.", "x@example.org"));
                var earlier = Event(Pool, "Forum 2024", Local(2024, 6, 12));
                earlier.Registrations.Add(Registration("Vorjahr gGmbH", "fritz.frueher@example.org"));
                db.Events.AddRange(forum, earlier);

                var witten = Organisation(Pool, "Agenda-Büro Witten");
                var network = Organisation(Pool, "Eine-Welt-Netz");
                var forumOrg = Organisation(Pool, "Forum e. V.");
                var alien = Organisation(otherPool, "Fremde Stiftung");
                db.Organisations.AddRange(witten, network, forumOrg, alien);
                var clara = Contact(Pool, "Clara Neu", "clara@example.org");
                var dora = Contact(Pool, "Dora Alt", "dora@example.org");
                var emil = Contact(Pool, "Emil Gast", "emil.gast@example.org");
                var fritz = Contact(Pool, "Fritz Früher", "fritz.frueher@example.org");
                var greta = Contact(otherPool, "Greta Fremd", "greta@example.org");
                db.Contacts.AddRange(clara, dora, emil, fritz, greta);
                await db.SaveChangesAsync();
                db.TimelineEntries.AddRange(
                    Entry(Pool, witten.Id, null, new(2025, 4, 1)),
                    Entry(Pool, network.Id, null, new(2024, 12, 31)), Entry(Pool, network.Id, null, new(2025, 1, 1)),
                    Entry(Pool, forumOrg.Id, null, new(2024, 3, 1)),
                    Entry(otherPool, alien.Id, null, new(2025, 4, 1)),
                    Entry(Pool, null, clara.Id, new(2025, 12, 31)),
                    Entry(Pool, null, dora.Id, new(2024, 1, 1)), Entry(Pool, null, dora.Id, new(2025, 1, 1)),
                    Entry(Pool, null, fritz.Id, new(2025, 7, 1)),
                    Entry(otherPool, null, greta.Id, new(2025, 7, 1)));
                return await db.SaveChangesAsync();
            });
        }

        private static Municipality Town(string key, string name, string state) => new()
        {
            OfficialKey = key, Level = MunicipalityLevel.Municipality, Name = name + ", Stadt", ShortName = name, SearchName = name.ToLowerInvariant(),
            TypeCode = "61", StateCode = state, DistrictKey = key[..5], Population = 50_000, ImportedAt = DateTimeOffset.UnixEpoch,
        };

        private Interview Interview(InterviewGuide guide, string key, DateOnly held, bool finished) => new()
        {
            PoolId = guide.PoolId, GuideId = guide.Id, MunicipalityKey = key, HeldOn = held, FinishedAt = finished ? DateTimeOffset.UnixEpoch : null,
            CreatedAt = DateTimeOffset.UnixEpoch, UpdatedAt = DateTimeOffset.UnixEpoch,
        };

        private static DateTimeOffset Local(int year, int month, int day) => ProgrammeTime.FromLocal(new DateOnly(year, month, day), new TimeOnly(17, 0))!.Value;

        private static Event Event(int pool, string title, DateTimeOffset at) => new()
        {
            PoolId = pool, Title = title, Kind = EventKind.DialogueForum, StartsAt = at, EndsAt = at.AddHours(2), IsPublic = true,
            CreatedAt = DateTimeOffset.UnixEpoch, UpdatedAt = DateTimeOffset.UnixEpoch,
        };

        private static EventRegistration Registration(string organisation, string email) => new()
        {
            Name = "Gast", Email = email, Organisation = organisation, Status = RegistrationStatus.Registered, TokenHash = Guid.NewGuid().ToString("N"),
            RegisteredAt = DateTimeOffset.UnixEpoch, ConsentGivenAt = DateTimeOffset.UnixEpoch, CheckedInAt = DateTimeOffset.UnixEpoch,
        };

        private static Organisation Organisation(int pool, string name) => new()
        {
            PoolId = pool, Name = name, Kind = OrganisationKind.Network, CreatedAt = DateTimeOffset.UnixEpoch, UpdatedAt = DateTimeOffset.UnixEpoch,
        };

        private static Contact Contact(int pool, string name, string email) => new()
        {
            PoolId = pool, Name = name, Email = email, CreatedAt = DateTimeOffset.UnixEpoch, UpdatedAt = DateTimeOffset.UnixEpoch,
        };

        private static TimelineEntry Entry(int pool, int? organisation, int? contact, DateOnly on) => new()
        {
            PoolId = pool, OrganisationId = organisation, ContactId = contact, Kind = TimelineKind.Meeting, On = on, Subject = "Gespräch", CreatedAt = DateTimeOffset.UnixEpoch,
        };
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(decimal? Figure, List<string> Labels)> CountAsync(string key)
    {
        var indicator = BuiltInIndicators.Find(key)!;
        return await app.WithDbAsync(async db =>
        {
            var scope = new ImpactScope(db, [app.Pool], 2025);
            return (await indicator.FigureAsync(scope, Ct), (await indicator.RecordsAsync(scope, 100, Ct)).Select(r => r.Label).Order().ToList());
        });
    }

    [Fact]
    public async Task Municipalities_count_when_first_met_in_the_year_by_interview_or_as_an_events_partner()
    {
        var (figure, labels) = await CountAsync("neue-kommunen");
        Assert.Equal(["Hattingen", "Köln"], labels);
        Assert.Equal(2, figure);
    }

    [Fact]
    public async Task Organisations_count_when_first_met_at_an_event_or_in_the_timeline_in_the_year()
    {
        var (figure, labels) = await CountAsync("neue-organisationen");
        Assert.Equal(["Agenda-Büro Witten", "Neu e. V."], labels);
        Assert.Equal(2, figure);
    }

    [Fact]
    public async Task Contact_persons_count_when_first_met_in_the_timeline_or_checked_in_at_an_event_in_the_year()
    {
        var (figure, labels) = await CountAsync("neue-kontakte");
        Assert.Equal(["Clara Neu", "Emil Gast"], labels);
        Assert.Equal(2, figure);
    }
}
