using Beraterpool.Web.Features.Shared;
using System.Net;
using Beraterpool.Tests.Engagements;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Engagements;
using Beraterpool.Web.Features.Quota;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beraterpool.Tests.Quota;

public sealed class DayQuotaTests(DayQuotaTests.App app) : IClassFixture<DayQuotaTests.App>
{
    public sealed class App() : TestApp(importGazetteer: false);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(int PoolId, string Key, int EngagementId, int AdvisorId)> ArrangeAsync(string name, string key, string? coordinatorId = null)
    {
        var pool = await app.CreatePoolAsync(name, coordinatorId);
        var advisor = await app.CreateAdvisorAsync(pool.Id, $"{name}-berater");
        await app.MunicipalityAsync(key, $"Stadt {name}");
        var engagement = await app.EngagementAsync(pool.Id, key, [advisor.Id]);
        return (pool.Id, key, engagement.Id, advisor.Id);
    }

    private async Task<QuotaBooking> LogAsync(int engagementId, int advisorId, DateOnly date, int halfDays)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<DayQuotaService>().TryLogActivityAsync(new Activity
        {
            EngagementId = engagementId, AdvisorId = advisorId, Date = date, Kind = ActivityKind.Conversation, HalfDays = halfDays,
        }, Ct);
    }

    [Fact]
    public async Task Days_count_in_the_calendar_year_of_the_activity_date()
    {
        var (poolId, key, engagementId, advisorId) = await ArrangeAsync("jahreswechsel", "05121000");
        for (var day = 22; day <= 31; day++) Assert.True((await LogAsync(engagementId, advisorId, new DateOnly(2025, 12, day), 2)).Succeeded);
        var refused = await LogAsync(engagementId, advisorId, new DateOnly(2025, 12, 21), 1);
        Assert.False(refused.Succeeded);
        Assert.Equal(2025, refused.Year);
        var newYear = await LogAsync(engagementId, advisorId, new DateOnly(2026, 1, 1), 1);
        Assert.True(newYear.Succeeded);
        Assert.Equal((2026, 19), (newYear.Year, newYear.RemainingHalfDays));
        var years = await app.WithDbAsync(db => db.DayQuotaAccounts.Where(a => a.PoolId == poolId && a.MunicipalityKey == key)
            .OrderBy(a => a.Year).Select(a => new { a.Year, a.UsedHalfDays }).ToListAsync());
        Assert.Equal([(2025, 20), (2026, 1)], years.Select(y => (y.Year, y.UsedHalfDays)));
    }

    [Fact]
    public async Task Deleting_or_shortening_an_activity_gives_the_days_back()
    {
        var (poolId, key, engagementId, advisorId) = await ArrangeAsync("rueckgabe", "05122000");
        for (var day = 2; day <= 10; day++) Assert.True((await LogAsync(engagementId, advisorId, new DateOnly(2026, 3, day), 2)).Succeeded);
        Assert.True((await LogAsync(engagementId, advisorId, new DateOnly(2026, 3, 11), 2)).Succeeded);
        var ids = await app.WithDbAsync(db => db.Activities.Where(a => a.EngagementId == engagementId).OrderBy(a => a.Id).Select(a => a.Id).ToListAsync());

        await using (var scope = app.Scope())
        {
            var quota = scope.ServiceProvider.GetRequiredService<DayQuotaService>();
            var db = scope.ServiceProvider.GetRequiredService<Beraterpool.Web.Data.AppDbContext>();
            var first = await db.Activities.SingleAsync(a => a.Id == ids[0], Ct);
            Assert.True((await quota.TryChangeActivityAsync(first, first.Date, 1, ct: Ct)).Succeeded);
            Assert.True((await LogAsync(engagementId, advisorId, new DateOnly(2026, 3, 12), 1)).Succeeded);
            var refused = await quota.TryChangeActivityAsync(first, first.Date, 2, ct: Ct);
            Assert.Equal((false, BookingRefusal.Quota), (refused.Succeeded, refused.Refusal));
            foreach (var id in ids[1..9]) Assert.True(await quota.DeleteActivityAsync(id, ct: Ct));
        }
        Assert.Equal(4, await app.WithDbAsync(db => db.DayQuotaAccounts.Where(a => a.PoolId == poolId && a.MunicipalityKey == key && a.Year == 2026).Select(a => a.UsedHalfDays).SingleAsync()));
        Assert.Equal([1, 2, 1], await app.WithDbAsync(db => db.Activities.Where(a => a.EngagementId == engagementId).OrderBy(a => a.Date).Select(a => a.HalfDays).ToListAsync()));
    }

    [Fact]
    public async Task Changing_an_activity_deleted_meanwhile_is_refused_with_a_message_and_gives_nothing_back_twice()
    {
        var (poolId, key, engagementId, advisorId) = await ArrangeAsync("geloescht", "05124000");
        Assert.True((await LogAsync(engagementId, advisorId, new DateOnly(2026, 4, 1), 2)).Succeeded);
        await using var scope = app.Scope();
        var quota = scope.ServiceProvider.GetRequiredService<DayQuotaService>();
        var db = scope.ServiceProvider.GetRequiredService<Beraterpool.Web.Data.AppDbContext>();
        var shown = await db.Activities.SingleAsync(a => a.EngagementId == engagementId, Ct);
        await using (var other = app.Scope())
            Assert.True(await other.ServiceProvider.GetRequiredService<DayQuotaService>().DeleteActivityAsync(shown.Id, ct: Ct));

        var gone = await quota.TryChangeActivityAsync(shown, shown.Date, 1, ct: Ct);
        Assert.Equal((false, BookingRefusal.Gone), (gone.Succeeded, gone.Refusal));
        Assert.Equal("Die Aktivität ist inzwischen gelöscht oder abgerechnet worden; Ihre Änderung ist nicht gespeichert.", quota.RefusalMessage(gone));
        Assert.False(await quota.DeleteActivityAsync(shown.Id, ct: Ct));
        Assert.Equal(0, await app.WithDbAsync(x => x.DayQuotaAccounts.Where(a => a.PoolId == poolId && a.MunicipalityKey == key && a.Year == 2026).Select(a => a.UsedHalfDays).SingleAsync()));
    }

    [Fact]
    public async Task Quota_change_needs_a_written_reason_and_a_raise_lets_more_days_through()
    {
        var coordinator = await app.SignedInBrowserAsync("quota-koord@example.org", Roles.Coordinator);
        var coordinatorId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "quota-koord@example.org").Select(u => u.Id).SingleAsync());
        var (poolId, key, engagementId, advisorId) = await ArrangeAsync("erhoehung", "05123000", coordinatorId);
        var year = TimeProvider.System.LocalYear();
        var date = new DateOnly(year, 1, 2);
        for (var day = 0; day < 10; day++) Assert.True((await LogAsync(engagementId, advisorId, date.AddDays(day), 2)).Succeeded);
        Assert.False((await LogAsync(engagementId, advisorId, date.AddDays(10), 2)).Succeeded);
        Assert.Contains("Stadt erhoehung", Html.Text(await coordinator.GetStringAsync($"/manage/quota?pool={poolId}", Ct)));

        var url = $"/manage/quota?pool={poolId}";
        var noReason = await coordinator.PostFormAsync(url, [new("Input.MunicipalityKey", key), new("Input.Year", year.ToString()), new("Input.Days", "12"), new("Input.Reason", "")]);
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("Bitte begründen Sie die Änderung schriftlich.", Html.Text(await noReason.Content.ReadAsStringAsync(Ct)));
        var below = await coordinator.PostFormAsync(url, [new("Input.MunicipalityKey", key), new("Input.Year", year.ToString()), new("Input.Days", "8"), new("Input.Reason", "Weniger Bedarf als gedacht")]);
        Assert.Contains("schon 10 Tage genutzt", Html.Text(await below.Content.ReadAsStringAsync(Ct)));
        Assert.False(await app.WithDbAsync(db => db.QuotaIncreases.AnyAsync(q => q.PoolId == poolId)));

        var raised = await coordinator.PostFormAsync(url, [new("Input.MunicipalityKey", key), new("Input.Year", year.ToString()), new("Input.Days", "12"),
            new("Input.Reason", "Zweite Phase der Städtepartnerschaft mit Bürgerforum")]);
        Assert.Equal(HttpStatusCode.Redirect, raised.StatusCode);
        var increase = await app.WithDbAsync(db => db.QuotaIncreases.SingleAsync(q => q.PoolId == poolId));
        Assert.Equal((20, 24, "Zweite Phase der Städtepartnerschaft mit Bürgerforum"), (increase.PreviousQuotaHalfDays, increase.NewQuotaHalfDays, increase.Reason));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "quota.changed" && e.Details!.Contains("Zweite Phase"))));

        Assert.True((await LogAsync(engagementId, advisorId, date.AddDays(10), 2)).Succeeded);
        Assert.True((await LogAsync(engagementId, advisorId, date.AddDays(11), 2)).Succeeded);
        Assert.False((await LogAsync(engagementId, advisorId, date.AddDays(12), 1)).Succeeded);
    }
}
