using BenchmarkDotNet.Running;
using Beraterpool.Bench.Scorer;

// The time budget that used to be a unit test: one ranking over 50,000 advisors within 500 ms.
const double BudgetMs = 500;

var summary = BenchmarkRunner.Run<MatchScorerBenchmark>(args: args);
var large = summary.Reports.FirstOrDefault(r => r.BenchmarkCase.Parameters["Candidates"] is 50_000);
if (large?.ResultStatistics is not { } stats)
{
    Console.Error.WriteLine("No result for 50,000 candidates; the budget was not checked.");
    return 1;
}
var meanMs = stats.Mean / 1_000_000;
Console.WriteLine($"Budget: 50,000 candidates ranked in {meanMs:F1} ms (mean), goal ≤ {BudgetMs} ms: {(meanMs <= BudgetMs ? "met" : "NOT met")}");
return meanMs <= BudgetMs ? 0 : 1;
