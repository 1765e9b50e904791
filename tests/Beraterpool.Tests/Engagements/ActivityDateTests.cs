using System.Net;
using System.Text.RegularExpressions;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Engagements;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Beraterpool.Tests.Engagements;

/// <summary>
/// Activities are dated within the engagement, from the first of the previous month (programme time) to today, and
/// an advisor has at most one day per date across all engagements; a wrong date is told at the date field, the
/// input stays.
/// </summary>
public sealed partial class ActivityDateTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Arranged(TestApp App, FakeTimeProvider Time, int PoolId, string Key, int EngagementId, int AdvisorId, HttpClient Advisor);

    /// <summary>An advisor in an engagement that started on <paramref name="started"/>; the app's clock stands at <paramref name="utc"/>.</summary>
    private static async Task<Arranged> ArrangeAsync(string name, string key, DateTimeOffset utc, DateTimeOffset started, params (string Key, string Value)[] settings)
    {
        var time = new FakeTimeProvider(utc);
        var app = new TestApp(importGazetteer: false).WithTime(time);
        foreach (var (k, v) in settings) app.With(k, v);
        var pool = await app.CreatePoolAsync(name);
        var client = await app.SignedInBrowserAsync($"{name}-berater@example.org", Roles.Advisor);
        var advisor = await app.CreateAdvisorAsync(pool.Id, $"{name}-berater",
            await app.WithDbAsync(db => db.Users.Where(u => u.Email == $"{name}-berater@example.org").Select(u => u.Id).SingleAsync()));
        await app.MunicipalityAsync(key, $"Stadt {name}");
        var engagement = await app.EngagementAsync(pool.Id, key, [advisor.Id]);
        await StartAsync(app, engagement.Id, started);
        return new Arranged(app, time, pool.Id, key, engagement.Id, advisor.Id, client);
    }

    private static Task<int> StartAsync(TestApp app, int engagementId, DateTimeOffset started) =>
        app.WithDbAsync(db => db.Engagements.Where(e => e.Id == engagementId).ExecuteUpdateAsync(x => x.SetProperty(e => e.StartedAt, started)));

    private static Task<HttpResponseMessage> LogAsync(HttpClient client, int engagementId, string date, int halfDays = 2) =>
        client.PostFormAsync($"/engagements/{engagementId}?handler=Log",
            [new("Log.Date", date), new("Log.Kind", "Workshop"), new("Log.HalfDays", halfDays.ToString()), new("Log.Participants", "Integrationsrat Nord")],
            formPageUrl: $"/engagements/{engagementId}");

    private static Task<HttpResponseMessage> EditAsync(HttpClient client, int engagementId, int activityId, string date, int halfDays, string notes = "") =>
        client.PostFormAsync($"/engagements/{engagementId}/activities/{activityId}",
            [new("Log.Date", date), new("Log.Kind", "Workshop"), new("Log.HalfDays", halfDays.ToString()), new("Log.Notes", notes)]);

    /// <summary>The message shown at the date field, or null.</summary>
    private static async Task<string?> DateMessageAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        var m = DateError().Match(html);
        return m.Success ? Html.Text(m.Groups[1].Value) : null;
    }

    /// <summary>A refused log keeps what was typed and saves nothing.</summary>
    private static async Task AssertRefusedAsync(Arranged a, string date, string message)
    {
        var day = DateOnly.ParseExact(date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var response = await LogAsync(a.Advisor, a.EngagementId, date);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(message, await DateMessageAsync(response));
        Assert.Contains("value=\"Integrationsrat Nord\"", html);
        Assert.Contains($"value=\"{date}\"", html);
        Assert.False(await a.App.WithDbAsync(db => db.Activities.AnyAsync(x => x.EngagementId == a.EngagementId && x.Date == day)));
    }

    private static readonly DateTimeOffset MidMarch = new(2026, 3, 15, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Year_one_and_next_year_are_refused_at_the_date_field_and_leave_no_account_behind()
    {
        var a = await ArrangeAsync("jahreins", "05711000", MidMarch, MidMarch.AddDays(-60));
        await using var app = a.App;
        await AssertRefusedAsync(a, "0001-01-01",
            "Aktivitäten lassen sich bis zum 01.02.2026 zurück eintragen. Für frühere Tage wenden Sie sich bitte an die Koordinierungsstelle.");
        await AssertRefusedAsync(a, "2027-03-15", "Das Datum liegt in der Zukunft. Bitte tragen Sie Aktivitäten ein, wenn sie stattgefunden haben.");
        await AssertRefusedAsync(a, "2026-03-16", "Das Datum liegt in der Zukunft. Bitte tragen Sie Aktivitäten ein, wenn sie stattgefunden haben.");
        Assert.False(await app.WithDbAsync(db => db.DayQuotaAccounts.AnyAsync(x => x.PoolId == a.PoolId)));

        Assert.Equal(HttpStatusCode.Redirect, (await LogAsync(a.Advisor, a.EngagementId, "2026-03-15")).StatusCode);
    }

    [Fact]
    public async Task The_previous_calendar_month_is_open_but_two_months_back_is_not()
    {
        var a = await ArrangeAsync("zweimonate", "05712000", MidMarch, MidMarch.AddDays(-90));
        await using var app = a.App;
        await AssertRefusedAsync(a, "2026-01-31",
            "Aktivitäten lassen sich bis zum 01.02.2026 zurück eintragen. Für frühere Tage wenden Sie sich bitte an die Koordinierungsstelle.");
        Assert.Equal(HttpStatusCode.Redirect, (await LogAsync(a.Advisor, a.EngagementId, "2026-02-01")).StatusCode);
    }

    [Fact]
    public async Task No_date_before_the_engagement_started()
    {
        var a = await ArrangeAsync("beginn", "05713000", MidMarch, new DateTimeOffset(2026, 3, 9, 23, 30, 0, TimeSpan.Zero)); // 10 March in Berlin
        await using var app = a.App;
        await AssertRefusedAsync(a, "2026-03-09", "Die Begleitung hat am 10.03.2026 begonnen. Bitte wählen Sie ein Datum ab diesem Tag.");
        Assert.Equal(HttpStatusCode.Redirect, (await LogAsync(a.Advisor, a.EngagementId, "2026-03-10")).StatusCode);
    }

    [Fact]
    public async Task At_half_past_midnight_on_new_years_day_in_Berlin_December_is_still_open_and_the_second_of_January_not_yet()
    {
        // 31 December 23:30 UTC is 1 January 00:30 in Berlin: the current month is January, the previous one December.
        var a = await ArrangeAsync("neujahrsnacht", "05714000", new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 10, 1, 8, 0, 0, TimeSpan.Zero));
        await using var app = a.App;
        await AssertRefusedAsync(a, "2026-11-30",
            "Aktivitäten lassen sich bis zum 01.12.2026 zurück eintragen. Für frühere Tage wenden Sie sich bitte an die Koordinierungsstelle.");
        await AssertRefusedAsync(a, "2027-01-02", "Das Datum liegt in der Zukunft. Bitte tragen Sie Aktivitäten ein, wenn sie stattgefunden haben.");
        Assert.Equal(HttpStatusCode.Redirect, (await LogAsync(a.Advisor, a.EngagementId, "2026-12-01")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await LogAsync(a.Advisor, a.EngagementId, "2027-01-01", 1)).StatusCode);
        Assert.Equal([(2026, 2), (2027, 1)], await app.WithDbAsync(db => db.DayQuotaAccounts.Where(x => x.PoolId == a.PoolId)
            .OrderBy(x => x.Year).Select(x => new ValueTuple<int, int>(x.Year, x.UsedHalfDays)).ToListAsync()));
    }

    [Fact]
    public async Task At_half_past_eleven_on_new_years_eve_in_Berlin_new_years_day_is_still_the_future()
    {
        var a = await ArrangeAsync("silvesternacht", "05715000", new DateTimeOffset(2026, 12, 31, 22, 30, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 10, 1, 8, 0, 0, TimeSpan.Zero));
        await using var app = a.App;
        await AssertRefusedAsync(a, "2027-01-01", "Das Datum liegt in der Zukunft. Bitte tragen Sie Aktivitäten ein, wenn sie stattgefunden haben.");
        await AssertRefusedAsync(a, "2026-10-31",
            "Aktivitäten lassen sich bis zum 01.11.2026 zurück eintragen. Für frühere Tage wenden Sie sich bitte an die Koordinierungsstelle.");
        Assert.Equal(HttpStatusCode.Redirect, (await LogAsync(a.Advisor, a.EngagementId, "2026-12-31")).StatusCode);
    }

    [Fact]
    public async Task One_day_per_advisor_and_date_across_two_engagements()
    {
        var a = await ArrangeAsync("zweibegleitungen", "05716000", MidMarch, MidMarch.AddDays(-30));
        await using var app = a.App;
        await app.MunicipalityAsync("05716004", "Stadt zwei");
        var other = await app.EngagementAsync(a.PoolId, "05716004", [a.AdvisorId]);
        await StartAsync(app, other.Id, MidMarch.AddDays(-30));

        Assert.Equal(HttpStatusCode.Redirect, (await LogAsync(a.Advisor, a.EngagementId, "2026-03-13", 1)).StatusCode);
        var second = await LogAsync(a.Advisor, other.Id, "2026-03-13", 2);
        Assert.Equal("Bereits eingetragen am 13.03.2026: 0,5 Tage. Je Beraterin oder Berater und Datum geht höchstens ein Beratungstag.",
            await DateMessageAsync(second));
        Assert.Equal(HttpStatusCode.Redirect, (await LogAsync(a.Advisor, other.Id, "2026-03-13", 1)).StatusCode);

        // Moving or lengthening another activity onto the full date is refused the same way, at the date field.
        Assert.Equal(HttpStatusCode.Redirect, (await LogAsync(a.Advisor, other.Id, "2026-03-12", 2)).StatusCode);
        var moved = await app.WithDbAsync(db => db.Activities.Where(x => x.EngagementId == other.Id && x.Date == new DateOnly(2026, 3, 12)).Select(x => x.Id).SingleAsync());
        Assert.Equal("Bereits eingetragen am 13.03.2026: 1 Tag. Je Beraterin oder Berater und Datum geht höchstens ein Beratungstag.",
            await DateMessageAsync(await EditAsync(a.Advisor, other.Id, moved, "2026-03-13", 1)));
        var first = await app.WithDbAsync(db => db.Activities.Where(x => x.EngagementId == a.EngagementId).Select(x => x.Id).SingleAsync());
        Assert.NotNull(await DateMessageAsync(await EditAsync(a.Advisor, a.EngagementId, first, "2026-03-13", 2)));

        var activities = await app.WithDbAsync(db => db.Activities.Where(x => x.AdvisorId == a.AdvisorId).Select(x => new { x.Date, x.HalfDays }).ToListAsync());
        var perDate = activities.GroupBy(x => x.Date).Select(g => (g.Key, g.Sum(x => x.HalfDays))).OrderBy(x => x.Key);
        Assert.Equal([(new DateOnly(2026, 3, 12), 2), (new DateOnly(2026, 3, 13), 2)], perDate);
    }

    [Fact]
    public async Task An_edit_cannot_move_an_activity_out_of_the_window_but_may_correct_the_notes_of_an_older_one()
    {
        var a = await ArrangeAsync("aenderung", "05717000", MidMarch, MidMarch.AddDays(-60));
        await using var app = a.App;
        Assert.Equal(HttpStatusCode.Redirect, (await LogAsync(a.Advisor, a.EngagementId, "2026-02-02")).StatusCode);
        var id = await app.WithDbAsync(db => db.Activities.Where(x => x.EngagementId == a.EngagementId).Select(x => x.Id).SingleAsync());

        Assert.Equal("Aktivitäten lassen sich bis zum 01.02.2026 zurück eintragen. Für frühere Tage wenden Sie sich bitte an die Koordinierungsstelle.",
            await DateMessageAsync(await EditAsync(a.Advisor, a.EngagementId, id, "0001-01-01", 2)));

        a.Time.Advance(TimeSpan.FromDays(31)); // mid-April: February is closed now
        a = a with { Advisor = await app.SignedInBrowserAsync("aenderung-berater@example.org", Roles.Advisor) }; // the old session timed out
        Assert.Equal(HttpStatusCode.Redirect, (await EditAsync(a.Advisor, a.EngagementId, id, "2026-02-02", 2, notes: "Protokoll ergänzt")).StatusCode);
        Assert.NotNull(await DateMessageAsync(await EditAsync(a.Advisor, a.EngagementId, id, "2026-02-02", 1)));
        var activity = await app.WithDbAsync(db => db.Activities.AsNoTracking().SingleAsync(x => x.Id == id));
        Assert.Equal((new DateOnly(2026, 2, 2), 2, "Protokoll ergänzt"), (activity.Date, activity.HalfDays, activity.Notes));
    }

    [Fact]
    public async Task The_window_is_configurable()
    {
        var a = await ArrangeAsync("fenster", "05718000", MidMarch, MidMarch.AddDays(-90), ("Activities:PreviousMonths", "0"), ("Activities:FutureDays", "7"));
        await using var app = a.App;
        await AssertRefusedAsync(a, "2026-02-28",
            "Aktivitäten lassen sich bis zum 01.03.2026 zurück eintragen. Für frühere Tage wenden Sie sich bitte an die Koordinierungsstelle.");
        await AssertRefusedAsync(a, "2026-03-23", "Aktivitäten lassen sich höchstens bis zum 22.03.2026 im Voraus eintragen.");
        Assert.Equal(HttpStatusCode.Redirect, (await LogAsync(a.Advisor, a.EngagementId, "2026-03-22")).StatusCode);
    }

    [Fact]
    public async Task Defect9_ActivitiesDatedBeforeTheRequestAreRefused()
    {
        // An engagement recorded as started on 1 March for a request that came in on 10 March (an import, the demo).
        var a = await ArrangeAsync("vorderanfrage", "05719000", MidMarch, new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
        await using var app = a.App;
        await app.WithDbAsync(db => db.ConsultationRequests.Where(r => db.Engagements.Any(e => e.Id == a.EngagementId && e.RequestId == r.Id))
            .ExecuteUpdateAsync(x => x.SetProperty(r => r.CreatedAt, new DateTimeOffset(2026, 3, 10, 7, 0, 0, TimeSpan.Zero))));
        await AssertRefusedAsync(a, "2026-03-09",
            "Die Anfrage der Kommune ist am 10.03.2026 eingegangen. Aktivitäten davor gehören nicht zu dieser Begleitung; bitte wählen Sie ein Datum ab diesem Tag.");
        Assert.Equal(HttpStatusCode.Redirect, (await LogAsync(a.Advisor, a.EngagementId, "2026-03-10")).StatusCode);
        var id = await app.WithDbAsync(db => db.Activities.Where(x => x.EngagementId == a.EngagementId).Select(x => x.Id).SingleAsync());
        Assert.NotNull(await DateMessageAsync(await EditAsync(a.Advisor, a.EngagementId, id, "2026-03-02", 2)));
    }

    [Fact]
    public void The_window_starts_no_earlier_than_the_request()
    {
        var window = ActivityDateWindow.For(new DateOnly(2026, 3, 15), new ActivityDateOptions(), new DateOnly(2026, 3, 1), null, new DateOnly(2026, 3, 10));
        Assert.Equal((new DateOnly(2026, 3, 10), true, true), (window.First, window.FirstIsStart, window.FirstIsRequest));
        var later = ActivityDateWindow.For(new DateOnly(2026, 3, 15), new ActivityDateOptions(), new DateOnly(2026, 3, 12), null, new DateOnly(2026, 3, 10));
        Assert.Equal((new DateOnly(2026, 3, 12), false), (later.First, later.FirstIsRequest));
    }

    [Fact]
    public void The_window_ends_with_the_closing_of_the_engagement()
    {
        var options = new ActivityDateOptions { FutureDays = 30 };
        var window = ActivityDateWindow.For(new DateOnly(2026, 3, 15), options, new DateOnly(2025, 12, 1), new DateOnly(2026, 3, 20));
        Assert.Equal((new DateOnly(2026, 2, 1), new DateOnly(2026, 3, 20), false, true), (window.First, window.Last, window.FirstIsStart, window.LastIsClosing));
        Assert.False(window.Contains(new DateOnly(2026, 3, 21)));
        Assert.True(window.Contains(new DateOnly(2026, 3, 20)));
    }

    [GeneratedRegex("id=\"Log_Date-error\".*?<span class=\"kern-body\">(.*?)</span>", RegexOptions.Singleline)]
    private static partial Regex DateError();
}
