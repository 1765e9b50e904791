using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Accounts;

[AllowAnonymous]
public sealed class LoginModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, IStringLocalizer<LoginModel> text) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty(SupportsGet = true)] public bool Reset { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Bitte geben Sie Ihre E-Mail-Adresse an.")]
        [EmailAddress(ErrorMessage = "Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. name@example.org.")]
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

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user is null)
        {
            ModelState.AddModelError("", text["E-Mail-Adresse oder Passwort ist falsch."]);
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
            return RedirectToPage("/Accounts/LoginTwoFactor", new { ReturnUrl, Input.RememberMe });
        if (result.IsLockedOut)
        {
            ModelState.AddModelError("", text["Ihr Konto ist nach mehreren Fehlversuchen für 15 Minuten gesperrt. Versuchen Sie es danach noch einmal oder setzen Sie Ihr Passwort zurück."]);
            return Page();
        }
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", text["E-Mail-Adresse oder Passwort ist falsch."]);
            return Page();
        }
        if (!string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl)) return LocalRedirect(ReturnUrl);
        return RedirectToPage(await HomePageOfAsync(users, user));
    }

    /// <summary>The page a user lands on after signing in without a return address: their work, by role.</summary>
    internal static async Task<string> HomePageOfAsync(UserManager<AppUser> users, AppUser user)
    {
        var roles = await users.GetRolesAsync(user);
        if (roles.Contains(Roles.Administrator) || roles.Contains(Roles.Coordinator)) return "/Manage/Index";
        if (roles.Contains(Roles.Advisor)) return "/Advisors/Me/Profile";
        if (roles.Contains(Roles.MunicipalityContact)) return "/Requests/Contact/Index";
        return "/Home/Index";
    }
}
