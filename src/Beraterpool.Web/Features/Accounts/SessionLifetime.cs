using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Beraterpool.Web.Features.Accounts;

/// <summary>
/// How long a sign-in lasts (Accounts:Session): it ends after <see cref="IdleTimeout"/> without a request (sliding
/// cookie), after <see cref="AbsoluteLifetime"/> in any case, and within <see cref="StampCheckInterval"/> of a change of
/// the account's security stamp (sign-out, "sign out everywhere", password reset or change, role change, 2FA change).
/// A minute is the compromise: a copied cookie works at most a minute after sign-out, and a session costs one
/// user-and-roles lookup per minute instead of one per request plus a re-issued cookie on every answer.
/// </summary>
public sealed class SessionOptions
{
    public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromHours(12);
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromHours(1);
    public TimeSpan StampCheckInterval { get; set; } = TimeSpan.FromMinutes(1);
}

public static class SessionLifetime
{
    // Kept in the ticket's properties, which survive the sliding renewals and the stamp check's refresh; IssuedUtc does not.
    private const string SignedInAt = "signed-in-at";

    public static IServiceCollection AddSessionLifetime(this IServiceCollection services)
    {
        services.AddOptions<SecurityStampValidatorOptions>().Configure<IConfiguration>((o, config) =>
            o.ValidationInterval = Read(config).StampCheckInterval);
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme).Configure<IConfiguration>((o, config) =>
        {
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = Read(config).IdleTimeout;
            o.Events.OnSigningIn = context =>
            {
                var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
                context.Properties.Items.TryAdd(SignedInAt, now.ToString("O", CultureInfo.InvariantCulture));
                return Task.CompletedTask;
            };
            o.Events.OnValidatePrincipal = ValidateAsync;
        });
        return services;
    }

    private static SessionOptions Read(IConfiguration config) => config.GetSection("Accounts:Session").Get<SessionOptions>() ?? new SessionOptions();

    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var lifetime = Read(services.GetRequiredService<IConfiguration>()).AbsoluteLifetime;
        var signedInAt = context.Properties.Items.TryGetValue(SignedInAt, out var at)
                         && DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed)
            ? parsed
            : context.Properties.IssuedUtc ?? now;
        if (now - signedInAt > lifetime)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }
        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }
}
