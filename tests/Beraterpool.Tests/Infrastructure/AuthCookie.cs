using System.Net;
using Beraterpool.Web.Features.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Beraterpool.Tests.Infrastructure;

/// <summary>
/// Signs a client in without going through the sign-in page: creates the user with the given roles and hands the
/// client the same authentication cookie Identity would issue. For tests of pages behind a role.
/// </summary>
public static class AuthCookie
{
    public static async Task<HttpClient> SignedInBrowserAsync(this TestApp app, string email, params string[] roles)
    {
        await using var scope = app.Scope();
        var services = scope.ServiceProvider;
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var roleManager = services.GetRequiredService<RoleManager<IdentityRole>>();
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = DateTimeOffset.UtcNow };
            Check(await users.CreateAsync(user));
        }
        foreach (var role in roles)
        {
            if (!await roleManager.RoleExistsAsync(role)) Check(await roleManager.CreateAsync(new IdentityRole(role)));
            if (!await users.IsInRoleAsync(user, role)) Check(await users.AddToRoleAsync(user, role));
        }

        // Issued by the app's clock: sessions end 12 hours after sign-in by that clock, also in tests with a fake one.
        var principal = await services.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);
        var options = services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        var ticket = new AuthenticationTicket(principal, new AuthenticationProperties { IssuedUtc = services.GetRequiredService<TimeProvider>().GetUtcNow() }, IdentityConstants.ApplicationScheme);
        var cookies = new CookieContainer();
        var baseAddress = new Uri("http://localhost");
        cookies.Add(baseAddress, new Cookie(options.Cookie.Name ?? ".AspNetCore.Identity.Application", options.TicketDataFormat.Protect(ticket)));
        // Keeps cookies (antiforgery) and, like Browser(), does not follow redirects.
        var client = app.CreateDefaultClient(baseAddress, new CookieContainerHandler(cookies));
        return client;
    }

    private static void Check(IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
}
