using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Audit;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Shared;
using Beraterpool.Web.Features.Shared.Forms;
using CsvHelper;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Events.Manage;

/// <summary>
/// The office's desk for one event: who has a place, who waits, check-in at the door (one tap per person, works on a
/// phone), registering someone by hand (events by invitation), and the participant list as CSV.
/// </summary>
[Authorize(Roles = Roles.Administrator + "," + Roles.Coordinator)]
public sealed class RegistrationsModel(AppDbContext db, TimeProvider time, PoolAccess access, EventRegistrations registrations,
    IStringLocalizer<RegistrationsModel> text) : PageModel
{
    public static readonly string[] CsvHeaders = ["Name", "Organisation", "Funktion", "E-Mail", "Status", "Angemeldet am", "Anwesend", "Hinweise"];

    [BindProperty] public RegistrationInput Input { get; set; } = new();

    public Event Event { get; private set; } = null!;
    public IReadOnlyList<EventRegistration> Registrations { get; private set; } = [];
    public IReadOnlyList<EventQuestion> Questions { get; private set; } = [];
    /// <summary>The answers to the event's questions by registration, in the order the questions had.</summary>
    public ILookup<int, EventAnswer> Answers { get; private set; } = Array.Empty<EventAnswer>().ToLookup(a => a.RegistrationId);
    public int Taken => Registrations.Count(r => EventRegistration.HoldsPlace(r.Status));
    public EventTexts Texts { get; } = new(text);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        // Offers that ran out since the job's last round pass on before the office looks.
        await registrations.ExpireOffersAsync(ct);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAddAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!ModelState.IsValid) return Page();
        var data = new RegistrationData(Input.Name!, Input.Email!, Input.Organisation, Input.Function, Input.Notes, "de");
        var (outcome, _) = await registrations.RegisterAsync(id, data, joinWaitingList: true, byOffice: true, access.UserId, ct);
        switch (outcome)
        {
            case RegisterOutcome.AlreadyRegistered:
                ModelState.AddModelError("Input.Email", text["Mit dieser E-Mail-Adresse besteht schon eine Anmeldung."]);
                return Page();
            case RegisterOutcome.Closed:
                ModelState.AddModelError("", text["Die Veranstaltung ist abgesagt; Anmeldungen sind nicht mehr möglich."]);
                return Page();
        }
        TempData[StatusMessage.Key] = (outcome == RegisterOutcome.Registered
            ? text["{0} ist angemeldet und bekommt die Bestätigung per E-Mail.", data.Name.Trim()]
            : text["Alle Plätze sind vergeben: {0} steht auf der Warteliste.", data.Name.Trim()]).Value;
        return RedirectToPage(new { id });
    }

    public Task<IActionResult> OnPostGivePlaceAsync(int id, int registration, CancellationToken ct) =>
        ActAsync(id, registration, () => registrations.GivePlaceAsync(registration, access.UserId, ct), text["Der Platz ist vergeben; die Person bekommt die Bestätigung."], ct);

    public Task<IActionResult> OnPostCancelAsync(int id, int registration, CancellationToken ct) =>
        ActAsync(id, registration, () => registrations.CancelAsync(registration, access.UserId, ct), text["Die Anmeldung ist abgesagt; die Person bekommt eine E-Mail."], ct);

    public Task<IActionResult> OnPostCheckInAsync(int id, int registration, bool present, CancellationToken ct) =>
        ActAsync(id, registration, () => registrations.CheckInAsync(registration, present, access.UserId, ct), null, ct);

    public async Task<IActionResult> OnGetCsvAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        db.Audit("event.participants.exported", $"event:{id}", access.UserId, Event.PoolId, $"{Registrations.Count} rows");
        await db.SaveChangesAsync(ct);
        var options = new CsvWriterOptions { Separator = ';', Injection = CsvInjection.Escape, WriteByteOrderMark = true };
        using var ms = new MemoryStream();
        var columns = AnswerColumns();
        using (var csv = CsvWriter.Create(ms, options, leaveOpen: true))
        {
            csv.WriteRecord([.. CsvHeaders, .. columns.Select(c => c.Header)]);
            foreach (var r in Registrations.Where(r => r.Status is RegistrationStatus.Registered or RegistrationStatus.Offered or RegistrationStatus.Waiting))
                csv.WriteRecord([r.Name, r.Organisation ?? "", r.Function ?? "", r.Email, Texts.Status(r.Status),
                    ProgrammeTime.ToLocal(r.RegisteredAt).ToString("dd.MM.yyyy HH:mm"), r.CheckedInAt is null ? "" : "ja", r.Notes ?? "",
                    .. columns.Select(c => Answers[r.Id].FirstOrDefault(c.Matches) is { } a ? EventAnswers.OneLine(a.Value) : "")]);
        }
        return File(ms.ToArray(), "text/csv; charset=utf-8", $"teilnahmeliste-{id}.csv");
    }

    /// <summary>
    /// One column per question of the event, then one per wording of a removed question that still has answers (their
    /// answers kept the question's text, so that is what the column is called).
    /// </summary>
    private List<(string Header, Func<EventAnswer, bool> Matches)> AnswerColumns()
    {
        var columns = Questions.Select(q => (q.Text, (Func<EventAnswer, bool>)(a => a.QuestionId == q.Id))).ToList();
        var removed = Answers.SelectMany(g => g).Where(a => a.QuestionId is null).OrderBy(a => a.Position).Select(a => a.Question).Distinct().ToList();
        columns.AddRange(removed.Select(t => (text["{0} (entfernte Frage)", t].Value, (Func<EventAnswer, bool>)(a => a.QuestionId is null && a.Question == t))));
        return columns;
    }

    /// <summary>The list for the door: everyone with a place, sorted by name, a box to tick and a line to sign (no answers: they would not fit across the page).</summary>
    public async Task<IActionResult> OnGetCheckInPdfAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var rows = Registrations.Where(r => EventRegistration.HoldsPlace(r.Status))
            .Select(r => new CheckInListPdf.Row(r.Name, r.Organisation, r.CheckedInAt is not null)).ToList();
        db.Audit("event.participants.exported", $"event:{id}", access.UserId, Event.PoolId, $"PDF, {rows.Count} rows");
        await db.SaveChangesAsync(ct);
        return File(CheckInListPdf.Render(Event, rows), "application/pdf", $"einlassliste-{id}.pdf");
    }

    private async Task<IActionResult> ActAsync(int id, int registration, Func<Task<bool>> act, LocalizedString? done, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || Registrations.All(r => r.Id != registration)) return NotFound();
        var ok = await act();
        if (done is not null) TempData[StatusMessage.Key] = (ok ? done : text["Das ging nicht mehr: Der Stand hat sich inzwischen geändert."]).Value;
        return Redirect(Url.Page("/Events/Manage/Registrations", new { id }) + $"#r{registration}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var e = await db.Events.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null || !await access.CanManageAsync(e.PoolId, ct)) return false;
        Event = e;
        Registrations = await db.EventRegistrations.AsNoTracking().Where(r => r.EventId == id)
            .OrderBy(r => r.Status == RegistrationStatus.Registered ? 0 : r.Status == RegistrationStatus.Offered ? 1 : r.Status == RegistrationStatus.Waiting ? 2 : 3)
            .ThenBy(r => r.RegisteredAt).ThenBy(r => r.Id).ToListAsync(ct);
        Questions = await db.EventQuestions.AsNoTracking().Where(q => q.EventId == id).OrderBy(q => q.Position).ThenBy(q => q.Id).ToListAsync(ct);
        Answers = (await db.EventAnswers.AsNoTracking().Where(a => db.EventRegistrations.Any(r => r.Id == a.RegistrationId && r.EventId == id))
            .OrderBy(a => a.Position).ThenBy(a => a.Id).ToListAsync(ct)).ToLookup(a => a.RegistrationId);
        return true;
    }

    public bool IsPast => Event.EndsAt < time.GetUtcNow();
}
