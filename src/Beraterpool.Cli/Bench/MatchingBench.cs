using Stopwatch = System.Diagnostics.Stopwatch;
using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Advisors;
using Beraterpool.Cli.Synthetic;
using Beraterpool.Web.Features.Engagements;
using Beraterpool.Web.Features.Municipalities;
using Beraterpool.Web.Features.Matching;
using Beraterpool.Web.Features.Requests;
using Beraterpool.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Cli.Bench;

/// <summary>
/// <c>bench-matching [n] [--runs 9]</c>: ranks one request over a pool of n (default 50,000) advisors and over one of
/// 100, and prints the median load — cold (first ranking after an advisor edit, which rebuilds the pool's candidate snapshot) and warm — and scoring time. The pools (mbig01, msmall01) are seeded with the
/// synthetic data set on the first run and reused afterwards, together with some engagements, logged days and
/// blocked periods so that every query of the loader has rows to read.
/// </summary>
public static class MatchingBench
{
    public static async Task<int> RunAsync(WebApplication app, int count, int runs)
    {
        await app.Services.PrepareDatabaseAsync(app.Configuration, app.Environment);
        var large = await EnsurePoolAsync(app, "mbig", count);
        var small = await EnsurePoolAsync(app, "msmall", 100);
        Console.WriteLine($"Matching benchmark ({runs} runs each, median; {Environment.ProcessorCount} cores)");
        Console.WriteLine("pool size | load cold | load warm | scoring | total cold | total warm | suggestions | excluded");
        var snapshots = app.Services.GetRequiredService<CandidateSnapshots>();
        foreach (var (poolId, size) in new[] { large, small })
        {
            // Cold = the first ranking after an advisor edit (the pool's snapshot is rebuilt); warm = every later one.
            var cold = await MeasureAsync(app, poolId, runs, () => snapshots.MarkStale(poolId));
            var warm = await MeasureAsync(app, poolId, runs, null);
            var result = warm.Result;
            Console.WriteLine($"{size,9:N0} | {cold.Load,6:F1} ms | {warm.Load,6:F1} ms | {warm.Score,5:F2} ms | "
                + $"{cold.Total,6:F1} ms | {warm.Total,5:F1} ms | {result.Singles.Count} + {result.Tandems.Count} tandems | {result.ExcludedTotal:N0}");
        }
        Console.WriteLine("Goal: ranking ≤ 50 ms for 50,000 advisors, ≤ 2 ms for 100.");
        return 0;
    }

    private sealed record Measurement(double Load, double Score, double Total, MatchResult Result);

    /// <summary>Medians over the runs; <paramref name="beforeRun"/> (outside the timing) makes each run cold.</summary>
    private static async Task<Measurement> MeasureAsync(WebApplication app, int poolId, int runs, Action? beforeRun)
    {
        var loads = new List<double>();
        var scores = new List<double>();
        var totals = new List<double>();
        var snapshots = app.Services.GetRequiredService<CandidateSnapshots>();
        MatchResult? last = null;
        for (var run = -1; run < runs; run++) // run -1 warms up (query compilation, JIT)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var requestId = await db.ConsultationRequests.Where(r => r.PoolId == poolId).Select(r => r.Id).FirstAsync();
            beforeRun?.Invoke();
            var started = Stopwatch.GetTimestamp();
            var facts = (await RequestFacts.LoadAsync(db, requestId))!;
            var weights = await db.Pools.AsNoTracking().Where(p => p.Id == poolId).Select(p => p.Matching).FirstAsync();
            var today = scope.ServiceProvider.GetRequiredService<TimeProvider>().LocalToday();
            var request = facts.ToMatchRequest(today);
            var candidates = await CandidateLoader.LoadAsync(db, snapshots, poolId, requestId, today.Year);
            var loaded = Stopwatch.GetTimestamp();
            last = MatchScorer.Rank(request, candidates, weights);
            var scored = Stopwatch.GetTimestamp();
            if (run < 0) continue;
            loads.Add(Stopwatch.GetElapsedTime(started, loaded).TotalMilliseconds);
            scores.Add(Stopwatch.GetElapsedTime(loaded, scored).TotalMilliseconds);
            totals.Add(Stopwatch.GetElapsedTime(started, scored).TotalMilliseconds);
        }
        return new Measurement(Median(loads), Median(scores), Median(totals), last!);
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values.Count % 2 == 1 ? values[values.Count / 2] : (values[values.Count / 2 - 1] + values[values.Count / 2]) / 2;
    }

    /// <summary>The pool {prefix}01 with <paramref name="size"/> advisors, a request for a large municipality of its state, and workload.</summary>
    private static async Task<(int PoolId, int Size)> EnsurePoolAsync(WebApplication app, string prefix, int size)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var slug = prefix + "01";
        var existing = await db.Pools.Where(p => p.Slug == slug).Select(p => (int?)p.Id).FirstOrDefaultAsync();
        var have = existing is { } id ? await db.Advisors.CountAsync(a => a.PoolId == id) : 0;
        if (have < size)
        {
            Console.WriteLine($"Seeding {size - have:N0} synthetic advisors into pool {slug} …");
            await SyntheticData.SeedAsync(db, size - have, 1, seed: 42 + size, Console.Out, slugPrefix: prefix);
        }
        var pool = await db.Pools.AsNoTracking().FirstAsync(p => p.Slug == slug);
        var total = await db.Advisors.CountAsync(a => a.PoolId == pool.Id);
        if (await db.ConsultationRequests.AnyAsync(r => r.PoolId == pool.Id)) return (pool.Id, total);

        var state = pool.StateCodes.FirstOrDefault() ?? "";
        var municipality = await db.Municipalities.AsNoTracking()
            .Where(m => m.Level == MunicipalityLevel.Municipality && (m.StateCode == state || state == ""))
            .OrderByDescending(m => m.Latitude != null).ThenByDescending(m => m.Population).Select(m => m.OfficialKey).FirstOrDefaultAsync()
            ?? await db.Municipalities.Where(m => m.Level == MunicipalityLevel.Municipality).Select(m => m.OfficialKey).FirstAsync();
        var topics = await db.Topics.Where(t => t.PoolId == pool.Id).OrderBy(t => t.SortOrder).Select(t => t.Id).Take(3).ToListAsync();
        var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var now = time.GetUtcNow();
        var today = time.LocalToday();
        var request = new ConsultationRequest
        {
            PoolId = pool.Id, Reference = $"BENCH-{slug}", MunicipalityKey = municipality, ContactName = "Bench", ContactEmail = "bench@example.org",
            Goal = "Migrantenorganisationen in die Faire Beschaffung einbeziehen", Need = "Beratung zu Kriterien und Beteiligung",
            PreferredFrom = today.AddDays(14), PreferredTo = today.AddDays(75), Format = ConsultationFormat.OnSite, ConsentGivenAt = now,
            Status = RequestStatus.Matching, TrackingTokenHash = Convert.ToHexString(Guid.NewGuid().ToByteArray()) + slug, CreatedAt = now, UpdatedAt = now,
            Topics = topics.Select(t => new RequestTopic { TopicId = t }).ToList(),
            Languages = [new RequestLanguage { LanguageCode = "fr" }],
        };
        db.ConsultationRequests.Add(request);
        await db.SaveChangesAsync();

        // Workload and availability for a share of the pool: one engagement per 25 advisors with a few logged days,
        // one blocked period per 20 advisors overlapping the requested period.
        var ids = await db.Advisors.Where(a => a.PoolId == pool.Id).OrderBy(a => a.Id).Select(a => a.Id).ToListAsync();
        var random = new Random(7);
        var engagements = new List<Engagement>();
        for (var i = 0; i < ids.Count; i += 25)
        {
            engagements.Add(new Engagement
            {
                PoolId = pool.Id, RequestId = request.Id, MunicipalityKey = municipality, StartedAt = now,
                Status = random.Next(3) == 0 ? EngagementStatus.Closed : EngagementStatus.Active,
                Advisors = [new EngagementAdvisor { AdvisorId = ids[i], JoinedAt = now }],
            });
        }
        db.Engagements.AddRange(engagements);
        await db.SaveChangesAsync();
        foreach (var engagement in engagements)
        {
            for (var k = 0; k < 3; k++)
            {
                db.Activities.Add(new Activity
                {
                    EngagementId = engagement.Id, AdvisorId = engagement.Advisors[0].AdvisorId, Date = new DateOnly(today.Year, 1, 1).AddDays(random.Next(0, 300)),
                    Kind = ActivityKind.Workshop, HalfDays = random.Next(1, 3), CreatedAt = now,
                });
            }
        }
        for (var i = 3; i < ids.Count; i += 20)
        {
            var from = today.AddDays(random.Next(0, 70));
            db.BlockedPeriods.Add(new BlockedPeriod { AdvisorId = ids[i], From = from, To = from.AddDays(random.Next(3, 30)) });
        }
        await db.SaveChangesAsync();
        return (pool.Id, total);
    }
}
