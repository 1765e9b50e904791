using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Audit;
using Beraterpool.Web.Features.Pools;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Advisors.Manage;

/// <summary>Links an advisor record to an account (created on first invitation) and mails the invitation link.</summary>
public sealed class AdvisorInvitation(AppDbContext db, Invitations invitations, UserManager<AppUser> users, PoolCatalog pools, PoolAccess access)
{
    public enum Outcome { Sent, AlreadyActive, EmailTaken, Failed }

    public async Task<Outcome> InviteAsync(Advisor advisor, CancellationToken ct = default)
    {
        AppUser? user = advisor.UserId is null ? null : await users.FindByIdAsync(advisor.UserId);
        if (user is null)
        {
            // The address may belong to an account already; it must not be another advisor's.
            var existing = await users.FindByEmailAsync(advisor.Email);
            if (existing is not null && await db.Advisors.AnyAsync(a => a.UserId == existing.Id && a.Id != advisor.Id, ct)) return Outcome.EmailTaken;
            var result = await invitations.EnsureUserAsync(advisor.Email, advisor.FullName, Roles.Advisor);
            if (result.User is null) return Outcome.Failed;
            user = result.User;
            advisor.UserId = user.Id;
            await db.SaveChangesAsync(ct);
        }
        else if (!await users.IsInRoleAsync(user, Roles.Advisor))
        {
            await users.AddToRoleAsync(user, Roles.Advisor);
        }
        if (await users.HasPasswordAsync(user)) return Outcome.AlreadyActive;
        var pool = await pools.FindAsync(advisor.PoolId, ct);
        await invitations.SendAsync(user, pool?.BrandName is { } b && pool.Name != b ? $"{b} ({pool.Name})" : pool?.Name, ct);
        db.Audit("advisor.invited", $"advisor:{advisor.Id}", access.UserId, advisor.PoolId, advisor.Email);
        await db.SaveChangesAsync(ct);
        return Outcome.Sent;
    }
}
