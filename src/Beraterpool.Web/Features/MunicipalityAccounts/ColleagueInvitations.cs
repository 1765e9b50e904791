using System.Text;
using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Audit;
using Beraterpool.Web.Features.Email;
using Beraterpool.Web.Features.Pools;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.MunicipalityAccounts;

/// <summary>
/// Brings a colleague into a municipality's account and takes one out. Both are audited in the save of the change;
/// the invitation mail goes after it, with a link to set a password (new account) or to sign in (existing one).
/// </summary>
public sealed class ColleagueInvitations(TimeProvider time, AppDbContext db, UserManager<AppUser> users, Invitations invitations,
    MunicipalityAccess access, PoolAccess pools, PoolCatalog catalog, Mailer mailer)
{
    public static readonly ColleagueInvitationMail Invitation = new();
    public static readonly MailTemplate[] Templates = [Invitation, EmailSignIn.Mail];

    public enum Outcome { Invited, AlreadyMember, NotPossible }

    public async Task<Outcome> InviteAsync(MunicipalityScope scope, string municipalityName, string name, string email, string culture, CancellationToken ct)
    {
        var actor = pools.UserId;
        var pool = await catalog.FindAsync(scope.PoolId, ct);
        var existing = await users.FindByEmailAsync(email.Trim());
        if (existing is not null && (await access.ColleaguesAsync(scope, ct)).Any(c => c.UserId == existing.Id)) return Outcome.AlreadyMember;
        // A member is not an administrator: an address that holds another role (an advisor, a coordinator) is refused.
        var result = await invitations.EnsureUserAsync(email, name, Roles.MunicipalityContact, culture, new Grantor(actor, pools.IsAdministrator),
            scope.PoolId, pool?.Name);
        if (result.User is not { } user) return Outcome.NotPossible;

        db.Set<MunicipalityMember>().Add(new MunicipalityMember
        {
            PoolId = scope.PoolId, MunicipalityKey = scope.MunicipalityKey, UserId = user.Id, InvitedByUserId = actor, CreatedAt = time.GetUtcNow(),
        });
        db.Audit("municipality.colleague.invited", $"user:{user.Id}", actor, scope.PoolId, $"municipality={scope.MunicipalityKey}; newAccount={result.Created}");
        await db.SaveChangesAsync(ct);

        var inviter = actor is null ? null : await db.Users.Where(u => u.Id == actor).Select(u => u.DisplayName ?? u.Email).FirstOrDefaultAsync(ct);
        // A reset token sets the first password on the invitation page, as for advisors; it dies once used.
        var code = await users.HasPasswordAsync(user) ? null
            : WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
        await mailer.SendAsync(Invitation, new MailRecipient(user.Email!, user.DisplayName ?? user.Email!, user.Culture),
            new ColleagueInvitationMail.Model(user.DisplayName ?? user.Email!, inviter ?? "", municipalityName, pool?.Name ?? "", user.Id, code), pool);
        return Outcome.Invited;
    }

    /// <summary>
    /// Takes the person out of this municipality's account: their invitation row goes, and the requests they wrote for
    /// it stay with the municipality but are no longer linked to their account. The account itself remains (it may
    /// belong to another municipality).
    /// </summary>
    public async Task<bool> RemoveAsync(MunicipalityScope scope, string userId, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var rows = await db.Set<MunicipalityMember>()
            .Where(m => m.PoolId == scope.PoolId && m.MunicipalityKey == scope.MunicipalityKey && m.UserId == userId).ExecuteDeleteAsync(ct);
        var requests = await db.ConsultationRequests
            .Where(r => r.PoolId == scope.PoolId && r.MunicipalityKey == scope.MunicipalityKey && r.ContactUserId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ContactUserId, (string?)null), ct);
        if (rows + requests == 0) return false;
        db.Audit("municipality.colleague.removed", $"user:{userId}", pools.UserId, scope.PoolId,
            $"municipality={scope.MunicipalityKey}; requestsUnlinked={requests}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }
}

public sealed class ColleagueInvitationMail : MailTemplate<ColleagueInvitationMail.Model>
{
    /// <summary><paramref name="Code"/> null: the account has a password already, the mail links the sign-in.</summary>
    public sealed record Model(string Name, string InviterName, string MunicipalityName, string PoolName, string UserId, string? Code);

    public override string Id => "municipality-accounts.colleague-invitation";
    public override Type Texts => typeof(ColleagueInvitations);
    public override string Feature => "Konten der Kommunen";
    public override string Name => "Einladung ins Konto der Kommune";
    public override string Audience => "Eine Kollegin oder ein Kollege, die eine Ansprechperson der Kommune oder die Koordinierungsstelle ins Konto der Kommune einlädt (mit Link zum Festlegen des Passworts, drei Tage gültig).";
    public override Model Sample => new("Jonas Weber", "Maria Schmidt", "Köln", "MiGlobe NRW", "beispiel", "BEISPIELCODE");

    public override MailContent Build(Model m, MailContext text) => new(
        text["Einladung ins Konto von {0} beim Beraterpool {1}", m.MunicipalityName, m.PoolName].Value,
        Lines(
            text["Guten Tag {0},", m.Name],
            "",
            m.InviterName.Length > 0
                ? text["{0} hat Sie ins Konto von {1} beim Beraterpool {2} eingeladen. Dort sehen Sie alle Anfragen und Begleitungen Ihrer Kommune.", m.InviterName, m.MunicipalityName, m.PoolName]
                : text["Sie wurden ins Konto von {0} beim Beraterpool {1} eingeladen. Dort sehen Sie alle Anfragen und Begleitungen Ihrer Kommune.", m.MunicipalityName, m.PoolName],
            "",
            m.Code is null ? text["Melden Sie sich mit Ihrem bisherigen Konto an:"] : text["Bitte legen Sie über diesen Link Ihr Passwort fest:"],
            m.Code is null ? text.Site("/account/login") : AccountMails.Link(text.Site(""), "/account/invitation", m.UserId, m.Code),
            "",
            m.Code is null ? "" : text["Der Link ist drei Tage gültig. Danach kann Ihre Kollegin, Ihr Kollege oder die Koordinierungsstelle Sie erneut einladen."],
            text["Haben Sie diese Einladung nicht erwartet? Dann können Sie die E-Mail ignorieren."]));
}
