using System.Security.Cryptography;
using System.Text;
using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Email;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.MunicipalityAccounts;

/// <summary>
/// "Per E-Mail-Link anmelden" for municipality contacts: a random secret mailed to the account's address, of which
/// only the hash and the expiry are stored (Identity's user-token table, one per account, so a new link ends the
/// previous one). It is spent by a conditional delete: of two clicks at once only one signs in. Lifetime
/// <c>Accounts:EmailSignInMinutes</c> (default 30). Never for an account with another role or a second factor: a
/// coordinator's or administrator's authenticator must not be bypassed by whoever reads their mailbox.
/// </summary>
public sealed class EmailSignIn(TimeProvider time, AppDbContext db, UserManager<AppUser> users, Mailer mailer, IConfiguration config)
{
    public const string Provider = "EmailSignIn";
    private const string TokenName = "Link";

    public static readonly EmailSignInMail Mail = new();

    public int Minutes => Math.Clamp(config.GetValue("Accounts:EmailSignInMinutes", 30), 1, 24 * 60);

    public async Task<bool> MayUseAsync(AppUser user) =>
        !user.TwoFactorEnabled && !await users.IsLockedOutAsync(user) && (await users.GetRolesAsync(user)) is [Roles.MunicipalityContact];

    /// <summary>Mails a new link when the account may use one; false otherwise (the page answers the same either way).</summary>
    public async Task<bool> SendAsync(AppUser user, CancellationToken ct = default)
    {
        if (user.Email is not { } email || !await MayUseAsync(user)) return false;
        var secret = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var expires = time.GetUtcNow().AddMinutes(Minutes);
        await users.SetAuthenticationTokenAsync(user, Provider, TokenName, $"{Hash(secret)}|{expires.ToUnixTimeSeconds()}");
        await mailer.SendAsync(Mail, new MailRecipient(email, user.DisplayName ?? email, user.Culture),
            new EmailSignInMail.Model(user.DisplayName ?? email, user.Id, secret, Minutes));
        return true;
    }

    /// <summary>The account the link signs in, once; null when the link is wrong, spent, expired or the account may not use it.</summary>
    public async Task<AppUser?> RedeemAsync(string? userId, string? secret, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(secret) || secret.Length > 100) return null;
        var stored = await StoredAsync(userId, ct);
        if (stored is null || !Matches(stored, secret)) return null;
        var spent = await db.UserTokens.Where(t => t.UserId == userId && t.LoginProvider == Provider && t.Name == TokenName && t.Value == stored)
            .ExecuteDeleteAsync(ct);
        if (spent != 1) return null;
        var user = await users.FindByIdAsync(userId);
        return user is not null && await MayUseAsync(user) ? user : null;
    }

    /// <summary>Whether the link is still good, without spending it (the page behind the mail's link shows a button first).</summary>
    public async Task<bool> IsValidAsync(string? userId, string? secret, CancellationToken ct = default) =>
        !string.IsNullOrEmpty(userId) && !string.IsNullOrEmpty(secret) && secret.Length <= 100
        && await StoredAsync(userId, ct) is { } stored && Matches(stored, secret);

    private Task<string?> StoredAsync(string userId, CancellationToken ct) =>
        db.UserTokens.AsNoTracking().Where(t => t.UserId == userId && t.LoginProvider == Provider && t.Name == TokenName)
            .Select(t => t.Value).FirstOrDefaultAsync(ct);

    private bool Matches(string stored, string secret)
    {
        var parts = stored.Split('|');
        if (parts.Length != 2 || !long.TryParse(parts[1], out var expires)) return false;
        if (time.GetUtcNow() > DateTimeOffset.FromUnixTimeSeconds(expires)) return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(parts[0]), Encoding.ASCII.GetBytes(Hash(secret)));
    }

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static string Link(MailContext mail, string userId, string secret) =>
        mail.Site($"/account/email-link/sign-in?userId={Uri.EscapeDataString(userId)}&code={secret}");
}

public sealed class EmailSignInMail : MailTemplate<EmailSignInMail.Model>
{
    public sealed record Model(string Name, string UserId, string Secret, int Minutes);

    public override string Id => "municipality-accounts.email-sign-in";
    public override Type Texts => typeof(EmailSignIn);
    public override string Feature => "Konten der Kommunen";
    public override string Name => "Anmeldelink";
    public override string Audience => "Die Ansprechperson einer Kommune, die „Per E-Mail-Link anmelden“ wählt (Link einmal nutzbar, 30 Minuten gültig).";
    public override Model Sample => new("Maria Schmidt", "beispiel", "BEISPIELCODE", 30);

    public override MailContent Build(Model m, MailContext text) => new(
        text["Ihr Anmeldelink für den Beraterpool"].Value,
        Lines(
            text["Guten Tag {0},", m.Name],
            "",
            text["mit diesem Link melden Sie sich beim Beraterpool an:"],
            "",
            EmailSignIn.Link(text, m.UserId, m.Secret),
            "",
            text["Der Link gilt {0} Minuten und nur einmal. Geben Sie ihn nicht weiter.", m.Minutes],
            text["Wenn Sie keinen Anmeldelink angefordert haben, können Sie diese E-Mail ignorieren."]));
}
