using Microsoft.AspNetCore.Identity;

namespace Beraterpool.Web.Features.Accounts;

/// <summary>Finds or creates the account for an e-mail address with a role; new accounts have no password until the invitation is accepted.</summary>
public sealed class Invitations(TimeProvider time, UserManager<AppUser> users, RoleManager<IdentityRole> roles, AccountMails mails, RoleGrants grants)
{
    /// <summary><paramref name="NeedsAdministrator"/>: the address belongs to an account with another role, and only an administrator adds one.</summary>
    public sealed record Result(AppUser? User, bool Created, IReadOnlyList<string> Errors, bool NeedsAdministrator = false);

    /// <summary>The role is given through <see cref="RoleGrants"/> (audited, mailed, sessions re-validated); <paramref name="by"/> null: the person themselves.</summary>
    public async Task<Result> EnsureUserAsync(string email, string? displayName, string role, string culture = "de", Grantor? by = null,
        int? poolId = null, string? poolName = null)
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
        switch (await grants.GrantAsync(user, role, by ?? Grantor.Self(user.Id), poolId, poolName, created))
        {
            case RoleGrants.Outcome.NeedsAdministrator: return new Result(null, false, [], NeedsAdministrator: true);
            case RoleGrants.Outcome.Failed: return new Result(null, created, ["Die Rolle konnte nicht vergeben werden."]);
        }
        return new Result(user, created, []);
    }

    public Task<string> SendAsync(AppUser user, string? poolName, CancellationToken ct = default, int? poolId = null) =>
        mails.SendInvitationAsync(user, poolName, ct, poolId);
}
