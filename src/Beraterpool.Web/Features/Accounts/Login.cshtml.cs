using Beraterpool.Web.Features.Shared.Forms;
using System.ComponentModel.DataAnnotations;
using Beraterpool.Web.Features.Requests;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Accounts;

[AllowAnonymous]
[EnableRateLimiting(RequestRateLimit.AccountPolicy)]
public sealed class LoginModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, IPasswordHasher<AppUser> hasher,
    SecurityEvents events, AccountThrottle throttle, IStringLocalizer<LoginModel> text) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty(SupportsGet = true)] public bool Reset { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Bitte geben Sie Ihre E-Mail-Adresse an.")]
        [MailAddress(ErrorMessage = "Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. name@example.org.")]
        [StringLength(200, ErrorMessage = "Die E-Mail-Adresse ist zu lang.")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Bitte geben Sie Ihr Passwort an.")]
        [StringLength(200, ErrorMessage = "Das Passwort ist zu lang.")]
        public string Password { get; set; } = "";

        public bool RememberMe { get; set; }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var email = Input.Email.Trim();
        if (!throttle.TryAcquire("sign-in", email)) return StatusCode(throttle.Refuse(Response));
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            SpendHashingTime();
            await events.RecordAsync(SecurityEvent.SignInFailed, null, $"account={SecurityEvents.Mask(email)}", ct);
            return Refused();
        }
        var result = await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
            return RedirectToPage("/Accounts/LoginTwoFactor", new { ReturnUrl, Input.RememberMe });
        if (result.Succeeded)
        {
            await events.RecordAsync(SecurityEvent.SignInSucceeded, user, ct: ct);
            if (!string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl)) return LocalRedirect(ReturnUrl);
            return RedirectToPage(await HomePageOfAsync(users, user));
        }
        // Identity answers a locked account without hashing: spend the same time as for a wrong password.
        if (result.IsLockedOut) SpendHashingTime();
        await events.RecordAsync(result.IsLockedOut ? SecurityEvent.LockedOut : SecurityEvent.SignInFailed, user, ct: ct);
        return Refused();
    }

    // One answer for an unknown address, a wrong password and a locked account, so it never tells which addresses have an account.
    private PageResult Refused()
    {
        ModelState.AddModelError("", text["E-Mail-Adresse oder Passwort ist falsch. Nach mehreren Fehlversuchen ist die Anmeldung für 15 Minuten gesperrt, auch mit dem richtigen Passwort; Sie können dann Ihr Passwort zurücksetzen."]);
        return Page();
    }

    private static string? _dummyHash;

    // Without an account to check, hash anyway: a real account's answer takes the hasher's time (about 100 ms), and the difference would tell.
    private void SpendHashingTime()
    {
        var nobody = new AppUser();
        _dummyHash ??= hasher.HashPassword(nobody, Guid.NewGuid().ToString());
        hasher.VerifyHashedPassword(nobody, _dummyHash, Input.Password);
    }

    /// <summary>The page a user lands on after signing in without a return address: their work, by role.</summary>
    internal static async Task<string> HomePageOfAsync(UserManager<AppUser> users, AppUser user)
    {
        return Me.HomePages.Of(await users.GetRolesAsync(user));
    }
}
