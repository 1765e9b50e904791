using System.Text;
using Beraterpool.Web.Features.Email;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace Beraterpool.Web.Features.Accounts;

/// <summary>
/// Invitation and password-reset mails with a one-time link, written in the recipient's language
/// (<see cref="AppUser.Culture"/>), not the language of whoever clicked the button.
/// </summary>
public sealed class AccountMails(UserManager<AppUser> users, Mailer mailer, PublicLinks links)
{
    public static readonly AccountInvitationMail Invitation = new();
    public static readonly PasswordResetMail PasswordReset = new();
    public static readonly MailTemplate[] Templates = [Invitation, PasswordReset];

    /// <summary><paramref name="poolId"/>: the pool that invites, whose coordinators see the mail if it cannot be sent.</summary>
    public async Task<string> SendInvitationAsync(AppUser user, string? poolName, CancellationToken ct = default, int? poolId = null)
    {
        var code = await CodeAsync(user);
        var model = new AccountInvitationMail.Model(user.DisplayName ?? user.Email ?? "", user.Email ?? "", poolName, user.Id, code);
        await mailer.SendAsync(Invitation, Recipient(user), model, poolId: poolId);
        return Link(links.Site, "/account/invitation", user.Id, code);
    }

    public async Task SendPasswordResetAsync(AppUser user, CancellationToken ct = default) =>
        await mailer.SendAsync(PasswordReset, Recipient(user),
            new PasswordResetMail.Model(user.DisplayName ?? user.Email ?? "", user.Id, await CodeAsync(user)));

    private static MailRecipient Recipient(AppUser user) => new(user.Email!, user.DisplayName ?? user.Email!, user.Culture);

    // A reset token serves the invitation too: it sets the first password and dies once used.
    private async Task<string> CodeAsync(AppUser user) =>
        WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));

    public static string Link(string site, string path, string userId, string code) =>
        $"{site}{path}?userId={Uri.EscapeDataString(userId)}&code={code}";

    public static string? DecodeCode(string? code)
    {
        if (string.IsNullOrEmpty(code)) return null;
        try { return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code)); }
        catch (FormatException) { return null; }
    }
}

public sealed class AccountInvitationMail : MailTemplate<AccountInvitationMail.Model>
{
    public sealed record Model(string Name, string Email, string? PoolName, string UserId, string Code);

    public override string Id => "accounts.invitation";
    public override Type Texts => typeof(AccountMails);
    public override string Feature => "Konten";
    public override string Name => "Einladung zum Konto";
    public override string Audience => "Die eingeladene Person, sobald die Koordinierungsstelle oder die Administration sie einlädt (mit Link zum Festlegen des Passworts, drei Tage gültig).";
    public override Model Sample => new("Amina Tesfaye", "amina.tesfaye@example.org", "MiGlobe NRW", "beispiel", "BEISPIELCODE");

    public override MailContent Build(Model m, MailContext text) => new(
        m.PoolName is null ? text["Ihr Zugang zum Beraterpool"].Value : text["Einladung zum Beraterpool {0}", m.PoolName].Value,
        Lines(
            text["Guten Tag {0},", m.Name],
            "",
            m.PoolName is null
                ? text["für Sie wurde ein Zugang zum Beraterpool eingerichtet. Bitte legen Sie über diesen Link Ihr Passwort fest:"]
                : text["Sie wurden zum Beraterpool {0} eingeladen. Bitte legen Sie über diesen Link Ihr Passwort fest:", m.PoolName],
            "",
            AccountMails.Link(text.Site(""), "/account/invitation", m.UserId, m.Code),
            "",
            text["Der Link ist drei Tage gültig. Danach kann die Koordinierungsstelle Ihnen eine neue Einladung schicken."],
            text["Ihre Anmeldung: {0}", m.Email],
            "",
            text["Wenn Sie diese E-Mail nicht erwartet haben, können Sie sie ignorieren."]));
}

public sealed class PasswordResetMail : MailTemplate<PasswordResetMail.Model>
{
    public sealed record Model(string Name, string UserId, string Code);

    public override string Id => "accounts.password-reset";
    public override Type Texts => typeof(AccountMails);
    public override string Feature => "Konten";
    public override string Name => "Passwort zurücksetzen";
    public override string Audience => "Wer auf „Passwort vergessen“ eine bekannte Adresse angibt (mit Link zum neuen Passwort, drei Tage gültig, einmal nutzbar).";
    public override Model Sample => new("Amina Tesfaye", "beispiel", "BEISPIELCODE");

    public override MailContent Build(Model m, MailContext text) => new(
        text["Passwort zurücksetzen"].Value,
        Lines(
            text["Guten Tag {0},", m.Name],
            "",
            text["jemand (hoffentlich Sie) hat ein neues Passwort für Ihr Konto angefordert. Über diesen Link legen Sie es fest:"],
            "",
            AccountMails.Link(text.Site(""), "/account/reset-password", m.UserId, m.Code),
            "",
            text["Der Link ist drei Tage gültig und kann nur einmal benutzt werden."],
            text["Wenn Sie kein neues Passwort angefordert haben, ignorieren Sie diese E-Mail; Ihr bisheriges Passwort bleibt gültig."]));
}
