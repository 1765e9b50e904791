using Beraterpool.Web.Features.Email;

namespace Beraterpool.Tests.Email;

public sealed class RetryScheduleTests
{
    private static readonly DateTimeOffset Queued = new(2026, 12, 4, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The attempts of a mail that never goes through, in hours and minutes after it was queued.</summary>
    private static List<TimeSpan> Attempts(RetrySchedule schedule)
    {
        var at = Queued;
        var attempts = new List<TimeSpan> { TimeSpan.Zero };
        while (schedule.Next(attempts.Count, Queued, at) is { } next)
        {
            at = next;
            attempts.Add(at - Queued);
        }
        return attempts;
    }

    [Fact]
    public void By_default_a_mail_is_tried_at_0_1_6_36_minutes_then_2h36_8h36_and_every_12_hours_until_3_days()
    {
        var attempts = Attempts(RetrySchedule.From(new EmailOptions()));

        Assert.Equal(new[] { "0:00", "0:01", "0:06", "0:36", "2:36", "8:36", "20:36", "32:36", "44:36", "56:36", "68:36" },
            attempts.Select(a => $"{(int)a.TotalHours}:{a.Minutes:00}"));
    }

    [Fact]
    public void Configured_delays_interval_and_limit_replace_the_defaults()
    {
        var options = new EmailOptions
        {
            RetryDelays = [TimeSpan.FromMinutes(10)], RetryInterval = TimeSpan.FromHours(1), RetryFor = TimeSpan.FromHours(3),
        };

        Assert.Equal(new[] { 0, 10, 70, 130 }, Attempts(RetrySchedule.From(options)).Select(a => (int)a.TotalMinutes));
    }

    [Fact]
    public void A_retry_limit_of_zero_gives_up_after_the_first_attempt() =>
        Assert.Null(RetrySchedule.From(new EmailOptions { RetryFor = TimeSpan.Zero }).Next(1, Queued, Queued));
}
