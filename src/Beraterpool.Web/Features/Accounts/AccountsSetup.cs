using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Email;
using Microsoft.AspNetCore.Identity;

namespace Beraterpool.Web.Features.Accounts;

public static class AccountsSetup
{
    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration config)
    {
        services.AddHttpContextAccessor();
        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddUserManager<AppUserManager>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>();
        // Invitation and reset links stay valid for three days: people read mail after the weekend.
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromDays(3));

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/access-denied";
            o.Cookie.Name = "beraterpool.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
        });
        services.AddSessions();

        services.AddPasswordRules();
        services.AddTwoFactor(config);

        services.AddMail(config);
        services.AddScoped<AccountMails>();
        services.AddScoped<Invitations>();
        services.AddScoped<RoleGrants>();
        return services;
    }

    // Session lifetime, stamp checks, security events and the per-account throttle (issue 8, items 7, 8, 14).
    private static void AddSessions(this IServiceCollection services)
    {
        services.AddSessionLifetime();
        services.AddScoped<SecurityEvents>();
        services.AddSingleton<AccountThrottle>();
    }

    /// <summary>NIST SP 800-63B: at least 12 characters, no composition rules, not a common password (see PasswordRules).</summary>
    private static void AddPasswordRules(this IServiceCollection services)
    {
        services.Configure<IdentityOptions>(o =>
        {
            o.Password.RequiredLength = PasswordRules.MinLength;
            o.Password.RequireDigit = false;
            o.Password.RequireLowercase = false;
            o.Password.RequireUppercase = false;
            o.Password.RequireNonAlphanumeric = false;
            // Not a composition rule: only refuses "aaaaaaaaaaaa" and the like.
            o.Password.RequiredUniqueChars = 4;
        });
        services.AddSingleton<CommonPasswordList>();
        services.AddScoped<IPasswordValidator<AppUser>, PasswordRules>();
    }

    /// <summary>Authenticator-app codes (TOTP), each good once; required for the roles in Accounts:RequireTwoFactorForRoles.</summary>
    private static void AddTwoFactor(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(TwoFactorPolicy.From(config));
        services.AddTransient<OneTimeAuthenticatorCodes>();
        services.Configure<IdentityOptions>(o =>
        {
            o.Tokens.AuthenticatorIssuer = TwoFactorPolicy.Issuer;
            o.Tokens.ProviderMap[TokenOptions.DefaultAuthenticatorProvider] = new TokenProviderDescriptor(typeof(OneTimeAuthenticatorCodes));
        });
    }

    /// <summary>Creates the roles once, so that assigning one never fails on a fresh database.</summary>
    public static async Task EnsureRolesAsync(this IServiceProvider services)
    {
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
    }
}
