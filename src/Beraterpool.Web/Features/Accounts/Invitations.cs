using Microsoft.AspNetCore.Identity;

namespace Beraterpool.Web.Features.Accounts;

/// <summary>Finds or creates the account for an e-mail address with a role; new accounts have no password until the invitation is accepted.</summary>
public sealed class Invitations(TimeProvider time, UserManager<AppUser> users, RoleManager<IdentityRole> roles, AccountMails mails)
{
    public sealed record Result(AppUser? User, bool Created, IReadOnlyList<string> Errors);

    public async Task<Result> EnsureUserAsync(string email, string? displayName, string role, string culture = "de")
    {
        email = email.Trim();
        if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
        var user = await users.FindByEmailAsync(email);
        var created = false;
        if (user is null)
        {
            user = new AppUser { UserName = email, Email = email, DisplayName = displayName, Culture = culture, CreatedAt = time.GetUtcNow() };
            var result = await users.CreateAsync(user);
            if (!result.Succeeded) return new Result(null, false, result.Errors.Select(e => e.Description).ToList());
            created = true;
        }
        if (!await users.IsInRoleAsync(user, role))
        {
            var added = await users.AddToRoleAsync(user, role);
            if (!added.Succeeded) return new Result(null, created, added.Errors.Select(e => e.Description).ToList());
        }
        return new Result(user, created, []);
    }

    public Task<string> SendAsync(AppUser user, string? poolName, CancellationToken ct = default) =>
        mails.SendInvitationAsync(user, poolName, ct);
}
