using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Beraterpool.Web.Features.Requests;

/// <summary>
/// Spam protection without third parties: each IP address may send a few requests (and account or withdrawal
/// actions) per window. Only the final "send" counts, so searching and checking answers stay free.
/// Configurable as Requests:RateLimit:PermitLimit and Requests:RateLimit:WindowSeconds (default 5 per 10 minutes).
/// The counters live in this instance's memory: with several instances each one counts on its own.
/// </summary>
public static class RequestRateLimit
{
    /// <summary>The policy on the pages that send: <c>[EnableRateLimiting(RequestRateLimit.Policy)]</c> with <see cref="SendingHandlersAttribute"/>.</summary>
    public const string Policy = "sending";

    public static IServiceCollection AddRequestRateLimit(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IConfiguration>((options, config) =>
        {
            var permits = config.GetValue("Requests:RateLimit:PermitLimit", 5);
            var window = TimeSpan.FromSeconds(config.GetValue("Requests:RateLimit:WindowSeconds", 600));
            // No body: the status code pages show the friendly "Zu viele Anfragen" page (Features/Errors).
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = ((int)window.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            options.AddPolicy(Policy, context => IsSending(context)
                ? RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0, AutoReplenishment = true })
                : RateLimitPartition.GetNoLimiter(""));
        });
        return services;
    }

    // A page's endpoint covers all its handlers; only the POST handlers it names as sending are limited.
    private static bool IsSending(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method)) return false;
        var sending = context.GetEndpoint()?.Metadata.GetMetadata<SendingHandlersAttribute>();
        if (sending is null) return true;
        var handler = context.Request.RouteValues["handler"] as string ?? context.Request.Query["handler"].ToString();
        return sending.Handlers.Contains(handler, StringComparer.OrdinalIgnoreCase);
    }
}

/// <summary>The POST handlers of a rate-limited page that send something ("" for <c>OnPost</c>); the others stay free.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class SendingHandlersAttribute(params string[] handlers) : Attribute
{
    public IReadOnlyList<string> Handlers { get; } = handlers;
}
