using BenchmarkDotNet.Attributes;
using Beraterpool.Web.Features.Advisors;
using Beraterpool.Web.Features.Matching;

namespace Beraterpool.Bench.Scorer;

/// <summary>
/// One ranking of a request (three topics, French) over a pool of synthetic advisors around Köln,
/// the same shape the unit tests use, drawn from a fixed seed so every run ranks the same pool.
/// </summary>
[MemoryDiagnoser]
public class MatchScorerBenchmark
{
    private static readonly DateOnly Today = new(2026, 3, 1);
    private readonly MatchingWeights _weights = new();
    private MatchRequest _request = null!;
    private MatchCandidate[] _pool = [];

    [Params(100, 50_000)]
    public int Candidates { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _request = new MatchRequest([1, 2, 3], ["fr"], 50.938107, 6.957068, Today, Today.AddDays(29), "05315000", "05315");
        _pool = Pool(Candidates);
    }

    [Benchmark]
    public MatchResult Rank() => MatchScorer.Rank(_request, _pool, _weights);

    public static MatchCandidate[] Pool(int count)
    {
        var random = new Random(1);
        return Enumerable.Range(1, count).Select(i => new MatchCandidate
        {
            Id = i, FirstName = "Vorname", LastName = "N" + i,
            Status = random.Next(10) == 0 ? AdvisorStatus.Paused : AdvisorStatus.Active,
            Latitude = 50 + random.NextDouble() * 2, Longitude = 6 + random.NextDouble() * 3,
            TopicIds = [random.Next(1, 8), random.Next(1, 8)],
            Languages = [new("de", LanguageLevel.Fluent), new(random.Next(3) == 0 ? "fr" : "en", (LanguageLevel)random.Next(1, 5))],
            HalfDaysThisYear = random.Next(0, 20), DaysPerMonth = 4,
        }).ToArray();
    }
}
