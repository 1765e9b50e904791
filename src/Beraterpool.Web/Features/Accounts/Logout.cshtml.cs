using Beraterpool.Web.Data;
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
public sealed class LogoutModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, SecurityEvents events, AppDbContext db) : PageModel
{
    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? Page() : RedirectToPage("/Home/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is { } user) await RotateStampAsync(user);
        await signIn.SignOutAsync();
        return RedirectToPage("/Home/Index");
    }

    public async Task<IActionResult> OnPostEverywhereAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is { } user)
        {
            await RotateStampAsync(user);
            await events.RecordAsync(SecurityEvent.SignedOutEverywhere, user, ct: ct);
        }
        await signIn.SignOutAsync();
        return RedirectToPage("/Home/Index");
    }

    /// <summary>
    /// A new stamp, also when another tab or device signed out at the same moment (the account changed under us:
    /// read it again and retry, so the failed write does not linger in the context and fail the audit entry).
    /// </summary>
    private async Task RotateStampAsync(AppUser user)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            if ((await users.UpdateSecurityStampAsync(user)).Succeeded) return;
            await db.Entry(user).ReloadAsync();
        }
    }
}
