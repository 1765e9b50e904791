using System.Numerics;
using Beraterpool.Web.Features.Advisors;
using Beraterpool.Web.Features.Engagements;

namespace Beraterpool.Web.Features.Matching;

/// <summary>
/// Ranks a pool's advisors for one request. Each criterion yields a share between 0 and 1 of its weight × 10 points
/// (a weight of 5 means up to 50 points), so a coordinator can read every score as "x of y points".
/// <list type="bullet">
/// <item>Topics: the share of the requested topics the advisor covers (no topics requested: full points).</item>
/// <item>Languages: per requested language the advisor's best level (native/fluent 1, good ¾, basic 0.4), averaged.
///   A request without a language wish is held in German, so then German is the shared language asked for;
///   an advisor without German on the profile gets no points here (but is not excluded).</item>
/// <item>Distance: great-circle km between the advisor's city and the municipality; full points at 0 km, none at
///   ≥ MaxDistanceKm, linear between. A missing coordinate gives half points; an online request full points.</item>
/// <item>Availability: the share of the requested period not covered by blocked periods; 0 days per month → none.</item>
/// <item>Workload: days logged this year plus two days per open engagement; full points at 0, none at ≥ 20 days,
///   so that work is spread fairly.</item>
/// </list>
/// Never suggested: advisors who are not active, who work for the municipality or its district (or, for a district,
/// for one of its municipalities), and those already asked for this request. Ties go to fewer days, then the name.
/// The loop over candidates allocates nothing; explanations are built only for the advisors shown.
/// </summary>
public static class MatchScorer
{
    public const int PointsPerWeight = 10;
    public const double WorkloadFullDays = 20;
    public const double DaysPerOpenEngagement = 2;
    /// <summary>Excluded advisors listed by name; the rest only counted (a 50,000 pool has thousands of inactive members).</summary>
    public const int ExcludedListLimit = 200;
    private const int MaxTopics = 64;

    public static MatchResult Rank(MatchRequest request, IReadOnlyList<MatchCandidate> candidates, MatchingWeights weights,
        int singles = 20, int tandems = 5, int tandemPool = 15)
    {
        var prepared = new Prepared(request, weights);
        var keep = Math.Max(singles, tandemPool);
        var top = new TopList(keep);
        var excluded = new List<Exclusion>();
        var excludedTotal = 0;
        var inactiveListed = 0;

        for (var i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            if (Excluded(c, request) is { } reason)
            {
                excludedTotal++;
                // Conflicts and earlier answers are always listed; inactive members only up to the limit.
                if (reason != ExclusionReason.NotActive || inactiveListed++ < ExcludedListLimit) excluded.Add(new Exclusion(c, reason));
                continue;
            }
            top.Offer(Score(prepared, c), c);
        }

        var ranked = top.Ranked();
        var singleList = new List<MatchSuggestion>(Math.Min(singles, ranked.Count));
        for (var i = 0; i < ranked.Count && i < singles; i++)
            singleList.Add(new MatchSuggestion(ranked[i].Candidate, ranked[i].Score, Explain(prepared, ranked[i].Candidate)));

        excluded.Sort((a, b) => a.Reason != b.Reason ? b.Reason.CompareTo(a.Reason) : CompareNames(a.Advisor, b.Advisor));
        return new MatchResult(singleList, Tandems(prepared, ranked.Take(tandemPool).Select(r => r.Candidate).ToList(), tandems),
            excluded, excludedTotal, candidates.Count - excludedTotal, prepared.MaxScore);
    }

    public static ExclusionReason? Excluded(MatchCandidate c, MatchRequest request)
    {
        if (c.Status != AdvisorStatus.Active) return ExclusionReason.NotActive;
        if (Conflicts(c.EmployerKey, request)) return ExclusionReason.Conflict;
        return c.Invitation switch
        {
            InvitationStatus.Pending => ExclusionReason.AlreadyProposed,
            InvitationStatus.Accepted => ExclusionReason.Accepted,
            InvitationStatus.Declined => ExclusionReason.Declined,
            _ => null,
        };
    }

    /// <summary>Employed by the municipality, by its district, or — when the request is for a district — by one of its municipalities.</summary>
    public static bool Conflicts(string? employerKey, MatchRequest request) =>
        employerKey is { Length: > 0 } e
        && (e == request.MunicipalityKey || e == request.DistrictKey
            || (request.MunicipalityKey.Length == 5 && e.StartsWith(request.MunicipalityKey, StringComparison.Ordinal)));

    public static double Score(MatchRequest request, MatchCandidate c, MatchingWeights weights) => Score(new Prepared(request, weights), c);

    private static double Score(Prepared p, MatchCandidate c) =>
        TopicFraction(p, TopicMask(p, c)) * p.Topics
        + LanguageFraction(p, c) * p.Languages
        + DistanceFraction(p, c, out _) * p.Distance
        + AvailabilityFraction(p, c, out _) * p.Availability
        + WorkloadFraction(c) * p.Workload;

    private static IReadOnlyList<CriterionExplanation> Explain(Prepared p, MatchCandidate c)
    {
        var mask = TopicMask(p, c);
        var distance = DistanceFraction(p, c, out var km);
        var availability = AvailabilityFraction(p, c, out var blocked);
        return
        [
            new TopicsExplanation(TopicFraction(p, mask), p.W.Topics, CoveredTopics(p, mask), p.TopicIds.Length),
            new LanguagesExplanation(LanguageFraction(p, c), p.W.Languages, SharedLanguages(p, c.Languages), p.RequestedLanguages, p.GermanAssumed),
            new DistanceExplanation(distance, p.W.Distance, km, p.W.MaxDistanceKm, p.Request.Online),
            new AvailabilityExplanation(availability, p.W.Availability, blocked, p.PeriodDays, c.DaysPerMonth),
            new WorkloadExplanation(WorkloadFraction(c), p.W.Workload, c.HalfDaysThisYear, c.OpenEngagements),
        ];
    }

    // --- criteria -------------------------------------------------------------------------------------------

    private static ulong TopicMask(Prepared p, MatchCandidate c)
    {
        ulong mask = 0;
        var wanted = p.TopicIds;
        foreach (var topic in c.TopicIds)
        {
            for (var t = 0; t < wanted.Length; t++)
            {
                if (wanted[t] == topic) { mask |= 1UL << t; break; }
            }
        }
        return mask;
    }

    private static double TopicFraction(Prepared p, ulong mask) =>
        p.TopicIds.Length == 0 ? 1 : (double)BitOperations.PopCount(mask) / p.TopicIds.Length;

    private static int[] CoveredTopics(Prepared p, ulong mask) =>
        p.TopicIds.Where((_, t) => (mask & (1UL << t)) != 0).ToArray();

    public static double LevelFactor(LanguageLevel level) => level switch
    {
        LanguageLevel.Native or LanguageLevel.Fluent => 1,
        LanguageLevel.Good => 0.75,
        LanguageLevel.Basic => 0.4,
        _ => 0,
    };

    private static double LanguageFactor(string code, CandidateLanguage[] languages)
    {
        var best = 0.0;
        foreach (var l in languages)
        {
            if (string.Equals(l.Code, code, StringComparison.Ordinal)) best = Math.Max(best, LevelFactor(l.Level));
        }
        return best;
    }

    private static double LanguageFraction(Prepared p, MatchCandidate c)
    {
        var sum = 0.0;
        foreach (var code in p.LanguageCodes) sum += LanguageFactor(code, c.Languages);
        return sum / p.LanguageCodes.Length;
    }

    private static CandidateLanguage[] SharedLanguages(Prepared p, IEnumerable<CandidateLanguage> languages) =>
        p.LanguageCodes
            .Select(code => languages.Where(l => l.Code == code).OrderByDescending(l => LevelFactor(l.Level)).FirstOrDefault())
            .Where(l => l.Code is not null)
            .ToArray();

    private static double DistanceFraction(Prepared p, MatchCandidate c, out double? km)
    {
        km = null;
        if (p.Request.Latitude is { } lat1 && p.Request.Longitude is { } lon1 && c.Latitude is { } lat2 && c.Longitude is { } lon2)
            km = GreatCircleKm(lat1, lon1, lat2, lon2);
        if (p.Request.Online) return 1;
        if (km is not { } d) return 0.5;
        return Math.Max(0, 1 - d / Math.Max(1, p.W.MaxDistanceKm));
    }

    /// <summary>Haversine distance on a sphere of the Earth's mean radius.</summary>
    public static double GreatCircleKm(double lat1, double lon1, double lat2, double lon2)
    {
        const double radius = 6371.0088;
        const double toRad = Math.PI / 180;
        var dLat = (lat2 - lat1) * toRad;
        var dLon = (lon2 - lon1) * toRad;
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
                + Math.Cos(lat1 * toRad) * Math.Cos(lat2 * toRad) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * radius * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    private static double AvailabilityFraction(Prepared p, MatchCandidate c, out int blockedDays)
    {
        blockedDays = BlockedDays(p.Request.From, p.Request.To, c.BlockedPeriods);
        if (c.DaysPerMonth == 0) return 0;
        return 1 - (double)blockedDays / p.PeriodDays;
    }

    /// <summary>Days of [from, to] covered by the (start-sorted) periods, overlaps counted once.</summary>
    public static int BlockedDays(DateOnly from, DateOnly to, CandidatePeriod[] periods)
    {
        var days = 0;
        var covered = from.DayNumber - 1; // last day already counted
        foreach (var b in periods)
        {
            var start = Math.Max(Math.Max(b.From.DayNumber, from.DayNumber), covered + 1);
            var end = Math.Min(b.To.DayNumber, to.DayNumber);
            if (end < start) continue;
            days += end - start + 1;
            covered = end;
        }
        return days;
    }

    private static double WorkloadFraction(MatchCandidate c) =>
        Math.Max(0, 1 - (c.HalfDaysThisYear / 2.0 + c.OpenEngagements * DaysPerOpenEngagement) / WorkloadFullDays);

    // --- tandems --------------------------------------------------------------------------------------------

    /// <summary>
    /// How often one person may appear among the listed tandems: without a cap the best single advisor pairs with
    /// everyone and all suggestions contain the same person.
    /// </summary>
    public const int TandemsPerAdvisor = 2;

    private static List<TandemSuggestion> Tandems(Prepared p, List<MatchCandidate> pool, int count)
    {
        var found = new List<(TandemSuggestion Tandem, int HalfDays)>();
        if (count <= 0 || p.W.Topics + p.W.Languages == 0) return [];
        var masks = pool.Select(c => TopicMask(p, c)).ToArray();
        var languageFactors = pool.Select(c => LanguageFactors(p, c)).ToArray();
        for (var i = 0; i < pool.Count; i++)
        {
            for (var j = i + 1; j < pool.Count; j++)
            {
                var alone = Math.Max(Coverage(p, masks[i], languageFactors[i]), Coverage(p, masks[j], languageFactors[j]));
                var jointLanguages = languageFactors[i].Zip(languageFactors[j], Math.Max).ToArray();
                if (Coverage(p, masks[i] | masks[j], jointLanguages) <= alone + 1e-9) continue;
                var tandem = Pair(p, pool[i], pool[j], masks[i], masks[j], languageFactors[i], languageFactors[j]);
                found.Add((tandem, pool[i].HalfDaysThisYear + pool[j].HalfDaysThisYear));
            }
        }
        found.Sort((x, y) =>
        {
            var byScore = Math.Round(y.Tandem.Score, 6).CompareTo(Math.Round(x.Tandem.Score, 6));
            if (byScore != 0) return byScore;
            if (x.HalfDays != y.HalfDays) return x.HalfDays.CompareTo(y.HalfDays);
            var first = CompareNames(x.Tandem.First, y.Tandem.First);
            return first != 0 ? first : CompareNames(x.Tandem.Second, y.Tandem.Second);
        });
        var listed = new List<TandemSuggestion>(count);
        var appearances = new Dictionary<int, int>();
        foreach (var (tandem, _) in found)
        {
            if (listed.Count == count) break;
            if (appearances.GetValueOrDefault(tandem.First.Id) >= TandemsPerAdvisor
                || appearances.GetValueOrDefault(tandem.Second.Id) >= TandemsPerAdvisor) continue;
            listed.Add(tandem);
            appearances[tandem.First.Id] = appearances.GetValueOrDefault(tandem.First.Id) + 1;
            appearances[tandem.Second.Id] = appearances.GetValueOrDefault(tandem.Second.Id) + 1;
        }
        return listed;
    }

    /// <summary>A tandem the coordinator puts together herself, scored and explained like the suggested ones.</summary>
    public static TandemSuggestion ScorePair(MatchRequest request, MatchingWeights weights, MatchCandidate a, MatchCandidate b)
    {
        var p = new Prepared(request, weights);
        return Pair(p, a, b, TopicMask(p, a), TopicMask(p, b), LanguageFactors(p, a), LanguageFactors(p, b));
    }

    private static double[] LanguageFactors(Prepared p, MatchCandidate c) =>
        p.LanguageCodes.Select(code => LanguageFactor(code, c.Languages)).ToArray();

    private static TandemSuggestion Pair(Prepared p, MatchCandidate a, MatchCandidate b, ulong maskA, ulong maskB, double[] languagesA, double[] languagesB)
    {
        var jointLanguages = languagesA.Zip(languagesB, Math.Max).ToArray();
        var jointMask = maskA | maskB;
        var distanceA = DistanceFraction(p, a, out var kmA);
        var distanceB = DistanceFraction(p, b, out var kmB);
        var availabilityA = AvailabilityFraction(p, a, out var blockedA);
        var availabilityB = AvailabilityFraction(p, b, out var blockedB);
        CriterionExplanation[] criteria =
        [
            new TopicsExplanation(TopicFraction(p, jointMask), p.W.Topics, CoveredTopics(p, jointMask), p.TopicIds.Length),
            new LanguagesExplanation(jointLanguages.Average(), p.W.Languages, SharedLanguages(p, a.Languages.Concat(b.Languages)),
                p.RequestedLanguages, p.GermanAssumed),
            new DistanceExplanation((distanceA + distanceB) / 2, p.W.Distance, kmA is { } x && kmB is { } y ? (x + y) / 2 : null,
                p.W.MaxDistanceKm, p.Request.Online),
            new AvailabilityExplanation((availabilityA + availabilityB) / 2, p.W.Availability, (int)Math.Round((blockedA + blockedB) / 2.0), p.PeriodDays,
                a.DaysPerMonth is { } da && b.DaysPerMonth is { } db ? Math.Min(da, db) : a.DaysPerMonth ?? b.DaysPerMonth),
            new WorkloadExplanation((WorkloadFraction(a) + WorkloadFraction(b)) / 2, p.W.Workload,
                a.HalfDaysThisYear + b.HalfDaysThisYear, a.OpenEngagements + b.OpenEngagements),
        ];
        return new TandemSuggestion(a, b, criteria.Sum(c => c.Points), criteria,
            CoveredTopics(p, maskA & ~maskB), Adds(p, languagesA, languagesB),
            CoveredTopics(p, maskB & ~maskA), Adds(p, languagesB, languagesA));
    }

    private static double Coverage(Prepared p, ulong mask, double[] languageFactors) =>
        TopicFraction(p, mask) * p.Topics + languageFactors.Average() * p.Languages;

    /// <summary>Requested languages in which this partner is better than the other.</summary>
    private static string[] Adds(Prepared p, double[] mine, double[] other) =>
        p.LanguageCodes.Where((_, i) => mine[i] > other[i]).ToArray();

    // --- ordering -------------------------------------------------------------------------------------------

    public static int CompareNames(MatchCandidate a, MatchCandidate b)
    {
        var last = string.Compare(a.LastName, b.LastName, StringComparison.InvariantCultureIgnoreCase);
        if (last != 0) return last;
        var first = string.Compare(a.FirstName, b.FirstName, StringComparison.InvariantCultureIgnoreCase);
        return first != 0 ? first : a.Id.CompareTo(b.Id);
    }

    /// <summary>Score first (rounded, so float noise never decides), then fewer days this year, then the name.</summary>
    private static bool RanksBefore(double scoreA, MatchCandidate a, double scoreB, MatchCandidate b)
    {
        var byScore = Math.Round(scoreA, 6).CompareTo(Math.Round(scoreB, 6));
        if (byScore != 0) return byScore > 0;
        if (a.HalfDaysThisYear != b.HalfDaysThisYear) return a.HalfDaysThisYear < b.HalfDaysThisYear;
        return CompareNames(a, b) < 0;
    }

    /// <summary>The best k so far, kept sorted; one comparison rejects almost every candidate of a large pool.</summary>
    private sealed class TopList(int capacity)
    {
        private readonly double[] _scores = new double[capacity];
        private readonly MatchCandidate[] _items = new MatchCandidate[capacity];
        private int _count;

        public void Offer(double score, MatchCandidate c)
        {
            if (capacity == 0) return;
            if (_count == capacity && !RanksBefore(score, c, _scores[_count - 1], _items[_count - 1])) return;
            var i = _count == capacity ? capacity - 1 : _count++;
            while (i > 0 && RanksBefore(score, c, _scores[i - 1], _items[i - 1]))
            {
                _scores[i] = _scores[i - 1];
                _items[i] = _items[i - 1];
                i--;
            }
            _scores[i] = score;
            _items[i] = c;
        }

        public List<(MatchCandidate Candidate, double Score)> Ranked()
        {
            var list = new List<(MatchCandidate, double)>(_count);
            for (var i = 0; i < _count; i++) list.Add((_items[i], _scores[i]));
            return list;
        }
    }

    /// <summary>The request and weights in the shape the loop wants: criterion weights as points, codes as arrays.</summary>
    private sealed class Prepared
    {
        public Prepared(MatchRequest request, MatchingWeights weights)
        {
            Request = request;
            W = weights;
            TopicIds = request.TopicIds.Distinct().Take(MaxTopics).ToArray();
            var codes = request.LanguageCodes.Select(c => c.Trim().ToLowerInvariant()).Where(c => c.Length > 0).Distinct().ToArray();
            GermanAssumed = codes.Length == 0;
            LanguageCodes = GermanAssumed ? ["de"] : codes;
            RequestedLanguages = codes.Length;
            PeriodDays = request.To.DayNumber - request.From.DayNumber + 1;
            Topics = weights.Topics * PointsPerWeight;
            Languages = weights.Languages * PointsPerWeight;
            Distance = weights.Distance * PointsPerWeight;
            Availability = weights.Availability * PointsPerWeight;
            Workload = weights.Workload * PointsPerWeight;
            MaxScore = Topics + Languages + Distance + Availability + Workload;
        }

        public MatchRequest Request { get; }
        public MatchingWeights W { get; }
        public int[] TopicIds { get; }
        public string[] LanguageCodes { get; }
        public bool GermanAssumed { get; }
        public int RequestedLanguages { get; }
        public int PeriodDays { get; }
        public int Topics { get; }
        public int Languages { get; }
        public int Distance { get; }
        public int Availability { get; }
        public int Workload { get; }
        public int MaxScore { get; }
    }
}
