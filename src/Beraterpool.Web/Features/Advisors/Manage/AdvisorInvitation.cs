using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Audit;
using Beraterpool.Web.Features.Pools;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Advisors.Manage;

/// <summary>
/// Links an advisor record to an account (created on first invitation) and mails the invitation link. The Advisor
/// role is given through <see cref="RoleGrants"/>: audited, mailed, and refused to a coordinator when the account
/// already holds another role (their own, an administrator's) — only an administrator adds that.
/// </summary>
public sealed class AdvisorInvitation(AppDbContext db, Invitations invitations, RoleGrants grants, UserManager<AppUser> users, PoolCatalog pools, PoolAccess access)
{
    public enum Outcome { Sent, AlreadyActive, EmailTaken, NeedsAdministrator, Failed }

    private Grantor By => new(access.UserId, access.IsAdministrator);

    /// <summary>Whether inviting this address would need an administrator: it belongs to an account with another role.</summary>
    public async Task<bool> NeedsAdministratorAsync(string email)
    {
        if (access.IsAdministrator) return false;
        var existing = await users.FindByEmailAsync(email.Trim());
        return existing is not null && !await users.IsInRoleAsync(existing, Roles.Advisor) && await grants.HoldsOtherRoleAsync(existing, Roles.Advisor);
    }

    public async Task<Outcome> InviteAsync(Advisor advisor, CancellationToken ct = default)
    {
        var pool = await pools.FindAsync(advisor.PoolId, ct);
        var poolName = pool?.BrandName is { } b && pool.Name != b ? $"{b} ({pool.Name})" : pool?.Name;
        AppUser? user = advisor.UserId is null ? null : await users.FindByIdAsync(advisor.UserId);
        if (user is null)
        {
            // The address may belong to an account already; it must not be another advisor's.
            var existing = await users.FindByEmailAsync(advisor.Email);
            if (existing is not null && await db.Advisors.AnyAsync(a => a.UserId == existing.Id && a.Id != advisor.Id, ct)) return Outcome.EmailTaken;
            var result = await invitations.EnsureUserAsync(advisor.Email, advisor.FullName, Roles.Advisor, by: By, poolId: advisor.PoolId, poolName: poolName);
            if (result.NeedsAdministrator) return Outcome.NeedsAdministrator;
            if (result.User is null) return Outcome.Failed;
            user = result.User;
            advisor.UserId = user.Id;
            await db.SaveChangesAsync(ct);
        }
        else if (await grants.GrantAsync(user, Roles.Advisor, By, advisor.PoolId, poolName, newAccount: false, ct) is RoleGrants.Outcome.NeedsAdministrator)
        {
            return Outcome.NeedsAdministrator;
        }
        if (await users.HasPasswordAsync(user)) return Outcome.AlreadyActive;
        await invitations.SendAsync(user, poolName, ct, advisor.PoolId);
        db.Audit("advisor.invited", $"advisor:{advisor.Id}", access.UserId, advisor.PoolId, advisor.Email);
        await db.SaveChangesAsync(ct);
        return Outcome.Sent;
    }
}
