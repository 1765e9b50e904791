namespace Beraterpool.Web.Features.Email;

/// <summary>
/// When a mail that could not be sent is tried again: after the first failed attempt in 1 minute, then 5 minutes,
/// 30 minutes, 2 hours, 6 hours, then every 12 hours — until 3 days after it was queued; an attempt that would
/// fall later does not happen and the mail is Failed. <c>Email:RetryDelays</c>, <c>Email:RetryInterval</c> and
/// <c>Email:RetryFor</c> change the figures. Pure, so it is tested directly.
/// </summary>
public sealed class RetrySchedule(IReadOnlyList<TimeSpan> delays, TimeSpan interval, TimeSpan retryFor)
{
    public static readonly TimeSpan[] DefaultDelays =
        [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(6)];

    public static RetrySchedule From(EmailOptions o) => new(
        o.RetryDelays is { Length: > 0 } d ? d : DefaultDelays,
        o.RetryInterval > TimeSpan.Zero ? o.RetryInterval : TimeSpan.FromHours(12),
        o.RetryFor >= TimeSpan.Zero ? o.RetryFor : TimeSpan.FromDays(3));

    /// <summary>The next attempt after <paramref name="attempts"/> failed ones (at <paramref name="now"/>); null: give up.</summary>
    public DateTimeOffset? Next(int attempts, DateTimeOffset queuedAt, DateTimeOffset now)
    {
        var delay = attempts >= 1 && attempts <= delays.Count ? delays[attempts - 1] : interval;
        var next = now + delay;
        return next <= queuedAt + retryFor ? next : null;
    }
}
