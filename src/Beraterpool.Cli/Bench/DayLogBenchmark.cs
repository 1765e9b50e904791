using System.Collections.Concurrent;
using Stopwatch = System.Diagnostics.Stopwatch;
using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Advisors;
using Beraterpool.Web.Features.Engagements;
using Beraterpool.Web.Features.Municipalities;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Quota;
using Beraterpool.Web.Features.Requests;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Cli.Bench;

/// <summary>
/// <c>bench-daylog [--writers 50] [--logs 2000]</c>: day-logging throughput with concurrent writers on the configured
/// database. All writers book against ONE municipality's account (the worst case: every log contends for the same
/// row), each through its own scope and context, as parallel requests would. The synthetic pool is removed afterwards.
/// </summary>
public static class DayLogBenchmark
{
    public static async Task<int> RunAsync(WebApplication app, int writers, int logs)
    {
        await app.Services.PrepareDatabaseAsync(app.Configuration, app.Environment);
        var (poolId, engagementId, advisorId) = await ArrangeAsync(app.Services);
        try
        {
            // Warm up: the first log compiles the queries and opens the pool's connections.
            await LogOnceAsync(app.Services, engagementId, advisorId, new DateOnly(2000, 1, 1));

            var next = 0;
            var refused = 0;
            var latencies = new ConcurrentBag<double>();
            var start = new TaskCompletionSource();
            var tasks = Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
            {
                await start.Task;
                int n;
                while ((n = Interlocked.Increment(ref next)) <= logs)
                {
                    var t = Stopwatch.GetTimestamp();
                    // Two half days per date: an advisor logs at most one day per date.
                    if (!await LogOnceAsync(app.Services, engagementId, advisorId, new DateOnly(2001, 1, 1).AddDays(n / 2))) Interlocked.Increment(ref refused);
                    latencies.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                }
            })).ToList();
            var clock = Stopwatch.StartNew();
            start.SetResult();
            await Task.WhenAll(tasks);
            clock.Stop();

            var sorted = latencies.Order().ToArray();
            var provider = app.Configuration.GetValue("Database:Provider", DatabaseProvider.Sqlite);
            Console.WriteLine($"Day logging on {provider}: {logs:N0} logs by {writers} concurrent writers in {clock.Elapsed.TotalSeconds:F2} s");
            Console.WriteLine($"  throughput: {logs / clock.Elapsed.TotalSeconds:F0} logs/s (goal ≥ 300 logs/s on SQLite)");
            Console.WriteLine($"  latency per log: p50 {sorted[sorted.Length / 2]:F1} ms, p95 {sorted[(int)(sorted.Length * 0.95)]:F1} ms, max {sorted[^1]:F1} ms");
            Console.WriteLine($"  refused: {refused} (expected 0: the quota is large)");
            return refused == 0 ? 0 : 1;
        }
        finally
        {
            await CleanUpAsync(app.Services, poolId);
        }
    }

    private static async Task<bool> LogOnceAsync(IServiceProvider services, int engagementId, int advisorId, DateOnly date)
    {
        await using var scope = services.CreateAsyncScope();
        var quota = scope.ServiceProvider.GetRequiredService<DayQuotaService>();
        var result = await quota.TryLogActivityAsync(new Activity
        {
            EngagementId = engagementId, AdvisorId = advisorId, Date = date, Kind = ActivityKind.Conversation, HalfDays = 1,
        });
        return result.Succeeded;
    }

    private static async Task<(int PoolId, int EngagementId, int AdvisorId)> ArrangeAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var key = await db.Municipalities.OrderBy(m => m.OfficialKey).Select(m => m.OfficialKey).FirstOrDefaultAsync();
        if (key is null)
        {
            key = "99" + Random.Shared.Next(100000, 999999);
            if (!await db.States.AnyAsync(s => s.Code == "99")) db.States.Add(new State { Code = "99", Name = "Bench" });
            db.Municipalities.Add(new Municipality
            {
                OfficialKey = key, Level = MunicipalityLevel.Municipality, Name = "Benchstadt", ShortName = "Benchstadt", SearchName = "benchstadt",
                TypeCode = "64", StateCode = key[..2], DistrictKey = key[..5], ImportedAt = now,
            });
        }
        var pool = new Pool
        {
            Slug = $"bench-daylog-{tag}", Name = "Bench day logging", BrandName = "Bench", ContactEmail = "bench@example.org",
            AnnualDayQuota = 1_000_000, CreatedAt = now,
        };
        db.Pools.Add(pool);
        await db.SaveChangesAsync();
        var advisor = new Advisor { PoolId = pool.Id, Slug = $"bench-{tag}", FirstName = "Bench", LastName = "Writer", Email = $"bench-{tag}@example.org", CreatedAt = now, UpdatedAt = now };
        var request = new ConsultationRequest
        {
            PoolId = pool.Id, Reference = $"BD-{tag}", MunicipalityKey = key, ContactName = "Bench", ContactEmail = "bench@example.org",
            Goal = "Bench", Need = "Bench", TrackingTokenHash = Guid.NewGuid().ToString("N"), Status = RequestStatus.InProgress, CreatedAt = now, UpdatedAt = now,
        };
        db.AddRange(advisor, request);
        await db.SaveChangesAsync();
        var engagement = new Engagement { PoolId = pool.Id, RequestId = request.Id, MunicipalityKey = key, StartedAt = now };
        engagement.Advisors.Add(new EngagementAdvisor { AdvisorId = advisor.Id, JoinedAt = now });
        db.Engagements.Add(engagement);
        await db.SaveChangesAsync();
        return (pool.Id, engagement.Id, advisor.Id);
    }

    private static async Task CleanUpAsync(IServiceProvider services, int poolId)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Activities.Where(a => db.Engagements.Any(e => e.Id == a.EngagementId && e.PoolId == poolId)).ExecuteDeleteAsync();
        await db.EngagementAdvisors.Where(a => db.Engagements.Any(e => e.Id == a.EngagementId && e.PoolId == poolId)).ExecuteDeleteAsync();
        await db.Engagements.Where(e => e.PoolId == poolId).ExecuteDeleteAsync();
        await db.ConsultationRequests.Where(r => r.PoolId == poolId).ExecuteDeleteAsync();
        await db.Advisors.Where(a => a.PoolId == poolId).ExecuteDeleteAsync();
        await db.DayQuotaAccounts.Where(a => a.PoolId == poolId).ExecuteDeleteAsync();
        await db.Pools.Where(p => p.Id == poolId).ExecuteDeleteAsync();
    }
}
