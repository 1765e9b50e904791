using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Requests;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Beraterpool.Web.Features.MunicipalityAccounts;

/// <summary>
/// The page behind the mailed link. Opening it signs nobody in — mail scanners open links too and would spend it —
/// the button does, once.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RequestRateLimit.AccountPolicy)]
public sealed class EmailLinkSignInModel(EmailSignIn links, UserManager<AppUser> users, SignInManager<AppUser> signIn, SecurityEvents events) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? UserId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    public bool LinkValid { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => LinkValid = await links.IsValidAsync(UserId, Code, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await links.RedeemAsync(UserId, Code, ct) is not { } user) return Page();
        if (!user.EmailConfirmed)
        {
            // The link reached the mailbox: the address is confirmed.
            user.EmailConfirmed = true;
            await users.UpdateAsync(user);
        }
        await signIn.SignInAsync(user, isPersistent: false, authenticationMethod: "email-link");
        await events.RecordAsync(SecurityEvent.SignInSucceeded, user, "by e-mail link", ct);
        return RedirectToPage("/Requests/Contact/Index");
    }
}
