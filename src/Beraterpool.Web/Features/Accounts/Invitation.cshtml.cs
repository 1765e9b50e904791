using Beraterpool.Web.Features.Requests;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Accounts;

/// <summary>Accepting an invitation: the invited person sets their first password and is signed in.</summary>
[AllowAnonymous]
[EnableRateLimiting(RequestRateLimit.AccountPolicy)]
public sealed class InvitationModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, IStringLocalizer<InvitationModel> text) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? UserId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty] public PasswordInput Input { get; set; } = new();
    public bool LinkValid { get; private set; }
    public bool AlreadyAccepted { get; private set; }
    public string? Email { get; private set; }

    public async Task OnGetAsync() => await CheckLinkAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await CheckLinkAsync();
        if (user is null || AlreadyAccepted || !ModelState.IsValid) return Page();
        var result = await users.ResetPasswordAsync(user, AccountMails.DecodeCode(Code)!, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors) ModelState.AddModelError("Input.Password", text[e.Description]);
            return Page();
        }
        user.EmailConfirmed = true;
        await users.UpdateAsync(user);
        await signIn.SignInAsync(user, isPersistent: false);
        return RedirectToPage(await LoginModel.HomePageOfAsync(users, user));
    }

    private async Task<AppUser?> CheckLinkAsync()
    {
        var token = AccountMails.DecodeCode(Code);
        if (string.IsNullOrEmpty(UserId) || token is null) return null;
        var user = await users.FindByIdAsync(UserId);
        if (user is null) return null;
        Email = user.Email;
        // A used invitation (the password is set) is not an error: point to the sign-in instead.
        AlreadyAccepted = await users.HasPasswordAsync(user);
        LinkValid = AlreadyAccepted || await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider,
            UserManager<AppUser>.ResetPasswordTokenPurpose, token);
        return LinkValid ? user : null;
    }
}
