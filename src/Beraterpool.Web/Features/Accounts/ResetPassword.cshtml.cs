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
public sealed class ResetPasswordModel(UserManager<AppUser> users, SecurityEvents events, IStringLocalizer<ResetPasswordModel> text) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? UserId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty] public PasswordInput Input { get; set; } = new();
    public bool LinkValid { get; private set; }

    public async Task OnGetAsync() => LinkValid = await LinkWorksAsync() is not null;

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await LinkWorksAsync();
        LinkValid = user is not null;
        if (user is null || !ModelState.IsValid) return Page();
        var result = await users.ResetPasswordAsync(user, AccountMails.DecodeCode(Code)!, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors) ModelState.AddModelError("Input.Password", text[e.Description]);
            return Page();
        }
        // Whoever proved control of the mailbox may try again at once.
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        // Resetting changed the security stamp: the sessions open before end within the stamp check's minute.
        await events.RecordAsync(SecurityEvent.PasswordReset, user);
        return RedirectToPage("/Accounts/Login", new { reset = "true" });
    }

    private async Task<AppUser?> LinkWorksAsync()
    {
        var token = AccountMails.DecodeCode(Code);
        if (string.IsNullOrEmpty(UserId) || token is null) return null;
        var user = await users.FindByIdAsync(UserId);
        if (user is null) return null;
        var ok = await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<AppUser>.ResetPasswordTokenPurpose, token);
        return ok ? user : null;
    }
}
