using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Accounts;

/// <summary>The second sign-in step: the password was right (Identity remembers whose in a short-lived cookie), now the app's code.</summary>
[AllowAnonymous]
public sealed class LoginTwoFactorModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, SecurityEvents events,
    IStringLocalizer<LoginTwoFactorModel> text) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty(SupportsGet = true)] public bool RememberMe { get; set; }
    [BindProperty] public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Bitte geben Sie den Code aus Ihrer App an.")]
        [StringLength(20, ErrorMessage = "Der Code ist zu lang.")]
        public string Code { get; set; } = "";

        public bool RememberMachine { get; set; }
    }

    /// <summary>No password step pending (it expired, or the address was opened directly): the page says so instead of a form.</summary>
    public bool Expired { get; private set; }

    public async Task OnGetAsync() => Expired = await signIn.GetTwoFactorAuthenticationUserAsync() is null;

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        Expired = user is null;
        if (user is null || !ModelState.IsValid) return Page();
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(TwoFactorModel.Normalize(Input.Code), RememberMe, Input.RememberMachine);
        if (result.IsLockedOut)
        {
            ModelState.AddModelError("", text["Ihr Konto ist nach mehreren Fehlversuchen für 15 Minuten gesperrt. Versuchen Sie es danach noch einmal oder setzen Sie Ihr Passwort zurück."]);
            return Page();
        }
        if (!result.Succeeded)
        {
            await events.RecordAsync(SecurityEvent.SignInFailed, user, "wrong authenticator code");
            ModelState.AddModelError("Input.Code", text["Der Code stimmt nicht. Bitte geben Sie den sechsstelligen Code ein, den Ihre App gerade anzeigt."]);
            return Page();
        }
        await events.RecordAsync(SecurityEvent.SignInSucceeded, user, "with authenticator code");
        if (!string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl)) return LocalRedirect(ReturnUrl);
        return RedirectToPage(await LoginModel.HomePageOfAsync(users, user));
    }
}
