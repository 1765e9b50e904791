using Beraterpool.Web.Features.Shared.Forms;
using System.ComponentModel.DataAnnotations;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Requests;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Beraterpool.Web.Features.MunicipalityAccounts;

/// <summary>Asks for a sign-in link by mail. Always the same answer, so the page never tells which addresses have an account.</summary>
[AllowAnonymous]
[EnableRateLimiting(RequestRateLimit.AccountPolicy)]
public sealed class EmailLinkModel(UserManager<AppUser> users, EmailSignIn signIn, AccountThrottle throttle) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public bool Sent { get; set; }
    public int Minutes => signIn.Minutes;

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Bitte geben Sie die E-Mail-Adresse Ihres Kontos an.")]
        [MailAddress(ErrorMessage = "Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. name@example.org.")]
        [StringLength(200, ErrorMessage = "Die E-Mail-Adresse ist zu lang.")]
        public string Email { get; set; } = "";
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var email = Input.Email.Trim();
        if (!throttle.TryAcquire("email-link", email)) return StatusCode(throttle.Refuse(Response));
        if (await users.FindByEmailAsync(email) is { } user) await signIn.SendAsync(user, ct);
        return RedirectToPage(new { sent = true });
    }
}
