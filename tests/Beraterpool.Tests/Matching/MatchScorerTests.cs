using System.Globalization;
using Beraterpool.Web.Features.Advisors;
using Beraterpool.Web.Features.Advisors.Manage;
using Beraterpool.Web.Features.Engagements;
using Beraterpool.Web.Features.Matching;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Tests.Matching;

public sealed class MatchScorerTests
{
    // Köln (the request) and three NRW cities at known distances.
    private const double KoelnLat = 50.938107, KoelnLon = 6.957068;
    private static readonly (double Lat, double Lon) Bonn = (50.734245, 7.099187);
    private static readonly (double Lat, double Lon) Muenster = (51.961908, 7.626804);
    private const int FairProcurement = 1, Sdgs = 2, Partnerships = 3;

    private static readonly DateOnly Today = new(2026, 3, 1);

    private static MatchRequest Request(int[]? topics = null, string[]? languages = null, bool online = false) =>
        new(topics ?? [FairProcurement], languages ?? [], KoelnLat, KoelnLon, Today, Today.AddDays(29), "05315000", "05315", online);

    private static MatchCandidate Advisor(int id, string last, (double Lat, double Lon)? city = null, int[]? topics = null,
        (string Code, LanguageLevel Level)[]? languages = null, AdvisorStatus status = AdvisorStatus.Active, string? employer = null,
        int halfDays = 0, int open = 0, int? daysPerMonth = 4, CandidatePeriod[]? blocked = null) => new()
    {
        Id = id, FirstName = "Vorname", LastName = last, Status = status, EmployerKey = employer,
        Latitude = (city ?? (KoelnLat, KoelnLon)).Lat, Longitude = (city ?? (KoelnLat, KoelnLon)).Lon,
        TopicIds = topics ?? [FairProcurement],
        Languages = (languages ?? [("de", LanguageLevel.Native)]).Select(l => new CandidateLanguage(l.Code, l.Level)).ToArray(),
        HalfDaysThisYear = halfDays, OpenEngagements = open, DaysPerMonth = daysPerMonth, BlockedPeriods = blocked ?? [],
    };

    private static MatchingWeights Weights(int topics = 5, int languages = 3, int distance = 2, int availability = 3, int workload = 2, int maxKm = 200) =>
        new() { Topics = topics, Languages = languages, Distance = distance, Availability = availability, Workload = workload, MaxDistanceKm = maxKm };

    private static string[] Order(MatchResult result) => result.Singles.Select(s => s.Advisor.LastName).ToArray();

    [Fact]
    public void Language_match_beats_distance_when_the_weights_say_so_and_distance_wins_with_other_weights()
    {
        var request = Request(languages: ["fr"]);
        MatchCandidate[] pool =
        [
            Advisor(1, "Diallo", Muenster, languages: [("fr", LanguageLevel.Native), ("de", LanguageLevel.Fluent)]),
            Advisor(2, "Nguyen", (KoelnLat, KoelnLon), languages: [("de", LanguageLevel.Fluent), ("vi", LanguageLevel.Native)]),
        ];

        Assert.Equal(["Diallo", "Nguyen"], Order(MatchScorer.Rank(request, pool, Weights(languages: 8, distance: 2))));
        Assert.Equal(["Nguyen", "Diallo"], Order(MatchScorer.Rank(request, pool, Weights(languages: 1, distance: 9))));
    }

    [Fact]
    public void Paused_advisor_is_never_suggested_even_as_the_best_fit()
    {
        MatchCandidate[] pool =
        [
            Advisor(1, "Perfekt", topics: [FairProcurement, Sdgs], status: AdvisorStatus.Paused),
            Advisor(2, "Solide", topics: []),
        ];

        var result = MatchScorer.Rank(Request(topics: [FairProcurement, Sdgs]), pool, Weights());

        Assert.Equal(["Solide"], Order(result));
        Assert.DoesNotContain(result.Tandems, t => t.First.Id == 1 || t.Second.Id == 1);
        var excluded = Assert.Single(result.Excluded);
        Assert.Equal((1, ExclusionReason.NotActive), (excluded.Advisor.Id, excluded.Reason));
    }

    [Theory]
    [InlineData("05315000")] // the city itself
    [InlineData("05315")] // its district (Köln is a kreisfreie Stadt: same district key)
    public void Advisor_employed_by_the_municipality_or_its_district_is_excluded_with_the_reason(string employer)
    {
        MatchCandidate[] pool = [Advisor(1, "Angestellt", employer: employer), Advisor(2, "Frei", employer: "05314000")];

        var result = MatchScorer.Rank(Request(), pool, Weights());

        Assert.Equal(["Frei"], Order(result));
        Assert.Equal(ExclusionReason.Conflict, Assert.Single(result.Excluded).Reason);
        Assert.Contains("Interessenkonflikt", Texts().Reason(result.Excluded[0]));
    }

    [Fact]
    public void Request_for_a_district_conflicts_with_an_employer_among_its_municipalities()
    {
        var district = Request() with { MunicipalityKey = "05374", DistrictKey = "05374" };
        Assert.True(MatchScorer.Conflicts("05374012", district));
        Assert.False(MatchScorer.Conflicts("05370004", district));
    }

    [Fact]
    public void Workload_fairness_changes_the_order()
    {
        var request = Request(languages: ["fr"]);
        MatchCandidate[] pool =
        [
            // Slightly better French, but 8 days logged this year and two open engagements.
            Advisor(1, "Adams", languages: [("fr", LanguageLevel.Fluent)], halfDays: 16, open: 2),
            Advisor(2, "Zulu", languages: [("fr", LanguageLevel.Good)]),
        ];

        Assert.Equal(["Adams", "Zulu"], Order(MatchScorer.Rank(request, pool, Weights(workload: 0))));
        Assert.Equal(["Zulu", "Adams"], Order(MatchScorer.Rank(request, pool, Weights(workload: 2))));
    }

    [Fact]
    public void Blocked_period_lowers_availability_and_zero_days_per_month_removes_it()
    {
        var request = Request(); // 30 days from 1 March
        MatchCandidate[] pool =
        [
            Advisor(1, "Frei"),
            Advisor(2, "Halb", blocked: [new(Today.AddDays(-10), Today.AddDays(9)), new(Today.AddDays(5), Today.AddDays(14))]),
            Advisor(3, "Keine", daysPerMonth: 0),
        ];

        var result = MatchScorer.Rank(request, pool, Weights());

        Assert.Equal(["Frei", "Halb", "Keine"], Order(result));
        AvailabilityExplanation Availability(string name) =>
            result.Singles.Single(s => s.Advisor.LastName == name).Criteria.OfType<AvailabilityExplanation>().Single();
        Assert.Equal(1.0, Availability("Frei").Fraction);
        Assert.Equal((15, 30, 0.5), (Availability("Halb").BlockedDays, Availability("Halb").PeriodDays, Availability("Halb").Fraction));
        Assert.Equal(0.0, Availability("Keine").Fraction);
    }

    [Fact]
    public void Tandem_appears_when_two_advisors_cover_complementary_topics()
    {
        var request = Request(topics: [FairProcurement, Sdgs]);
        MatchCandidate[] pool =
        [
            Advisor(1, "Beschaffung", topics: [FairProcurement]),
            Advisor(2, "Agenda", topics: [Sdgs]),
            Advisor(3, "Partner", topics: [Partnerships]),
        ];

        var result = MatchScorer.Rank(request, pool, Weights());

        var tandem = result.Tandems[0];
        Assert.Equal(["Agenda", "Beschaffung"], new[] { tandem.First.LastName, tandem.Second.LastName }.Order().ToArray());
        Assert.Equal([FairProcurement, Sdgs], tandem.Criteria.OfType<TopicsExplanation>().Single().Covered.Order().ToArray());
        Assert.True(tandem.Score > result.Singles[0].Score);
        var adds = Texts().Adds(tandem.First, tandem.FirstAddsTopics, tandem.FirstAddsLanguages, TopicNames);
        Assert.Contains(tandem.First.FullName, adds);
        Assert.Contains(TopicNames[tandem.FirstAddsTopics.Single()], adds);
        // Partner adds nothing the request asks for: no tandem with it beats its partner alone.
        Assert.DoesNotContain(result.Tandems, t => t.First.Id == 3 && t.Second.Id == 3);
    }

    [Fact]
    public void Defect16_the_listed_tandems_do_not_all_contain_the_same_person()
    {
        // One advisor covers fair procurement and the language; six others each add only the SDGs. Unchecked, the strong
        // advisor pairs with all six and every suggested tandem contains her.
        var request = Request(topics: [FairProcurement, Sdgs]);
        MatchCandidate[] pool =
        [
            Advisor(1, "Stark", topics: [FairProcurement]),
            .. Enumerable.Range(2, 6).Select(i => Advisor(i, $"Agenda{i}", Bonn, topics: [Sdgs])),
            Advisor(8, "Beschaffung", Muenster, topics: [FairProcurement]),
            Advisor(9, "Einkauf", Muenster, topics: [FairProcurement], halfDays: 4),
        ];

        var tandems = MatchScorer.Rank(request, pool, Weights()).Tandems;

        Assert.Equal(5, tandems.Count);
        var appearances = tandems.SelectMany(t => new[] { t.First.Id, t.Second.Id }).CountBy(id => id).ToDictionary();
        Assert.All(appearances, a => Assert.True(a.Value <= MatchScorer.TandemsPerAdvisor, $"advisor {a.Key} in {a.Value} tandems"));
        Assert.Equal(2, appearances[1]);
    }

    [Fact]
    public void A_pair_the_coordinator_puts_together_is_scored_like_a_suggested_tandem()
    {
        var request = Request(topics: [FairProcurement, Sdgs]);
        MatchCandidate[] pool = [Advisor(1, "Beschaffung", topics: [FairProcurement]), Advisor(2, "Agenda", topics: [Sdgs])];
        var suggested = MatchScorer.Rank(request, pool, Weights()).Tandems.Single();

        var own = MatchScorer.ScorePair(request, Weights(), pool[0], pool[1]);

        Assert.Equal(suggested.Score, own.Score, 6);
        Assert.Equal([FairProcurement, Sdgs], own.Criteria.OfType<TopicsExplanation>().Single().Covered.Order().ToArray());
    }

    [Fact]
    public void No_tandem_when_one_advisor_already_covers_everything()
    {
        MatchCandidate[] pool = [Advisor(1, "Alles", topics: [FairProcurement, Sdgs]), Advisor(2, "Teil", topics: [Sdgs])];
        Assert.Empty(MatchScorer.Rank(Request(topics: [FairProcurement, Sdgs]), pool, Weights()).Tandems);
    }

    [Fact]
    public void Explanations_name_each_criterion_with_facts_and_points()
    {
        var request = Request(topics: [FairProcurement, Sdgs, Partnerships], languages: ["fr"]);
        MatchCandidate[] pool =
        [
            Advisor(1, "Diallo", Bonn, topics: [FairProcurement, Sdgs], languages: [("fr", LanguageLevel.Native)], halfDays: 6, open: 1),
        ];

        var single = MatchScorer.Rank(request, pool, Weights()).Singles.Single();
        var lines = single.Criteria.Select(c => Texts().Line(c, TopicNames)).ToArray();

        Assert.Equal(5, lines.Length);
        Assert.Equal("Themen: 2 von 3 (Faire Beschaffung, SDGs) – 33 von 50 Punkten", lines[0]);
        Assert.StartsWith("Sprachen: 1 von 1 (Französisch Muttersprache)", lines[1]);
        Assert.Matches(@"^Entfernung: 25 km \(0 Punkte ab 200 km\) – 18 von 20 Punkten$", lines[2]);
        Assert.StartsWith("Verfügbarkeit: im gewünschten Zeitraum frei – 30 von 30 Punkten", lines[3]);
        Assert.StartsWith("Auslastung: 3 Beratungstage in diesem Jahr, 1 laufende Begleitungen", lines[4]);
        Assert.Equal(single.Criteria.Sum(c => c.Points), single.Score, 6);
    }

    [Fact]
    public void Without_a_language_wish_German_counts_as_the_shared_language()
    {
        MatchCandidate[] pool = [Advisor(1, "Deutsch"), Advisor(2, "Englisch", languages: [("en", LanguageLevel.Native)])];

        var result = MatchScorer.Rank(Request(), pool, Weights());

        var german = result.Singles[0].Criteria.OfType<LanguagesExplanation>().Single();
        Assert.Equal(("Deutsch", true, 1.0), (result.Singles[0].Advisor.LastName, german.GermanAssumed, german.Fraction));
        Assert.Equal(0.0, result.Singles[1].Criteria.OfType<LanguagesExplanation>().Single().Fraction);
    }

    [Fact]
    public void Distance_scores_linearly_to_zero_at_the_maximum()
    {
        Assert.InRange(MatchScorer.GreatCircleKm(KoelnLat, KoelnLon, Bonn.Lat, Bonn.Lon), 24, 26);
        MatchCandidate[] pool = [Advisor(1, "Bonn", Bonn), Advisor(2, "Muenster", Muenster)];

        var result = MatchScorer.Rank(Request(), pool, Weights(maxKm: 100));

        var far = result.Singles.Single(s => s.Advisor.LastName == "Muenster").Criteria.OfType<DistanceExplanation>().Single();
        var near = result.Singles.Single(s => s.Advisor.LastName == "Bonn").Criteria.OfType<DistanceExplanation>().Single();
        Assert.Equal(0.0, far.Fraction);
        Assert.Equal(1 - near.DistanceKm!.Value / 100, near.Fraction, 6);
    }

    [Fact]
    public void Ties_go_to_fewer_days_then_to_the_name()
    {
        MatchCandidate[] pool = [Advisor(1, "Cem"), Advisor(2, "Abe", halfDays: 1), Advisor(3, "Bea"), Advisor(4, "Ada")];
        // Workload weight 0: equal scores; the one with a logged half day goes last although first by name.
        Assert.Equal(["Ada", "Bea", "Cem", "Abe"], Order(MatchScorer.Rank(Request(), pool, Weights(workload: 0))));
    }

    [Fact]
    public void Earlier_answers_to_the_same_request_exclude_with_the_reason()
    {
        MatchCandidate[] pool =
        [
            Advisor(1, "Wartet") , Advisor(2, "Nein"), Advisor(3, "Zurueck"),
        ];
        pool[0].Invitation = InvitationStatus.Pending;
        pool[1].Invitation = InvitationStatus.Declined;
        pool[1].InvitationReason = "Keine Zeit im Mai";
        pool[2].Invitation = InvitationStatus.Withdrawn;

        var result = MatchScorer.Rank(Request(), pool, Weights());

        Assert.Equal(["Zurueck"], Order(result));
        Assert.Contains(result.Excluded, e => Texts().Reason(e) == "hat abgelehnt: Keine Zeit im Mai");
    }

    private static readonly Dictionary<int, string> TopicNames = new()
    {
        [FairProcurement] = "Faire Beschaffung", [Sdgs] = "SDGs", [Partnerships] = "Kommunale Partnerschaften",
    };

    private static MatchTexts Texts() => new(new GermanKeys<MatchTexts>(), new AdvisorStatusNames(new GermanKeys<AdvisorStatusNames>()));

    /// <summary>German is the key: the German text is the resource name itself, formatted de-DE.</summary>
    private sealed class GermanKeys<T> : IStringLocalizer<T>
    {
        private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");
        public LocalizedString this[string name] => new(name, name);
        public LocalizedString this[string name, params object[] arguments] => new(name, string.Format(German, name, arguments));
        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}
