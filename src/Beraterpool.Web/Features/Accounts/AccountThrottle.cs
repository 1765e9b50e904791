using System.Globalization;
using System.Threading.RateLimiting;

namespace Beraterpool.Web.Features.Accounts;

/// <summary>
/// The second limit on sign-in and reset mails, by the account name typed in (the first, by client address, is the
/// "account" rate-limiter policy): attempts spread over many addresses still hit one account only so often. Counts
/// addresses with and without an account alike, so the limit tells nothing about which exist.
/// Accounts:RateLimit:PerAccountPermitLimit per Accounts:RateLimit:WindowSeconds (default 5 per 5 minutes).
/// </summary>
public sealed class AccountThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;
    public TimeSpan Window { get; }

    public AccountThrottle(IConfiguration config)
    {
        var permits = config.GetValue("Accounts:RateLimit:PerAccountPermitLimit", 5);
        Window = TimeSpan.FromSeconds(config.GetValue("Accounts:RateLimit:WindowSeconds", 300));
        _limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = Window, QueueLimit = 0, AutoReplenishment = true }));
    }

    /// <summary>False when <paramref name="email"/> has used up its attempts for <paramref name="purpose"/>; the page then answers 429.</summary>
    public bool TryAcquire(string purpose, string email)
    {
        using var lease = _limiter.AttemptAcquire($"{purpose}:{email.Trim().ToUpperInvariant()}");
        return lease.IsAcquired;
    }

    /// <summary>The 429 answer with the wait in Retry-After; the status code pages show the friendly page.</summary>
    public int Refuse(HttpResponse response)
    {
        response.Headers.RetryAfter = ((int)Window.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        return StatusCodes.Status429TooManyRequests;
    }

    public void Dispose() => _limiter.Dispose();
}
