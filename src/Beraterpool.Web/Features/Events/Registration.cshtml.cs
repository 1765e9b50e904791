using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Shared.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Events;

/// <summary>
/// The personal link from the registration mails: shows the registration, cancels it, or takes an offered place. The
/// secret is case-sensitive, so form actions and redirects are written here, not generated (generated URLs are lower-cased).
/// </summary>
[AllowAnonymous]
public sealed class RegistrationModel(AppDbContext db, EventRegistrations registrations, TimeProvider time, IStringLocalizer<RegistrationModel> text) : PageModel
{
    public EventRegistration Registration { get; private set; } = null!;
    public Event Event { get; private set; } = null!;
    public bool OfferHolds { get; private set; }
    public bool IsUpcoming { get; private set; }
    public EventTexts Texts { get; } = new(text);

    public static string Path(IUrlHelper url, string token, string? handler = null) =>
        url.Content($"~/events/registration/{Uri.EscapeDataString(token)}{(handler is null ? "" : "?handler=" + handler)}");

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct) => await LoadAsync(token, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCancelAsync(string token, CancellationToken ct)
    {
        if (!await LoadAsync(token, ct)) return NotFound();
        TempData[StatusMessage.Key] = (await registrations.CancelAsync(token, ct)
            ? text["Ihre Anmeldung ist abgesagt. Danke, dass Sie Bescheid gegeben haben."]
            : text["Diese Anmeldung war schon abgesagt."]).Value;
        return Redirect(Path(Url, token));
    }

    public async Task<IActionResult> OnPostAcceptAsync(string token, CancellationToken ct)
    {
        if (!await LoadAsync(token, ct)) return NotFound();
        TempData[StatusMessage.Key] = (await registrations.AcceptOfferAsync(token, ct)
            ? text["Der Platz gehört Ihnen. Die Bestätigung mit dem Termin für Ihren Kalender ist unterwegs."]
            : text["Das Angebot gilt nicht mehr: Die Frist ist abgelaufen oder der Platz ist vergeben."]).Value;
        return Redirect(Path(Url, token));
    }

    private async Task<bool> LoadAsync(string token, CancellationToken ct)
    {
        if (await registrations.FindAsync(token, ct) is not { } r) return false;
        Registration = r;
        Event = await db.Events.AsNoTracking().SingleAsync(e => e.Id == r.EventId, ct);
        var now = time.GetUtcNow();
        OfferHolds = r.Status == RegistrationStatus.Offered && r.OfferExpiresAt > now;
        IsUpcoming = !Event.IsCancelled && Event.StartsAt > now;
        return true;
    }
}
