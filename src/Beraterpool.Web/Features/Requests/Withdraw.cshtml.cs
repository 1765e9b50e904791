using System.ComponentModel.DataAnnotations;
using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Shared.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Requests;

/// <summary>The contact withdraws the request after confirming; the office is told by e-mail.</summary>
[AllowAnonymous]
[EnableRateLimiting(RequestRateLimit.Policy), SendingHandlers("")]
public sealed class WithdrawModel(AppDbContext db, ConsultationRequests requests, RequestMails mails,
    IStringLocalizer<WithdrawModel> text) : PageModel
{
    public string Reference { get; private set; } = "";
    public string Token { get; private set; } = "";

    [BindProperty]
    [StringLength(1000, ErrorMessage = "Der Grund darf höchstens 1000 Zeichen lang sein.")]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        var request = await FindAsync(token, ct);
        if (request is null) return NotFound();
        if (!RequestWorkflow.CanWithdraw(request.Status)) return LocalRedirect(TrackingLinks.Path(Url, token));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        var request = await FindAsync(token, ct);
        if (request is null) return NotFound();
        if (!ModelState.IsValid) return Page();
        if (!await requests.MoveAsync(request, RequestStatus.Withdrawn, request.ContactUserId, request.ContactName, Reason, ct))
        {
            TempData[StatusMessage.Key] = text["Die Anfrage kann in diesem Stand nicht mehr zurückgezogen werden. Bitte wenden Sie sich an die Koordinierungsstelle."].Value;
            return LocalRedirect(TrackingLinks.Path(Url, token));
        }
        await mails.SendWithdrawnAsync(request, Reason, ct);
        TempData[StatusMessage.Key] = text["Ihre Anfrage ist zurückgezogen."].Value;
        return LocalRedirect(TrackingLinks.Path(Url, token));
    }

    private async Task<ConsultationRequest?> FindAsync(string token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100) return null;
        var hash = ConsultationRequests.HashToken(token);
        var request = await db.ConsultationRequests.FirstOrDefaultAsync(r => r.TrackingTokenHash == hash, ct);
        if (request is not null)
        {
            Reference = request.Reference;
            Token = token;
        }
        return request;
    }
}
