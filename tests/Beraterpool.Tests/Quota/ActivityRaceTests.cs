using Stopwatch = System.Diagnostics.Stopwatch;
using System.Net;
using Beraterpool.Tests.Engagements;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Engagements;
using Beraterpool.Web.Features.Quota;
using Beraterpool.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beraterpool.Tests.Quota;

/// <summary>
/// Edits, deletes and logs racing each other through the real page handlers, many rounds: after every round the
/// municipality's account equals the sum of its activities per year, never passes the quota (10 days), no advisor
/// has more than one day on one date, and nobody got a 500. Runs on SQLite and, with TEST_DATABASE=Postgres, on
/// PostgreSQL. RACE_ROUNDS sets the rounds per race (default 12).
/// </summary>
public sealed class ActivityRaceTests(ActivityRaceTests.App app) : IClassFixture<ActivityRaceTests.App>
{
    public sealed class App() : TestApp(importGazetteer: false);

    /// <summary>An advisor with a signed-in browser that keeps one anti-forgery token.</summary>
    public sealed record Player(int AdvisorId, string UserId, HttpClient Client)
    {
        public string Token { get; set; } = "";

        /// <summary>Posts a form the way a browser would; a thrown exception counts as a 500.</summary>
        public async Task<HttpStatusCode> PostAsync(string url, params (string Key, string Value)[] fields)
        {
            try
            {
                var all = fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).Append(new("__RequestVerificationToken", Token));
                using var response = await Client.PostAsync(url, new FormUrlEncodedContent(all));
                return response.StatusCode;
            }
            catch (Exception)
            {
                return HttpStatusCode.InternalServerError;
            }
        }
    }

    private sealed record Round(int Number, string Key, int EngagementId, Player One, Player Two);

    private static int Rounds => int.TryParse(Environment.GetEnvironmentVariable("RACE_ROUNDS"), out var n) && n > 0 ? n : 12;
    private static DateOnly Today => TimeProvider.System.LocalToday();
    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd");
    private static int _municipality;

    private int PoolId { get; set; }

    /// <summary>A fresh municipality (so a fresh account) with an engagement of two advisors that started 40 days ago.</summary>
    private async Task<Round> NewRoundAsync(int number, Round? sameAdvisors = null)
    {
        if (PoolId == 0) PoolId = (await app.CreatePoolAsync($"wettlauf-{Guid.NewGuid():N}"[..20])).Id;
        var key = "059" + Interlocked.Increment(ref _municipality).ToString("00000");
        await app.MunicipalityAsync(key, $"Wettlauf {key}");
        var one = sameAdvisors?.One ?? await PlayerAsync($"w{key}-eins");
        var two = sameAdvisors?.Two ?? await PlayerAsync($"w{key}-zwei");
        var engagement = await app.EngagementAsync(PoolId, key, [one.AdvisorId, two.AdvisorId]);
        await BackdateAsync(engagement.Id);
        foreach (var p in new[] { one, two }) p.Token = Html.AntiforgeryToken(await p.Client.GetStringAsync($"/engagements/{engagement.Id}"));
        return new Round(number, key, engagement.Id, one, two);
    }

    private async Task<Player> PlayerAsync(string name)
    {
        var client = await app.SignedInBrowserAsync($"{name}@example.org", Roles.Advisor);
        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == $"{name}@example.org").Select(u => u.Id).SingleAsync());
        var advisor = await app.CreateAdvisorAsync(PoolId, name, userId);
        return new Player(advisor.Id, userId, client);
    }

    private Task<int> BackdateAsync(int engagementId) => app.WithDbAsync(db => db.Engagements.Where(e => e.Id == engagementId)
        .ExecuteUpdateAsync(s => s.SetProperty(e => e.StartedAt, DateTimeOffset.UtcNow.AddDays(-40))));

    /// <summary>Logs through the service the handler uses; the filler days lie 1…n days back, two half days each.</summary>
    private async Task<int> LogAsync(Round round, Player who, DateOnly date, int halfDays)
    {
        await using var scope = app.Scope();
        var activity = new Activity
        {
            EngagementId = round.EngagementId, AdvisorId = who.AdvisorId, Date = date, Kind = ActivityKind.Workshop, HalfDays = halfDays,
            CreatedByUserId = who.UserId,
        };
        Assert.True((await scope.ServiceProvider.GetRequiredService<DayQuotaService>().TryLogActivityAsync(activity)).Succeeded);
        return activity.Id;
    }

    private async Task FillAsync(Round round, Player who, int halfDays, int firstDayBack = 1)
    {
        for (var back = firstDayBack; halfDays > 0; back++, halfDays -= 2)
            await LogAsync(round, who, Today.AddDays(-back), Math.Min(2, halfDays));
    }

    private static Task<HttpStatusCode> EditAsync(Round round, Player who, int activityId, DateOnly date, int halfDays) =>
        who.PostAsync($"/engagements/{round.EngagementId}/activities/{activityId}",
            ("Log.Date", Iso(date)), ("Log.Kind", "Conversation"), ("Log.HalfDays", halfDays.ToString()), ("Log.Notes", "geändert"));

    private static Task<HttpStatusCode> DeleteAsync(Round round, Player who, int activityId) =>
        who.PostAsync($"/engagements/{round.EngagementId}/activities/{activityId}?handler=Delete");

    private static Task<HttpStatusCode> PostLogAsync(Round round, Player who, DateOnly date, int halfDays) =>
        who.PostAsync($"/engagements/{round.EngagementId}?handler=Log", ("Log.Date", Iso(date)), ("Log.Kind", "Workshop"), ("Log.HalfDays", halfDays.ToString()));

    /// <summary>Starts all moves at once, as far as a test can.</summary>
    private static async Task<HttpStatusCode[]> RaceAsync(params Func<Task<HttpStatusCode>>[] moves)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = moves.Select(m => Task.Run(async () => { await start.Task; return await m(); })).ToList();
        start.SetResult();
        return await Task.WhenAll(tasks);
    }

    private async Task AssertConsistentAsync(Round round, string race, HttpStatusCode[] answers)
    {
        var where = $"{race}, round {round.Number}";
        Assert.True(answers.All(s => s is HttpStatusCode.Redirect or HttpStatusCode.OK or HttpStatusCode.NotFound or HttpStatusCode.Conflict),
            $"{where}: answers {string.Join(", ", answers.Select(a => (int)a))}");
        var (accounts, activities, days) = await app.WithDbAsync(async db =>
        {
            var accounts = await db.DayQuotaAccounts.AsNoTracking().Where(a => a.PoolId == PoolId && a.MunicipalityKey == round.Key)
                .Select(a => new { a.Year, a.QuotaHalfDays, a.UsedHalfDays }).ToListAsync();
            var activities = await db.Activities.AsNoTracking().Where(a => a.EngagementId == round.EngagementId).Select(a => new { a.Date, a.HalfDays }).ToListAsync();
            var days = await db.Activities.AsNoTracking().Where(a => a.AdvisorId == round.One.AdvisorId || a.AdvisorId == round.Two.AdvisorId)
                .GroupBy(a => new { a.AdvisorId, a.Date }).Select(g => new { g.Key.AdvisorId, g.Key.Date, HalfDays = g.Sum(a => a.HalfDays) })
                .Where(g => g.HalfDays > 2).ToListAsync();
            return (accounts, activities, days);
        });
        foreach (var year in accounts.Select(a => a.Year).Union(activities.Select(a => a.Date.Year)))
        {
            var account = accounts.SingleOrDefault(a => a.Year == year);
            var logged = activities.Where(a => a.Date.Year == year).Sum(a => a.HalfDays);
            Assert.True((account?.UsedHalfDays ?? 0) == logged, $"{where}: the account of {year} says {account?.UsedHalfDays ?? 0} half days used, the activities sum to {logged}");
            Assert.True(logged <= (account?.QuotaHalfDays ?? 20), $"{where}: {logged} half days logged in {year}, the quota is {account?.QuotaHalfDays}");
        }
        Assert.True(days.Count == 0, $"{where}: more than one day on one date: {string.Join("; ", days.Select(d => $"advisor {d.AdvisorId} {d.Date} {d.HalfDays}"))}");
    }

    private static void Report(string race, Stopwatch clock) =>
        TestContext.Current.TestOutputHelper?.WriteLine($"{race}: {Rounds} rounds on {(TestApp.UsePostgres ? "PostgreSQL" : "SQLite")} in {clock.Elapsed.TotalSeconds:F1} s");

    [Fact]
    public async Task Parallel_edits_of_one_activity_keep_the_account_equal_to_the_activities()
    {
        var clock = Stopwatch.StartNew();
        for (var n = 1; n <= Rounds; n++)
        {
            var round = await NewRoundAsync(n);
            await FillAsync(round, round.One, 18);
            var id = await LogAsync(round, round.Two, Today, 2);
            var answers = await RaceAsync(
                () => EditAsync(round, round.Two, id, Today, 1),
                () => EditAsync(round, round.Two, id, Today.AddDays(-1), 2),
                () => EditAsync(round, round.Two, id, Today.AddDays(-2), 1),
                () => EditAsync(round, round.Two, id, Today, 2));
            await AssertConsistentAsync(round, "edit/edit", answers);
        }
        Report("edit/edit", clock);
    }

    [Fact]
    public async Task An_edit_racing_a_delete_leaves_no_phantom_days_and_answers_no_500()
    {
        var clock = Stopwatch.StartNew();
        for (var n = 1; n <= Rounds; n++)
        {
            var round = await NewRoundAsync(n);
            await FillAsync(round, round.One, 10);
            var id = await LogAsync(round, round.Two, Today, 1);
            var answers = await RaceAsync(
                () => EditAsync(round, round.Two, id, Today, 2),
                () => DeleteAsync(round, round.Two, id),
                () => EditAsync(round, round.Two, id, Today.AddDays(-1), 2),
                () => DeleteAsync(round, round.Two, id));
            await AssertConsistentAsync(round, "edit/delete", answers);
        }
        Report("edit/delete", clock);
    }

    [Fact]
    public async Task A_log_racing_a_delete_on_a_full_account_keeps_it_equal_to_the_activities()
    {
        var clock = Stopwatch.StartNew();
        for (var n = 1; n <= Rounds; n++)
        {
            var round = await NewRoundAsync(n);
            await FillAsync(round, round.One, 18);
            var id = await LogAsync(round, round.Two, Today, 2);
            var answers = await RaceAsync(
                () => DeleteAsync(round, round.Two, id),
                () => PostLogAsync(round, round.One, Today, 2),
                () => PostLogAsync(round, round.Two, Today.AddDays(-1), 1),
                () => EditAsync(round, round.Two, id, Today, 1));
            await AssertConsistentAsync(round, "log/delete", answers);
        }
        Report("log/delete", clock);
    }

    [Fact]
    public async Task Parallel_logs_near_the_quota_take_only_what_is_left()
    {
        var clock = Stopwatch.StartNew();
        for (var n = 1; n <= Rounds; n++)
        {
            var round = await NewRoundAsync(n);
            await FillAsync(round, round.One, 18);
            var answers = await RaceAsync(
                () => PostLogAsync(round, round.One, Today, 2),
                () => PostLogAsync(round, round.One, Today.AddDays(-10), 2),
                () => PostLogAsync(round, round.Two, Today, 2),
                () => PostLogAsync(round, round.Two, Today.AddDays(-1), 2));
            await AssertConsistentAsync(round, "log/log", answers);
            Assert.Equal(1, answers.Count(a => a == HttpStatusCode.Redirect));
        }
        Report("log/log", clock);
    }

    [Fact]
    public async Task Parallel_logs_of_one_advisor_on_one_date_in_two_engagements_add_up_to_one_day_at_most()
    {
        var clock = Stopwatch.StartNew();
        for (var n = 1; n <= Rounds; n++)
        {
            var first = await NewRoundAsync(n);
            var second = await NewRoundAsync(n, sameAdvisors: first);
            var date = Today.AddDays(-(n % 20));
            var answers = await RaceAsync(
                () => PostLogAsync(first, first.One, date, 2),
                () => PostLogAsync(second, first.One, date, 2),
                () => PostLogAsync(second, first.One, date, 1),
                () => PostLogAsync(first, first.One, date, 1));
            await AssertConsistentAsync(first, "same date, two engagements", answers);
            await AssertConsistentAsync(second, "same date, two engagements", answers);
        }
        Report("same date, two engagements", clock);
    }
}
