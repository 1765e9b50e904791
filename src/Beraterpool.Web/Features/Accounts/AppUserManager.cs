using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Beraterpool.Web.Features.Accounts;

/// <summary>
/// Identity's user manager, plus one rule for every place that grants or removes a role (invitations, advisor and
/// coordinator management, the demo seed): the account's security stamp changes, so its open sessions end within the
/// stamp check's minute and sign in again with the new rights, and a security event is saved with the same change.
/// </summary>
public sealed class AppUserManager(
    IUserStore<AppUser> store, IOptions<IdentityOptions> options, IPasswordHasher<AppUser> hasher,
    IEnumerable<IUserValidator<AppUser>> userValidators, IEnumerable<IPasswordValidator<AppUser>> passwordValidators,
    ILookupNormalizer normalizer, IdentityErrorDescriber errors, IServiceProvider services, ILogger<UserManager<AppUser>> logger,
    SecurityEvents events)
    : UserManager<AppUser>(store, options, hasher, userValidators, passwordValidators, normalizer, errors, services, logger)
{
    public override Task<IdentityResult> AddToRoleAsync(AppUser user, string role) =>
        ChangeRolesAsync(user, [role], SecurityEvent.RoleGranted, () => base.AddToRoleAsync(user, role));

    public override Task<IdentityResult> AddToRolesAsync(AppUser user, IEnumerable<string> roles)
    {
        var list = roles.ToList();
        return ChangeRolesAsync(user, list, SecurityEvent.RoleGranted, () => base.AddToRolesAsync(user, list));
    }

    public override Task<IdentityResult> RemoveFromRoleAsync(AppUser user, string role) =>
        ChangeRolesAsync(user, [role], SecurityEvent.RoleRemoved, () => base.RemoveFromRoleAsync(user, role));

    public override Task<IdentityResult> RemoveFromRolesAsync(AppUser user, IEnumerable<string> roles)
    {
        var list = roles.ToList();
        return ChangeRolesAsync(user, list, SecurityEvent.RoleRemoved, () => base.RemoveFromRolesAsync(user, list));
    }

    // The new stamp and the audit entry ride on the base method's own save: one write, all or nothing.
    private async Task<IdentityResult> ChangeRolesAsync(AppUser user, IReadOnlyList<string> roles, SecurityEvent kind, Func<Task<IdentityResult>> change)
    {
        var stamps = (IUserSecurityStampStore<AppUser>)Store;
        var oldStamp = await stamps.GetSecurityStampAsync(user, CancellationToken);
        await stamps.SetSecurityStampAsync(user, Convert.ToHexString(RandomNumberGenerator.GetBytes(20)), CancellationToken);
        var entries = roles.Select(role => events.Add(kind, user, $"role={role}")).ToList();
        var result = await change();
        if (!result.Succeeded)
        {
            await stamps.SetSecurityStampAsync(user, oldStamp ?? "", CancellationToken);
            entries.ForEach(events.Forget);
        }
        return result;
    }
}
