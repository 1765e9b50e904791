using System.Globalization;
using System.Text;
using Beraterpool.Web.Features.Email;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Accounts;

/// <summary>
/// Invitation and password-reset mails with a one-time link, written in the recipient's language
/// (<see cref="AppUser.Culture"/>), not the language of whoever clicked the button.
/// </summary>
public sealed class AccountMails(UserManager<AppUser> users, EmailSender sender, IStringLocalizer<AccountMails> text,
    IHttpContextAccessor http, IConfiguration config)
{
    /// <summary>Scheme, host and path base of the current request (keeps the pool prefix); App:PublicUrl outside a request.</summary>
    public string BaseUrl
    {
        get
        {
            if (http.HttpContext?.Request is { } r) return $"{r.Scheme}://{r.Host}{r.PathBase}";
            return (config["App:PublicUrl"] ?? "http://localhost:5000").TrimEnd('/');
        }
    }

    public async Task<string> SendInvitationAsync(AppUser user, string? poolName, CancellationToken ct = default)
    {
        var link = await LinkAsync(user, "/account/invitation");
        var (subject, body) = InCulture(user.Culture, () => (
            poolName is null ? text["Ihr Zugang zum Beraterpool"].Value : text["Einladung zum Beraterpool {0}", poolName].Value,
            Lines(
                text["Guten Tag {0},", user.DisplayName ?? user.Email ?? ""],
                "",
                poolName is null
                    ? text["für Sie wurde ein Zugang zum Beraterpool eingerichtet. Bitte legen Sie über diesen Link Ihr Passwort fest:"]
                    : text["Sie wurden zum Beraterpool {0} eingeladen. Bitte legen Sie über diesen Link Ihr Passwort fest:", poolName],
                "",
                link,
                "",
                text["Der Link ist drei Tage gültig. Danach kann die Koordinierungsstelle Ihnen eine neue Einladung schicken."],
                text["Ihre Anmeldung: {0}", user.Email ?? ""],
                "",
                text["Wenn Sie diese E-Mail nicht erwartet haben, können Sie sie ignorieren."])));
        await sender.SendAsync(new EmailMessage(user.Email!, subject, body), ct);
        return link;
    }

    public async Task SendPasswordResetAsync(AppUser user, CancellationToken ct = default)
    {
        var link = await LinkAsync(user, "/account/reset-password");
        var (subject, body) = InCulture(user.Culture, () => (
            text["Passwort zurücksetzen"].Value,
            Lines(
                text["Guten Tag {0},", user.DisplayName ?? user.Email ?? ""],
                "",
                text["jemand (hoffentlich Sie) hat ein neues Passwort für Ihr Konto angefordert. Über diesen Link legen Sie es fest:"],
                "",
                link,
                "",
                text["Der Link ist drei Tage gültig und kann nur einmal benutzt werden."],
                text["Wenn Sie kein neues Passwort angefordert haben, ignorieren Sie diese E-Mail; Ihr bisheriges Passwort bleibt gültig."])));
        await sender.SendAsync(new EmailMessage(user.Email!, subject, body), ct);
    }

    private async Task<string> LinkAsync(AppUser user, string path)
    {
        // A reset token serves the invitation too: it sets the first password and dies once used.
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
        return $"{BaseUrl}{path}?userId={Uri.EscapeDataString(user.Id)}&code={code}";
    }

    public static string? DecodeCode(string? code)
    {
        if (string.IsNullOrEmpty(code)) return null;
        try { return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code)); }
        catch (FormatException) { return null; }
    }

    private static string Lines(params object[] lines) => string.Join("\r\n", lines.Select(l => l.ToString()));

    private static T InCulture<T>(string? culture, Func<T> build)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture is "en" or "fr" ? culture : "de");
        try { return build(); }
        finally { CultureInfo.CurrentUICulture = previous; }
    }
}
