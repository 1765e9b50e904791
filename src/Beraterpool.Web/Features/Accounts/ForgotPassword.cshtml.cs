using Beraterpool.Web.Features.Shared.Forms;
using System.ComponentModel.DataAnnotations;
using Beraterpool.Web.Features.Requests;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Beraterpool.Web.Features.Accounts;

/// <summary>Always the same answer, so the page never tells whether an address has an account.</summary>
[AllowAnonymous]
[EnableRateLimiting(RequestRateLimit.AccountPolicy)]
public sealed class ForgotPasswordModel(UserManager<AppUser> users, AccountMails mails, SecurityEvents events, AccountThrottle throttle) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public bool Sent { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Bitte geben Sie Ihre E-Mail-Adresse an.")]
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
        // A flood of reset mails to one mailbox from many addresses; refused alike for addresses without an account.
        if (!throttle.TryAcquire("reset", email)) return StatusCode(throttle.Refuse(Response));
        var user = await users.FindByEmailAsync(email);
        await events.RecordAsync(SecurityEvent.PasswordResetRequested, user, user is null ? $"account={SecurityEvents.Mask(email)}" : null, ct);
        // The Mailer logs a failed send; the visitor sees the same neutral answer either way.
        if (user is not null) await mails.SendPasswordResetAsync(user, ct);
        return RedirectToPage(new { sent = true });
    }
}
