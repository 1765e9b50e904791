using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Accounts;

/// <summary>The second sign-in step without the phone: one of the ten recovery codes, each good once.</summary>
[AllowAnonymous]
public sealed class LoginRecoveryCodeModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, SecurityEvents events,
    IStringLocalizer<LoginRecoveryCodeModel> text) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty] public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Bitte geben Sie einen Wiederherstellungscode an.")]
        [StringLength(40, ErrorMessage = "Der Code ist zu lang.")]
        public string Code { get; set; } = "";
    }

    /// <summary>No password step pending (it expired, or the address was opened directly): the page says so instead of a form.</summary>
    public bool Expired { get; private set; }

    public async Task OnGetAsync() => Expired = await signIn.GetTwoFactorAuthenticationUserAsync() is null;

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        Expired = user is null;
        if (user is null || !ModelState.IsValid) return Page();
        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(Input.Code.Replace(" ", "", StringComparison.Ordinal));
        if (result.IsLockedOut)
        {
            ModelState.AddModelError("", text["Ihr Konto ist nach mehreren Fehlversuchen für 15 Minuten gesperrt. Versuchen Sie es danach noch einmal oder setzen Sie Ihr Passwort zurück."]);
            return Page();
        }
        if (!result.Succeeded)
        {
            await events.RecordAsync(SecurityEvent.SignInFailed, user, "wrong recovery code");
            ModelState.AddModelError("Input.Code", text["Dieser Wiederherstellungscode stimmt nicht oder wurde schon benutzt."]);
            return Page();
        }
        await RecordAsync(user, await users.CountRecoveryCodesAsync(user));
        if (!string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl)) return LocalRedirect(ReturnUrl);
        return RedirectToPage(await LoginModel.HomePageOfAsync(users, user));
    }

    private Task RecordAsync(AppUser user, int left) => events.RecordAsync(SecurityEvent.RecoveryCodeUsed, user, $"left={left}");
}
