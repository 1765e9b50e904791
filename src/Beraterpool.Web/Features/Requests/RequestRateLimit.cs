using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Beraterpool.Web.Features.Requests;

/// <summary>
/// Spam and guessing protection without third parties, by client address (behind a proxy the forwarded-headers
/// set-up puts the client's address there). Two policies, only POSTs count:
/// "sending" — each address may send a few requests (and account or withdrawal actions) per window; only the final
/// "send" counts, so searching and checking answers stay free. Requests:RateLimit:PermitLimit / WindowSeconds
/// (default 5 per 10 minutes).
/// "account" — sign-in, forgotten and new password, invitation: each address has its own budget per form.
/// Accounts:RateLimit:PermitLimit / WindowSeconds (default 10 per 5 minutes); sign-in and reset mails are also
/// limited per account name (<see cref="Accounts.AccountThrottle"/>).
/// The counters live in this instance's memory: with several instances each one counts on its own.
/// </summary>
public static class RequestRateLimit
{
    /// <summary>The policy on the pages that send: <c>[EnableRateLimiting(RequestRateLimit.Policy)]</c> with <see cref="SendingHandlersAttribute"/>.</summary>
    public const string Policy = "sending";

    /// <summary>The policy on the account forms: <c>[EnableRateLimiting(RequestRateLimit.AccountPolicy)]</c>.</summary>
    public const string AccountPolicy = "account";

    public static IServiceCollection AddRequestRateLimit(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IConfiguration>((options, config) =>
        {
            var sending = Limit(config, "Requests:RateLimit", 5, 600);
            var account = Limit(config, "Accounts:RateLimit", 10, 300);
            // No body: the status code pages show the friendly "Zu viele Anfragen" page (Features/Errors).
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                var policy = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName;
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) && retryAfter > TimeSpan.Zero
                    ? retryAfter
                    : (policy == AccountPolicy ? account : sending).Window;
                context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            options.AddPolicy(Policy, context => IsSending(context)
                ? RateLimitPartition.GetFixedWindowLimiter(ClientAddress(context), _ => sending)
                : RateLimitPartition.GetNoLimiter(""));
            // Keyed by page too: a few failed sign-ins do not block asking for a new password.
            options.AddPolicy(AccountPolicy, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter($"{context.GetEndpoint()?.DisplayName}|{ClientAddress(context)}", _ => account)
                : RateLimitPartition.GetNoLimiter(""));
        });
        return services;
    }

    private static FixedWindowRateLimiterOptions Limit(IConfiguration config, string section, int permits, int seconds) => new()
    {
        PermitLimit = config.GetValue($"{section}:PermitLimit", permits),
        Window = TimeSpan.FromSeconds(config.GetValue($"{section}:WindowSeconds", seconds)),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    private static string ClientAddress(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

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
