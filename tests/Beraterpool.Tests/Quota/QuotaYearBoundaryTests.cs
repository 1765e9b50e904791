using System.Net;
using Beraterpool.Tests.Engagements;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Beraterpool.Tests.Quota;

/// <summary>The quota year is the calendar year in Berlin: 31 December 23:30 there is 22:30 UTC, 1 January 00:30 is 23:30 UTC.</summary>
public sealed class QuotaYearBoundaryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Arranged(TestApp App, FakeTimeProvider Time, int PoolId, string Key, int EngagementId, HttpClient Advisor, HttpClient Contact);

    private static async Task<Arranged> ArrangeAsync(string name, string key, DateTimeOffset utc)
    {
        var time = new FakeTimeProvider(utc);
        var app = new TestApp(importGazetteer: false).WithTime(time);
        var pool = await app.CreatePoolAsync(name);
        var advisorClient = await app.SignedInBrowserAsync($"{name}-berater@example.org", Roles.Advisor);
        var advisor = await app.CreateAdvisorAsync(pool.Id, $"{name}-berater",
            await app.WithDbAsync(db => db.Users.Where(u => u.Email == $"{name}-berater@example.org").Select(u => u.Id).SingleAsync()));
        var contact = await app.SignedInBrowserAsync($"{name}-kommune@example.org", Roles.MunicipalityContact);
        var contactId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == $"{name}-kommune@example.org").Select(u => u.Id).SingleAsync());
        await app.MunicipalityAsync(key, $"Stadt {name}");
        var engagement = await app.EngagementAsync(pool.Id, key, [advisor.Id], contactId);
        // Started before the fake "now", so today is within the engagement whatever the real date.
        await app.WithDbAsync(db => db.Engagements.Where(e => e.Id == engagement.Id).ExecuteUpdateAsync(x => x.SetProperty(e => e.StartedAt, utc.AddDays(-10))));
        return new Arranged(app, time, pool.Id, key, engagement.Id, advisorClient, contact);
    }

    /// <summary>Logs what the form proposes: its default date is "today" as the page computes it.</summary>
    private static async Task<HttpResponseMessage> LogTodayAsync(Arranged a, int halfDays)
    {
        var form = await a.Advisor.GetStringAsync($"/engagements/{a.EngagementId}", Ct);
        var date = System.Text.RegularExpressions.Regex.Match(form, "name=\"Log.Date\"[^>]*value=\"([0-9-]+)\"|value=\"([0-9-]+)\"[^>]*name=\"Log.Date\"");
        Assert.True(date.Success, "the log form proposes a date");
        var proposed = date.Groups[1].Success ? date.Groups[1].Value : date.Groups[2].Value;
        return await a.Advisor.PostFormAsync($"/engagements/{a.EngagementId}?handler=Log",
            [new("Log.Date", proposed), new("Log.Kind", "Workshop"), new("Log.HalfDays", halfDays.ToString())],
            formPageUrl: $"/engagements/{a.EngagementId}");
    }

    [Fact]
    public async Task Activity_logged_at_half_past_eleven_on_new_years_eve_in_Berlin_counts_for_the_old_year()
    {
        var a = await ArrangeAsync("silvester", "05611000", new DateTimeOffset(2026, 12, 31, 22, 30, 0, TimeSpan.Zero));
        await using var app = a.App;
        Assert.Contains("Beratungstage 2026 für Stadt silvester", Html.Text(await a.Advisor.GetStringAsync($"/engagements/{a.EngagementId}", Ct)));

        Assert.Equal(HttpStatusCode.Redirect, (await LogTodayAsync(a, 2)).StatusCode);

        var activity = await app.WithDbAsync(db => db.Activities.SingleAsync(x => x.EngagementId == a.EngagementId));
        Assert.Equal((new DateOnly(2026, 12, 31), a.Time.GetUtcNow()), (activity.Date, activity.CreatedAt));
        Assert.Equal([(2026, 2)], await app.WithDbAsync(db => db.DayQuotaAccounts.Where(x => x.PoolId == a.PoolId && x.MunicipalityKey == a.Key)
            .Select(x => new ValueTuple<int, int>(x.Year, x.UsedHalfDays)).ToListAsync()));
    }

    [Fact]
    public async Task Activity_logged_at_half_past_midnight_on_new_years_day_in_Berlin_counts_for_the_new_year_while_UTC_is_still_in_the_old()
    {
        var a = await ArrangeAsync("neujahr", "05612000", new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero));
        await using var app = a.App;
        Assert.Contains("Beratungstage 2027 für Stadt neujahr", Html.Text(await a.Advisor.GetStringAsync($"/engagements/{a.EngagementId}", Ct)));

        Assert.Equal(HttpStatusCode.Redirect, (await LogTodayAsync(a, 2)).StatusCode);

        Assert.Equal(new DateOnly(2027, 1, 1), await app.WithDbAsync(db => db.Activities.Where(x => x.EngagementId == a.EngagementId).Select(x => x.Date).SingleAsync()));
        Assert.Equal([(2027, 2)], await app.WithDbAsync(db => db.DayQuotaAccounts.Where(x => x.PoolId == a.PoolId && x.MunicipalityKey == a.Key)
            .Select(x => new ValueTuple<int, int>(x.Year, x.UsedHalfDays)).ToListAsync()));
    }

    [Fact]
    public async Task Days_left_on_the_municipality_dashboard_start_afresh_at_Berlin_midnight_not_at_UTC_midnight()
    {
        var a = await ArrangeAsync("mitternacht", "05613000", new DateTimeOffset(2026, 12, 31, 22, 0, 0, TimeSpan.Zero));
        await using var app = a.App;
        Assert.Equal(HttpStatusCode.Redirect, (await LogTodayAsync(a, 2)).StatusCode);
        Assert.Contains("Beratungstage übrig in diesem Jahr für Stadt mitternacht (1 von 10 genutzt, Pool mitternacht)",
            Html.Text(await a.Contact.GetStringAsync("/municipality", Ct)));

        a.Time.Advance(TimeSpan.FromMinutes(59)); // 23:59 in Berlin
        Assert.Contains("(1 von 10 genutzt", Html.Text(await a.Contact.GetStringAsync("/municipality", Ct)));

        a.Time.Advance(TimeSpan.FromMinutes(1)); // 00:00 in Berlin, 23:00 UTC on 31 December
        Assert.Contains("Beratungstage übrig in diesem Jahr für Stadt mitternacht (0 von 10 genutzt, Pool mitternacht)",
            Html.Text(await a.Contact.GetStringAsync("/municipality", Ct)));
    }
}
