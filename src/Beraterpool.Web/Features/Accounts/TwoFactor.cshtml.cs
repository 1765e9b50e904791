using System.ComponentModel.DataAnnotations;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using QRCoder;

namespace Beraterpool.Web.Features.Accounts;

/// <summary>
/// Sets up, renews and switches off the sign-in with an authenticator app (TOTP). Recovery codes are shown once,
/// right after they are made. Renewing or switching off asks for the password or a current code, so an unattended
/// session cannot take the second factor away. Where it is required, switching off means setting up a new phone.
/// </summary>
[Authorize]
public sealed class TwoFactorModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, SecurityEvents events, TwoFactorPolicy policy,
    IStringLocalizer<TwoFactorModel> text) : PageModel
{
    public const int RecoveryCodeCount = 10;

    [BindProperty]
    [Required(ErrorMessage = "Bitte geben Sie den Code aus Ihrer App an.")]
    [StringLength(20, ErrorMessage = "Der Code ist zu lang.")]
    public string? Code { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Bitte geben Sie Ihr Passwort oder einen Code aus Ihrer App an.")]
    [StringLength(200, ErrorMessage = "Die Eingabe ist zu lang.")]
    public string? Confirmation { get; set; }

    public bool Enabled { get; private set; }
    public bool Required { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    public string SharedKey { get; private set; } = "";
    public string QrCodeSvg { get; private set; } = "";
    public IReadOnlyList<string> NewRecoveryCodes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        ModelState.Remove(nameof(Confirmation));
        if (ModelState.IsValid && !await IsCurrentCodeAsync(user, Code!))
            ModelState.AddModelError(nameof(Code), text["Der Code stimmt nicht. Bitte geben Sie den sechsstelligen Code ein, den Ihre App gerade anzeigt."]);
        if (!ModelState.IsValid || user.TwoFactorEnabled)
        {
            await LoadAsync(user);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        NewRecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
        await RecordAsync("account.2fa.enabled", user);
        await signIn.RefreshSignInAsync(user);
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        ModelState.Remove(nameof(Code));
        if (!await ConfirmedAsync(user))
        {
            await LoadAsync(user);
            return Page();
        }
        NewRecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
        await RecordAsync("account.2fa.recovery-codes-renewed", user);
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        ModelState.Remove(nameof(Code));
        if (!await ConfirmedAsync(user))
        {
            await LoadAsync(user);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        // A new key: the old one in the app and the old recovery codes stop working. Where two factors are
        // required this is how a new phone is set up: the enforcement keeps the person on this page until then.
        await users.ResetAuthenticatorKeyAsync(user);
        await OneTimeAuthenticatorCodes.ForgetAsync(users, user);
        await RecordAsync(policy.IsRequiredFor(User) ? "account.2fa.reset" : "account.2fa.disabled", user);
        await signIn.RefreshSignInAsync(user);
        return RedirectToPage();
    }

    private async Task LoadAsync(AppUser user)
    {
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        Required = policy.IsRequiredFor(User);
        RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
        if (Enabled) return;
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        }
        SharedKey = InGroupsOfFour(key);
        QrCodeSvg = QrSvg(AuthenticatorUri(user.Email ?? user.UserName ?? "", key));
    }

    /// <summary>The password or a current code from the app.</summary>
    private async Task<bool> ConfirmedAsync(AppUser user)
    {
        if (!ModelState.IsValid) return false;
        if (await users.CheckPasswordAsync(user, Confirmation!) || (user.TwoFactorEnabled && await IsCurrentCodeAsync(user, Confirmation!))) return true;
        await users.AccessFailedAsync(user);
        ModelState.AddModelError(nameof(Confirmation), text["Das Passwort oder der Code stimmt nicht."]);
        return false;
    }

    private async Task<bool> IsCurrentCodeAsync(AppUser user, string code) =>
        await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, Normalize(code));

    internal static string Normalize(string code) => code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);

    // Security events (audited and logged); renewed codes and a new phone are told apart in the details.
    private Task RecordAsync(string action, AppUser user) => action switch
    {
        "account.2fa.enabled" => events.RecordAsync(SecurityEvent.TwoFactorEnabled, user),
        "account.2fa.recovery-codes-renewed" => events.RecordAsync(SecurityEvent.TwoFactorEnabled, user, "recovery codes renewed"),
        "account.2fa.reset" => events.RecordAsync(SecurityEvent.TwoFactorDisabled, user, "key reset for a new phone"),
        _ => events.RecordAsync(SecurityEvent.TwoFactorDisabled, user),
    };

    internal static string InGroupsOfFour(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4) text.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        return text.ToString().TrimEnd().ToLowerInvariant();
    }

    /// <summary>The otpauth address every authenticator app reads (Google's Key Uri Format).</summary>
    internal static string AuthenticatorUri(string account, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString(TwoFactorPolicy.Issuer)}:{Uri.EscapeDataString(account)}?secret={key}&issuer={Uri.EscapeDataString(TwoFactorPolicy.Issuer)}&digits=6";

    /// <summary>Drawn on the server as SVG: the page needs no script and no image address.</summary>
    private static string QrSvg(string uri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        return new SvgQRCode(data).GetGraphic(4);
    }
}
