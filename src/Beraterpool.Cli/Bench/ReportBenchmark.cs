using Stopwatch = System.Diagnostics.Stopwatch;
using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Advisors;
using Beraterpool.Web.Features.Engagements;
using Beraterpool.Web.Features.Events;
using Beraterpool.Web.Features.Impact;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Requests;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Cli.Bench;

/// <summary>
/// <c>bench-report [--advisors 3200]</c>: the annual report of one large synthetic pool — the report page's model (every
/// indicator with last year's value, statistics, charts, quota) and the PDF — timed cold and warm on the configured
/// database. The pool gets, over two years, about 1.5 requests and an engagement per two advisors, ten half-day
/// activities per engagement, an event per 25 advisors with 40 checked-in guests each. The pool is removed afterwards.
/// Goals (issue 12): page model ≤ 200 ms, PDF ≤ 3 s.
/// </summary>
public static class ReportBenchmark
{
    private const int Year = 2025, Runs = 10;

    public static async Task<int> RunAsync(WebApplication app, int advisors)
    {
        await app.Services.PrepareDatabaseAsync(app.Configuration, app.Environment);
        var arrange = Stopwatch.StartNew();
        var (poolId, counts) = await ArrangeAsync(app.Services, advisors);
        Console.WriteLine($"Synthetic pool: {counts} (arranged in {arrange.Elapsed.TotalSeconds:F1} s)");
        try
        {
            var model = new List<double>();
            var pdf = new List<double>();
            var pages = 0;
            for (var run = 0; run <= Runs; run++)
            {
                await using var scope = app.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var pool = (await scope.ServiceProvider.GetRequiredService<PoolCatalog>().FindAsync(poolId))!;
                var t = Stopwatch.GetTimestamp();
                var report = await AnnualReport.BuildAsync(db, pool, Year, Year + 1, "de", CancellationToken.None);
                var built = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
                t = Stopwatch.GetTimestamp();
                var bytes = ReportPdf.Write(report, scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow());
                var written = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
                if (run == 0)
                {
                    using var document = PdfSharp.Pdf.IO.PdfReader.Open(new MemoryStream(bytes), PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);
                    pages = document.PageCount;
                    Console.WriteLine($"  cold (first run, queries compiled): page model {built:F0} ms, PDF {written:F0} ms ({bytes.Length / 1024} KB, {pages} pages)");
                    continue;
                }
                model.Add(built);
                pdf.Add(built + written);
            }
            await SlowestIndicatorsAsync(app.Services, poolId);
            var provider = app.Configuration.GetValue("Database:Provider", DatabaseProvider.Sqlite);
            double P50(List<double> xs) => xs.Order().ElementAt(xs.Count / 2);
            Console.WriteLine($"Annual report {Year} on {provider}, {Runs} warm runs:");
            Console.WriteLine($"  page model (all indicators + last year, statistics, charts, quota): p50 {P50(model):F0} ms, max {model.Max():F0} ms (goal ≤ 200 ms)");
            Console.WriteLine($"  PDF (model + writing):                                             p50 {P50(pdf):F0} ms, max {pdf.Max():F0} ms (goal ≤ 3000 ms)");
            return P50(model) <= 200 && P50(pdf) <= 3000 ? 0 : 1;
        }
        finally
        {
            await CleanUpAsync(app.Services, poolId);
        }
    }

    /// <summary>Each indicator's figure on its own (warm), the five slowest printed: where to look when the goal is missed.</summary>
    private static async Task SlowestIndicatorsAsync(IServiceProvider services, int poolId)
    {
        await using var scope = services.CreateAsyncScope();
        var scopeOfYear = new ImpactScope(scope.ServiceProvider.GetRequiredService<AppDbContext>(), [poolId], Year);
        var times = new List<(string Key, double Ms)>();
        foreach (var indicator in BuiltInIndicators.All)
        {
            var t = Stopwatch.GetTimestamp();
            await indicator.FigureAsync(scopeOfYear, CancellationToken.None);
            times.Add((indicator.Key, Stopwatch.GetElapsedTime(t).TotalMilliseconds));
        }
        var t0 = Stopwatch.GetTimestamp();
        await Beraterpool.Web.Features.Statistics.PoolStatistics.ComputeAsync(scopeOfYear.Db, poolId, "de", Year + 1, CancellationToken.None);
        times.Add(("Statistik des Pools", Stopwatch.GetElapsedTime(t0).TotalMilliseconds));
        t0 = Stopwatch.GetTimestamp();
        await PoolMap.ReachedAsync(scopeOfYear, CancellationToken.None);
        times.Add(("erreichte Kommunen (Karte)", Stopwatch.GetElapsedTime(t0).TotalMilliseconds));
        Console.WriteLine("  slowest parts (indicator figures, statistics, map list): " + string.Join(", ", times.OrderByDescending(x => x.Ms).Take(5).Select(x => $"{x.Key} {x.Ms:F0} ms")));
    }

    private static async Task<(int PoolId, string Counts)> ArrangeAsync(IServiceProvider services, int advisorCount)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var random = new Random(12);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var keys = await db.Municipalities.OrderBy(m => m.OfficialKey).Select(m => m.OfficialKey).Take(400).ToListAsync();
        if (keys.Count == 0) throw new InvalidOperationException("The municipality register is empty: the benchmark needs it (start the app once).");
        var pool = new Pool { Slug = $"bench-report-{tag}", Name = "Bench report", BrandName = "Bench", ContactEmail = "bench@example.org", AnnualDayQuota = 10, CreatedAt = now };
        db.Pools.Add(pool);
        await db.SaveChangesAsync();

        var advisors = Enumerable.Range(0, advisorCount).Select(i => new Advisor
        {
            PoolId = pool.Id, Slug = $"bench-{tag}-{i}", FirstName = "Bench", LastName = $"Beraterin {i}", Email = $"bench-{tag}-{i}@example.org",
            Status = AdvisorStatus.Active, Gender = i % 2 == 0 ? Gender.Female : Gender.Male, BirthYear = 1960 + i % 40, CityKey = keys[i % keys.Count],
            CreatedAt = now, UpdatedAt = now,
        }).ToList();
        db.Advisors.AddRange(advisors);
        await db.SaveChangesAsync();

        DateTimeOffset Someday(int year) => new DateTimeOffset(year, 1, 1, 9, 0, 0, TimeSpan.Zero).AddMinutes(random.Next(0, 364 * 24 * 60));
        var requests = Enumerable.Range(0, advisorCount * 3 / 2).Select(i =>
        {
            var at = Someday(Year - i % 2);
            return new ConsultationRequest
            {
                PoolId = pool.Id, Reference = $"BR-{tag}-{i}", MunicipalityKey = keys[random.Next(keys.Count)], ContactName = "Bench", ContactEmail = "bench@example.org",
                Goal = "Bench", Need = "Bench", TrackingTokenHash = $"{tag}-{i}", Status = RequestStatus.InProgress, CreatedAt = at, UpdatedAt = at, ConsentGivenAt = at,
            };
        }).ToList();
        db.ConsultationRequests.AddRange(requests);
        await db.SaveChangesAsync();

        var engagements = requests.Take(advisorCount / 2).Select((r, i) => new Engagement
        {
            PoolId = pool.Id, RequestId = r.Id, MunicipalityKey = r.MunicipalityKey, StartedAt = r.CreatedAt.AddDays(14),
            Status = i % 3 == 0 ? EngagementStatus.Closed : EngagementStatus.Active, ClosedAt = i % 3 == 0 ? r.CreatedAt.AddDays(120) : null,
            FeedbackRating = i % 3 == 0 ? 1 + i % 5 : null, FeedbackAt = i % 3 == 0 ? r.CreatedAt.AddDays(121) : null,
        }).ToList();
        db.Engagements.AddRange(engagements);
        await db.SaveChangesAsync();
        var activities = engagements.SelectMany((e, i) => Enumerable.Range(0, 10).Select(n => new Activity
        {
            EngagementId = e.Id, AdvisorId = advisors[i % advisors.Count].Id, Date = DateOnly.FromDateTime(e.StartedAt.AddDays(7 * n).UtcDateTime),
            Kind = ActivityKind.Workshop, HalfDays = 1, CreatedAt = now,
        })).ToList();
        db.Activities.AddRange(activities);

        var events = Enumerable.Range(0, Math.Max(1, advisorCount / 25)).Select(i =>
        {
            var at = Someday(Year - i % 2);
            var e = new Event
            {
                PoolId = pool.Id, Title = $"Bench-Forum {i}", Kind = (EventKind)(1 + i % 4), StartsAt = at, EndsAt = at.AddHours(3), IsPublic = true,
                CreatedAt = now, UpdatedAt = now,
            };
            for (var g = 0; g < 40; g++)
                e.Registrations.Add(new EventRegistration
                {
                    Name = "Gast", Email = $"gast-{i}-{g}@{tag}.example", Organisation = $"Organisation {random.Next(advisorCount)}", Status = RegistrationStatus.Registered,
                    TokenHash = $"{tag}-{i}-{g}", RegisteredAt = now, ConsentGivenAt = now, CheckedInAt = at,
                });
            return e;
        }).ToList();
        db.Events.AddRange(events);
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
        // Fresh bulk rows have no planner statistics until autovacuum gets to them; a running installation has them.
        if (db.Database.IsNpgsql()) await db.Database.ExecuteSqlRawAsync("ANALYZE");
        return (pool.Id, $"{advisors.Count:N0} advisors, {requests.Count:N0} requests, {engagements.Count:N0} engagements, {activities.Count:N0} activities, "
                         + $"{events.Count:N0} events with {events.Count * 40:N0} guests");
    }

    private static async Task CleanUpAsync(IServiceProvider services, int poolId)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.EventRegistrations.Where(r => db.Events.Any(e => e.Id == r.EventId && e.PoolId == poolId)).ExecuteDeleteAsync();
        await db.Events.Where(e => e.PoolId == poolId).ExecuteDeleteAsync();
        await db.Activities.Where(a => db.Engagements.Any(e => e.Id == a.EngagementId && e.PoolId == poolId)).ExecuteDeleteAsync();
        await db.Engagements.Where(e => e.PoolId == poolId).ExecuteDeleteAsync();
        await db.ConsultationRequests.Where(r => r.PoolId == poolId).ExecuteDeleteAsync();
        await db.Advisors.Where(a => a.PoolId == poolId).ExecuteDeleteAsync();
        await db.Pools.Where(p => p.Id == poolId).ExecuteDeleteAsync();
    }
}
