using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beraterpool.Web.Features.Accounts;

/// <summary>
/// Signing out is a POST (the layout's button); a GET only offers the buttons, so a link cannot sign anyone out.
/// Both change the security stamp, so a copy of the cookie dies within the stamp check's minute too; "everywhere"
/// says so to the person and is recorded, for a lost device or a session left open elsewhere.
/// </summary>
[AllowAnonymous]
public sealed class LogoutModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, SecurityEvents events) : PageModel
{
    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? Page() : RedirectToPage("/Home/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is { } user) await users.UpdateSecurityStampAsync(user);
        await signIn.SignOutAsync();
        return RedirectToPage("/Home/Index");
    }

    public async Task<IActionResult> OnPostEverywhereAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
            await events.RecordAsync(SecurityEvent.SignedOutEverywhere, user, ct: ct);
        }
        await signIn.SignOutAsync();
        return RedirectToPage("/Home/Index");
    }
}
