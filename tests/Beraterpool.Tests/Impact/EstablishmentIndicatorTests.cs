using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Applications;
using Beraterpool.Web.Features.Impact;
using Beraterpool.Web.Features.Mentoring;
using Beraterpool.Web.Features.Shared;

namespace Beraterpool.Tests.Impact;

/// <summary>
/// Calls and mentoring as sources of the report's "Aufbau und Qualifizierung" section, each with its own data counted by
/// hand: 2025 in the test pool, records of 2024 and 2026 and of another pool that must not count.
/// </summary>
public sealed class EstablishmentIndicatorTests(EstablishmentIndicatorTests.App app) : IClassFixture<EstablishmentIndicatorTests.App>
{
    public sealed class App() : TestApp(importGazetteer: false)
    {
        public int Pool { get; private set; }
        public int OtherPool { get; private set; }

        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            var coordinator = await this.CreateUserAsync("koord-aufbau@example.org", Roles.Coordinator);
            var other = await this.CreateUserAsync("koord-aufbau-fremd@example.org", Roles.Coordinator);
            var mentor = await this.CreateUserAsync("mentorin-aufbau@example.org", Roles.Mentor);
            Pool = (await this.CreatePoolAsync("aufbau", coordinator.Id)).Id;
            OtherPool = (await this.CreatePoolAsync("aufbau-fremd", other.Id)).Id;
            var a1 = (await this.CreateAdvisorAsync(Pool, "aufbau-eins")).Id;
            var a2 = (await this.CreateAdvisorAsync(Pool, "aufbau-zwei")).Id;
            var a3 = (await this.CreateAdvisorAsync(Pool, "aufbau-drei")).Id;
            var b1 = (await this.CreateAdvisorAsync(OtherPool, "aufbau-fremd")).Id;
            await WithDbAsync(async db =>
            {
                // Calls: "Aufruf 2025" closed on 31 Dec 2025 23:30 Berlin time, "Aufruf 2026" on 1 Jan 2026 00:30, "Aufruf 2024" the year before.
                var c2025 = Call(Pool, "Aufruf 2025", Local(2025, 12, 31, 23, 30));
                var c2026 = Call(Pool, "Aufruf 2026", Local(2026, 1, 1, 0, 30));
                var c2024 = Call(Pool, "Aufruf 2024", Local(2024, 6, 30));
                var foreign = Call(OtherPool, "Fremder Aufruf", Local(2025, 6, 30));
                db.Calls.AddRange(c2025, c2026, c2024, foreign);
                await db.SaveChangesAsync();
                db.Applications.AddRange(
                    Application(c2025, "Ada", "Aufgenommen", ApplicationStatus.Accepted, told: true),
                    Application(c2025, "Bea", "Entwurf", ApplicationStatus.Accepted, told: false),
                    Application(c2025, "Cem", "Warteliste", ApplicationStatus.WaitingList, told: true),
                    Application(c2025, "Dan", "Abgelehnt", ApplicationStatus.Declined, told: true),
                    Application(c2024, "Eva", "Vorjahr", ApplicationStatus.Accepted, told: true),
                    Application(c2026, "Fin", "Folgejahr", ApplicationStatus.Accepted, told: true),
                    Application(foreign, "Gil", "Fremd", ApplicationStatus.Accepted, told: true));

                // Mentoring: one pair across the year's start, one within it, one that ended in 2024, one only proposed, one of the other pool.
                var across = Pair(Pool, a1, mentor.Id, MentorshipStatus.Completed, new(2024, 9, 1), new(2025, 2, 28));
                var within = Pair(Pool, a2, mentor.Id, MentorshipStatus.Active, new(2025, 5, 1), null);
                var ended = Pair(Pool, a3, mentor.Id, MentorshipStatus.EndedEarly, new(2024, 1, 1), new(2024, 12, 31));
                var proposed = Pair(Pool, a3, mentor.Id, MentorshipStatus.Proposed, new(2025, 6, 1), null);
                var alien = Pair(OtherPool, b1, mentor.Id, MentorshipStatus.Active, new(2025, 1, 1), null);
                db.Mentorships.AddRange(across, within, ended, proposed, alien);
                await db.SaveChangesAsync();
                db.MentoringMeetings.AddRange(
                    Meeting(across.Id, new(2024, 12, 31), "Treffen Silvester"),
                    Meeting(across.Id, new(2025, 1, 15), "Treffen Januar"),
                    Meeting(within.Id, new(2025, 12, 31), "Treffen Dezember"),
                    Meeting(within.Id, new(2026, 1, 1), "Treffen Neujahr"),
                    Meeting(alien.Id, new(2025, 3, 1), "Fremdes Treffen"));
                return await db.SaveChangesAsync();
            });
        }

        private static DateTimeOffset Local(int year, int month, int day, int hour = 12, int minute = 0) =>
            ProgrammeTime.FromLocal(new DateOnly(year, month, day), new TimeOnly(hour, minute))!.Value;

        private static Call Call(int pool, string title, DateTimeOffset closes) => new()
        {
            PoolId = pool, Title = title, OpensAt = closes.AddMonths(-1), ClosesAt = closes, CreatedAt = DateTimeOffset.UnixEpoch, UpdatedAt = DateTimeOffset.UnixEpoch,
        };

        private static Application Application(Call call, string first, string last, ApplicationStatus status, bool told) => new()
        {
            CallId = call.Id, PoolId = call.PoolId, FirstName = first, LastName = last, Email = $"{first.ToLowerInvariant()}@example.org", Motivation = "Motivation",
            TokenHash = Guid.NewGuid().ToString("N"), Status = status, SubmittedAt = call.OpensAt, UpdatedAt = call.OpensAt,
            DecidedAt = call.ClosesAt.AddDays(7), DecisionSentAt = told ? call.ClosesAt.AddDays(8) : null,
        };

        private static Mentorship Pair(int pool, int advisor, string mentor, MentorshipStatus status, DateOnly start, DateOnly? end) => new()
        {
            PoolId = pool, AdvisorId = advisor, MentorUserId = mentor, Goals = "Ziele", Status = status, StartDate = start, EndDate = end,
            CreatedAt = DateTimeOffset.UnixEpoch, UpdatedAt = DateTimeOffset.UnixEpoch,
        };

        private static MentoringMeeting Meeting(int pair, DateOnly date, string topics) => new() { MentorshipId = pair, Date = date, Topics = topics, CreatedAt = DateTimeOffset.UnixEpoch };
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(int Figure, List<string> Labels, List<string> Details)> CountAsync(string key, int year = 2025)
    {
        var indicator = BuiltInIndicators.Find(key)!;
        return await app.WithDbAsync(async db =>
        {
            var scope = new ImpactScope(db, [app.Pool], year);
            var figure = (int)(await indicator.FigureAsync(scope, Ct) ?? -1);
            var records = await indicator.RecordsAsync(scope, 100, Ct);
            return (figure, records.Select(r => r.Label).Order().ToList(), records.Select(r => r.Detail ?? "").Order().ToList());
        });
    }

    [Fact]
    public async Task Calls_count_in_the_year_their_period_closed_in_German_time()
    {
        var (figure, labels, _) = await CountAsync("aufrufe");
        Assert.Equal(1, figure);
        Assert.Equal(["Aufruf 2025"], labels);
        Assert.Equal(["Aufruf 2026"], (await CountAsync("aufrufe", 2026)).Labels);
    }

    [Fact]
    public async Task Accepted_applicants_count_once_the_decision_was_told_and_only_for_the_years_calls()
    {
        var (figure, labels, details) = await CountAsync("bewerbungen-aufgenommen");
        Assert.Equal(1, figure);
        Assert.Equal(["Ada Aufgenommen"], labels);
        Assert.Equal(["Aufruf 2025"], details);
    }

    [Fact]
    public async Task Mentoring_pairs_count_when_under_way_in_the_year_and_meetings_by_their_day()
    {
        var pairs = await CountAsync("mentoring-tandems");
        Assert.Equal(2, pairs.Figure);
        Assert.Equal(2, pairs.Labels.Count);
        Assert.All(pairs.Details, d => Assert.Contains("mentorin-aufbau@example.org", d));
        var meetings = await CountAsync("mentoring-treffen");
        Assert.Equal(2, meetings.Figure);
        Assert.Equal(["Treffen Dezember", "Treffen Januar"], meetings.Details);
    }

    [Fact]
    public async Task The_report_shows_the_establishment_figures_with_drill_downs()
    {
        var client = await app.SignInAsync("koord-aufbau@example.org");
        var html = await client.GetStringAsync($"/manage/reports/2025?pool={app.Pool}", Ct);
        foreach (var name in new[] { "Bewerbungsaufrufe", "Aufgenommene Bewerber*innen", "Mentoring-Tandems", "Mentoring-Treffen" })
            Assert.Contains(name, Html.Text(html));
        var drill = Html.Text(await client.GetStringAsync($"/manage/reports/2025/indicators/bewerbungen-aufgenommen?pool={app.Pool}", Ct));
        Assert.Contains("Ada Aufgenommen", drill);
        Assert.DoesNotContain("Bea Entwurf", drill);
        Assert.DoesNotContain("Gil Fremd", drill);
    }
}
