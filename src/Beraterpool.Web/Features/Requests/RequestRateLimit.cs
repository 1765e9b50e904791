using System.Threading.RateLimiting;

namespace Beraterpool.Web.Features.Requests;

/// <summary>
/// Spam protection without third parties: each IP address may send a few requests (and account or withdrawal
/// actions) per window. Only the final "send" counts, so searching and checking answers stay free.
/// Configurable as Requests:RateLimit:PermitLimit and Requests:RateLimit:WindowSeconds (default 5 per 10 minutes).
/// </summary>
public sealed class RequestRateLimit : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public RequestRateLimit(IConfiguration config)
    {
        var permits = config.GetValue("Requests:RateLimit:PermitLimit", 5);
        var window = TimeSpan.FromSeconds(config.GetValue("Requests:RateLimit:WindowSeconds", 600));
        Window = window;
        _limiter = PartitionedRateLimiter.Create<string, string>(ip => RateLimitPartition.GetFixedWindowLimiter(ip,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0, AutoReplenishment = true }));
    }

    public TimeSpan Window { get; }

    /// <summary>True when this client may go ahead; false means answer 429.</summary>
    public bool TryAcquire(HttpContext context)
    {
        using var lease = _limiter.AttemptAcquire(context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        if (lease.IsAcquired) return true;
        context.Response.Headers.RetryAfter = ((int)Window.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return false;
    }

    public void Dispose() => _limiter.Dispose();
}
