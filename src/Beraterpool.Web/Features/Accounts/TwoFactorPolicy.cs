using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.StaticAssets;

namespace Beraterpool.Web.Features.Accounts;

/// <summary>
/// Who must use an authenticator app: the roles in <c>Accounts:RequireTwoFactorForRoles</c> (comma-separated;
/// Administrator and Coordinator when the setting is missing, nobody when it is empty).
/// </summary>
public sealed record TwoFactorPolicy(IReadOnlyList<string> RequiredForRoles)
{
    public const string Issuer = "Beraterpool";
    public const string SettingKey = "Accounts:RequireTwoFactorForRoles";

    public static TwoFactorPolicy From(IConfiguration config) =>
        new(config[SettingKey] is { } roles
            ? roles.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            : [Roles.Administrator, Roles.Coordinator]);

    public bool IsRequiredFor(ClaimsPrincipal user) => RequiredForRoles.Any(user.IsInRole);
}

public static class TwoFactorEnforcement
{
    /// <summary>What a person who still has to set up the second factor may reach: the set-up, signing out, the language and error pages.</summary>
    private static readonly string[] OpenPaths = ["/account/two-factor", "/account/logout", "/culture", "/error"];

    /// <summary>
    /// Runs after authorization for every endpoint, so a page added later is covered without marking it: a signed-in
    /// person in a role that requires two factors is sent to the set-up until it is done.
    /// </summary>
    public static IApplicationBuilder UseTwoFactorEnforcement(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var policy = context.RequestServices.GetRequiredService<TwoFactorPolicy>();
        var endpoint = context.GetEndpoint();
        if (endpoint is not null && endpoint.Metadata.GetMetadata<StaticAssetDescriptor>() is null
            && context.User.Identity?.IsAuthenticated == true && policy.IsRequiredFor(context.User)
            && !context.User.HasClaim("amr", "mfa") // signed in with the code just now: no need to ask the database
            && !OpenPaths.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
        {
            var user = await context.RequestServices.GetRequiredService<UserManager<AppUser>>().GetUserAsync(context.User);
            if (user is { TwoFactorEnabled: false })
            {
                context.Response.Redirect(context.Request.PathBase + "/account/two-factor");
                return;
            }
        }
        await next(context);
    });
}
