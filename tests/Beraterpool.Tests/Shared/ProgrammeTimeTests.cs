using Beraterpool.Web.Features.Shared;
using Microsoft.Extensions.Time.Testing;

namespace Beraterpool.Tests.Shared;

public sealed class ProgrammeTimeTests
{
    private static FakeTimeProvider At(string utc) => new(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("2026-12-31T22:30:00Z", "2026-12-31", 2026)] // 23:30 in Berlin: still the old quota year
    [InlineData("2026-12-31T22:59:59Z", "2026-12-31", 2026)]
    [InlineData("2026-12-31T23:00:00Z", "2027-01-01", 2027)] // midnight in Berlin, 23:00 UTC
    [InlineData("2026-12-31T23:30:00Z", "2027-01-01", 2027)] // 00:30 in Berlin on New Year's Day
    public void LocalToday_and_LocalYear_follow_Berlin_midnight_not_UTC_midnight(string utc, string today, int year)
    {
        var time = At(utc);
        Assert.Equal(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), time.LocalToday());
        Assert.Equal(year, time.LocalYear());
    }

    [Theory]
    [InlineData("2026-06-30T21:59:00Z", "2026-06-30")] // summer time (UTC+2): the day turns at 22:00 UTC
    [InlineData("2026-06-30T22:00:00Z", "2026-07-01")]
    [InlineData("2026-01-15T22:00:00Z", "2026-01-15")] // winter time (UTC+1): the day turns at 23:00 UTC
    [InlineData("2026-01-15T23:00:00Z", "2026-01-16")]
    public void LocalToday_turns_at_Berlin_midnight_in_summer_and_in_winter(string utc, string today) =>
        Assert.Equal(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), At(utc).LocalToday());

    [Theory]
    [InlineData("2026-03-29T00:59:00Z", "2026-03-29T01:59:00+01:00")] // last minute of winter time
    [InlineData("2026-03-29T01:00:00Z", "2026-03-29T03:00:00+02:00")] // clocks jump from 2:00 to 3:00
    [InlineData("2026-10-25T00:30:00Z", "2026-10-25T02:30:00+02:00")] // 2:30 summer time
    [InlineData("2026-10-25T01:30:00Z", "2026-10-25T02:30:00+01:00")] // 2:30 again, winter time
    public void LocalNow_keeps_the_offset_across_the_daylight_saving_change(string utc, string local)
    {
        var now = At(utc).LocalNow();
        var expected = DateTimeOffset.Parse(local, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal((expected.DateTime, expected.Offset), (now.DateTime, now.Offset));
    }

    [Fact]
    public void AgeInDays_counts_Berlin_calendar_days_so_a_request_from_one_minute_before_local_midnight_is_one_day_old()
    {
        var time = At("2026-12-31T23:01:00Z"); // 00:01 on 1 January in Berlin
        Assert.Equal(1, time.AgeInDays(DateTimeOffset.Parse("2026-12-31T22:59:00Z", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(0, time.AgeInDays(DateTimeOffset.Parse("2026-12-31T23:00:30Z", System.Globalization.CultureInfo.InvariantCulture)));
    }
}
