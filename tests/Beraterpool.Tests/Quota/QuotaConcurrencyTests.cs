using Beraterpool.Tests.Engagements;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Engagements;
using Beraterpool.Web.Features.Quota;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beraterpool.Tests.Quota;

/// <summary>Parallel logs never pass the quota — on SQLite and on PostgreSQL (the suite runs on both).</summary>
public sealed class QuotaConcurrencyTests(QuotaConcurrencyTests.App app) : IClassFixture<QuotaConcurrencyTests.App>
{
    public sealed class App() : TestApp(importGazetteer: false);

    [Fact]
    public async Task Fifty_parallel_half_day_logs_use_exactly_the_quota_and_every_refused_one_is_told_so()
    {
        var pool = await app.CreatePoolAsync("parallel");
        var first = await app.CreateAdvisorAsync(pool.Id, "tandem-eins");
        var second = await app.CreateAdvisorAsync(pool.Id, "tandem-zwei");
        var key = await app.MunicipalityAsync("05315000", "Köln");
        // Two engagements of the same municipality, one a tandem: all of them draw on one account.
        var tandem = await app.EngagementAsync(pool.Id, key, [first.Id, second.Id]);
        var single = await app.EngagementAsync(pool.Id, key, [first.Id]);

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var attempts = Enumerable.Range(0, 50).Select(i => Task.Run(async () =>
        {
            await using var scope = app.Scope();
            var quota = scope.ServiceProvider.GetRequiredService<DayQuotaService>();
            var activity = new Activity
            {
                EngagementId = i % 3 == 0 ? single.Id : tandem.Id, AdvisorId = i % 2 == 0 ? first.Id : second.Id,
                Date = new DateOnly(2026, 5, 1 + i % 28), Kind = ActivityKind.Workshop, HalfDays = 1,
            };
            await start.Task;
            var booking = await quota.TryLogActivityAsync(activity);
            return (booking, Message: booking.Succeeded ? null : quota.RefusalMessage(booking));
        })).ToList();
        start.SetResult();
        var results = await Task.WhenAll(attempts);

        Assert.Equal(20, results.Count(r => r.booking.Succeeded));
        var refused = results.Where(r => !r.booking.Succeeded).ToList();
        Assert.Equal(30, refused.Count);
        Assert.All(refused, r =>
        {
            Assert.Equal(0, r.booking.RemainingHalfDays);
            Assert.Equal("Für 2026 sind keine Beratungstage mehr übrig. Das Kontingent von 10 Tagen ist ausgeschöpft.", r.Message);
        });

        var (used, logged, count) = await app.WithDbAsync(async db =>
        {
            var account = await db.DayQuotaAccounts.AsNoTracking().SingleAsync(a => a.PoolId == pool.Id && a.MunicipalityKey == key && a.Year == 2026);
            var activities = db.Activities.Where(a => a.EngagementId == tandem.Id || a.EngagementId == single.Id);
            return (account.UsedHalfDays, await activities.SumAsync(a => a.HalfDays), await activities.CountAsync());
        });
        Assert.Equal(20, used);
        Assert.Equal(used, logged);
        Assert.Equal(20, count);
    }
}
