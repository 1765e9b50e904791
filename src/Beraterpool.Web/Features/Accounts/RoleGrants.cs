using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Audit;
using Beraterpool.Web.Features.Email;
using Beraterpool.Web.Features.Shared;
using Microsoft.AspNetCore.Identity;

namespace Beraterpool.Web.Features.Accounts;

/// <summary>Who gives a role: an administrator may add a role to an account that already holds another one, others may not.</summary>
public sealed record Grantor(string? UserId, bool IsAdministrator)
{
    /// <summary>The person acts for themselves (the contact's own request link); the mail tells them what happened.</summary>
    public static Grantor Self(string? userId) => new(userId, true);
}

/// <summary>
/// The one way a role reaches an account. Every grant is audited in the same save as the role, re-validates the
/// person's sessions (new security stamp) and is mailed to them, unless the account is new and the invitation says it.
/// A coordinator cannot give a role to an account that holds another role (their own, an administrator's): a second
/// role is how one person would come to propose, approve and pay themselves, so only an administrator grants it.
/// </summary>
public sealed class RoleGrants(TimeProvider time, AppDbContext db, UserManager<AppUser> users, RoleManager<IdentityRole> roles, Mailer mailer)
{
    public enum Outcome { Granted, AlreadyHeld, NeedsAdministrator, Failed }

    public static readonly RoleGrantedMail Granted = new();
    public static readonly MailTemplate[] Templates = [Granted];

    public async Task<bool> HoldsOtherRoleAsync(AppUser user, string role) =>
        (await users.GetRolesAsync(user)).Any(r => r != role);

    public async Task<Outcome> GrantAsync(AppUser user, string role, Grantor by, int? poolId, string? poolName, bool newAccount, CancellationToken ct = default)
    {
        if (await users.IsInRoleAsync(user, role)) return Outcome.AlreadyHeld;
        if (!by.IsAdministrator && await HoldsOtherRoleAsync(user, role)) return Outcome.NeedsAdministrator;
        if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
        // Tracked before the role is added: Identity's save of the role saves the entry with it.
        db.Audit("account.role.granted", $"user:{user.Id}", by.UserId, poolId, $"role={role}; newAccount={newAccount}");
        var added = await users.AddToRoleAsync(user, role);
        if (!added.Succeeded)
        {
            db.ChangeTracker.Clear();
            return Outcome.Failed;
        }
        await users.UpdateSecurityStampAsync(user);
        if (!newAccount && user.Email is { } email)
            await mailer.SendAsync(Granted, new MailRecipient(email, user.DisplayName ?? email, user.Culture),
                new RoleGrantedMail.Model(user.DisplayName ?? email, role, poolName, ProgrammeTime.ToLocal(time.GetUtcNow())), poolId: poolId);
        return Outcome.Granted;
    }
}

/// <summary>Tells a person that their existing account has a new role, so a grant they did not expect is noticed.</summary>
public sealed class RoleGrantedMail : MailTemplate<RoleGrantedMail.Model>
{
    public sealed record Model(string Name, string Role, string? PoolName, DateTimeOffset At);

    public override string Id => "accounts.role-granted";
    public override Type Texts => typeof(RoleGrants);
    public override string Feature => "Konten";
    public override string Name => "Neue Rolle für Ihr Konto";
    public override string Audience => "Die Person, deren schon bestehendes Konto eine weitere Rolle bekommt (z. B. Berater*in oder Koordinierung).";
    public override Model Sample => new("Amina Tesfaye", Roles.Advisor, "Beraterpool NRW", new DateTimeOffset(2026, 3, 12, 14, 5, 0, TimeSpan.FromHours(1)));

    public override MailContent Build(Model m, MailContext text) => new(
        text["Ihr Konto hat eine neue Rolle: {0}", text[Roles.GermanName(m.Role)]].Value,
        Lines(
            text["Guten Tag {0},", m.Name], "",
            m.PoolName is null
                ? text["Ihr Konto hat am {0} die Rolle „{1}“ bekommen.", MailContext.Date(DateOnly.FromDateTime(m.At.DateTime)), text[Roles.GermanName(m.Role)]]
                : text["Ihr Konto hat am {0} die Rolle „{1}“ im Pool {2} bekommen.", MailContext.Date(DateOnly.FromDateTime(m.At.DateTime)), text[Roles.GermanName(m.Role)], m.PoolName],
            text["Wenn Sie damit nicht gerechnet haben, wenden Sie sich bitte an die Koordinierungsstelle oder die Administration des Beraterpools."], "",
            text["Zur Anmeldung:"],
            text.Site("/account/login")));
}
