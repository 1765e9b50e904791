using Beraterpool.Web.Features.Engagements;
using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Requests;
using Beraterpool.Web.Features.Shared;
using Beraterpool.Web.Features.Shared.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Events;

public sealed record Presenter(string Name, string Slug);

/// <summary>
/// One public event with its registration form. When the last place went while the person was typing, the form comes
/// back with everything typed and offers the waiting list instead.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RequestRateLimit.Policy), SendingHandlers("")]
public sealed class DetailsModel(AppDbContext db, CurrentPool current, TimeProvider time, EventRegistrations registrations,
    EventDocuments documents, IStringLocalizer<DetailsModel> text) : PageModel
{
    [BindProperty] public RegistrationInput Input { get; set; } = new();

    public Event Event { get; private set; } = null!;
    public PoolInfo Pool { get; private set; } = null!;
    public IReadOnlyList<string> Municipalities { get; private set; } = [];
    public IReadOnlyList<Presenter> Presenters { get; private set; } = [];
    /// <summary>The event's own questions, asked after the fixed fields.</summary>
    public IReadOnlyList<EventQuestion> Questions { get; private set; } = [];
    /// <summary>The files of the documentation, shown with it once the event is over.</summary>
    public IReadOnlyList<DocumentRow> Documents { get; private set; } = [];
    public int Taken { get; private set; }
    public bool IsOpen { get; private set; }
    public bool IsPast { get; private set; }
    public bool IsFull => Event.Capacity is { } c && Taken >= c;
    /// <summary>The form came back because the event filled up: the button now puts the person on the waiting list.</summary>
    public bool OfferWaitingList { get; private set; }
    public EventTexts Texts { get; } = new(text);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input.Answers = EventAnswers.Align(Questions, []);
        return Page();
    }

    public async Task<IActionResult> OnGetFileAsync(int id, int file, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || !IsPast || await documents.FindAsync(id, file, ct) is not { } found) return NotFound();
        return DocumentUpload.Download(this, found);
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!string.IsNullOrEmpty(Input.Website)) return RedirectToPage(new { id });
        // Kept in the order of the questions, so that every way back to the form shows what was typed where it was typed.
        Input.Answers = EventAnswers.Align(Questions, Input.Answers);
        var answers = EventAnswers.Check(Questions, Input.Answers, ModelState, "Input.Answers", text);
        if (!Input.Consent)
            ModelState.AddModelError("Input.Consent", text["Bitte stimmen Sie zu, dass wir Ihre Angaben für die Anmeldung verarbeiten."]);
        if (!ModelState.IsValid) return Page();

        var data = new RegistrationData(Input.Name!, Input.Email!, Input.Organisation, Input.Function, Input.Notes, WebUi.CurrentCulture, answers);
        var (outcome, _) = await registrations.RegisterAsync(id, data, joinWaitingList: Input.JoinWaitingList, byOffice: false, actorUserId: null, ct);
        switch (outcome)
        {
            case RegisterOutcome.Registered:
                TempData[StatusMessage.Key] = text["Sie sind angemeldet. Die Bestätigung mit dem Termin für Ihren Kalender und Ihrem persönlichen Link zum Absagen ist an {0} unterwegs.", data.Email.Trim()].Value;
                return RedirectToPage(new { id });
            case RegisterOutcome.Waiting:
                TempData[StatusMessage.Key] = text["Sie stehen auf der Warteliste. Wird ein Platz frei, bieten wir ihn Ihnen per E-Mail an ({0}).", data.Email.Trim()].Value;
                return RedirectToPage(new { id });
            case RegisterOutcome.Full:
                await LoadAsync(id, ct);
                OfferWaitingList = true;
                ModelState.AddModelError("", text["Während Sie das Formular ausgefüllt haben, wurde der letzte Platz vergeben. Ihre Angaben sind noch da: Sie können sich auf die Warteliste setzen."]);
                return Page();
            case RegisterOutcome.AlreadyRegistered:
                ModelState.AddModelError("Input.Email", text["Mit dieser E-Mail-Adresse besteht schon eine Anmeldung. Den Link zum Absagen finden Sie in der Bestätigung."]);
                return Page();
            default:
                await LoadAsync(id, ct);
                ModelState.AddModelError("", text["Die Anmeldung ist inzwischen geschlossen. Bei Fragen wenden Sie sich bitte an die Koordinierungsstelle."]);
                return Page();
        }
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (current.Pool is not { } pool) return false;
        var e = await db.Events.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.PoolId == pool.Id && x.IsPublic, ct);
        if (e is null) return false;
        Event = e;
        Pool = pool;
        Municipalities = await db.EventMunicipalities.AsNoTracking().Where(m => m.EventId == id)
            .Join(db.Municipalities, m => m.MunicipalityKey, m => m.OfficialKey, (_, m) => m.Name).OrderBy(n => n).ToListAsync(ct);
        // Only advisors the directory shows are named in public.
        Presenters = await db.EventPresenters.AsNoTracking().Where(p => p.EventId == id)
            .Join(db.Advisors.Where(a => a.Status == Advisors.AdvisorStatus.Active), p => p.AdvisorId, a => a.Id, (_, a) => new Presenter(a.FirstName + " " + a.LastName, a.Slug))
            .ToListAsync(ct);
        Questions = await db.EventQuestions.AsNoTracking().Where(q => q.EventId == id).OrderBy(q => q.Position).ThenBy(q => q.Id).ToListAsync(ct);
        Taken = await db.EventRegistrations.CountAsync(r => r.EventId == id && (r.Status == RegistrationStatus.Registered || r.Status == RegistrationStatus.Offered), ct);
        var now = time.GetUtcNow();
        IsPast = e.EndsAt < now;
        IsOpen = !e.IsCancelled && now < e.RegistrationClosesAt;
        if (IsPast) Documents = await documents.ListAsync(id, ct);
        return true;
    }
}
