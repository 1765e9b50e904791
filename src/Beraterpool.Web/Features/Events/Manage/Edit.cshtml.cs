using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Advisors;
using Beraterpool.Web.Features.Audit;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Shared;
using Beraterpool.Web.Features.Shared.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Events.Manage;

public sealed record Choice(string Value, string Label);

/// <summary>Creates or changes an event of a pool the user coordinates; a change of time or place counts up the calendar entry's SEQUENCE.</summary>
[Authorize(Roles = Roles.Administrator + "," + Roles.Coordinator)]
public sealed class EditModel(AppDbContext db, TimeProvider time, PoolAccess access, PoolCatalog catalog, EventRegistrations registrations,
    IStringLocalizer<EditModel> text) : PageModel
{
    [BindProperty] public EventInput Input { get; set; } = new();

    public int? EventId { get; private set; }
    public IReadOnlyList<PoolInfo> Pools { get; private set; } = [];
    public IReadOnlyList<Choice> MunicipalityChoices { get; private set; } = [];
    public IReadOnlyList<Choice> AdvisorChoices { get; private set; } = [];
    public EventTexts Texts { get; } = new(text);

    public async Task<IActionResult> OnGetAsync(int? id, int? pool, CancellationToken ct)
    {
        if (id is { } eventId)
        {
            var e = await db.Events.AsNoTracking().Include(x => x.Municipalities).Include(x => x.Presenters).FirstOrDefaultAsync(x => x.Id == eventId, ct);
            if (e is null || !await access.CanManageAsync(e.PoolId, ct)) return NotFound();
            EventId = eventId;
            Input = ToInput(e);
        }
        else
        {
            Input.PoolId = pool;
            Input.Kind = EventKind.DialogueForum;
            (Input.StartTime, Input.EndTime) = (new TimeOnly(10, 0), new TimeOnly(13, 0));
        }
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Event? e = null;
        if (id is { } eventId)
        {
            e = await db.Events.Include(x => x.Municipalities).Include(x => x.Presenters).FirstOrDefaultAsync(x => x.Id == eventId, ct);
            if (e is null || !await access.CanManageAsync(e.PoolId, ct)) return NotFound();
            EventId = eventId;
            Input.PoolId = e.PoolId;
        }
        if (!await LoadAsync(ct)) return NotFound();
        var (starts, ends) = Check();
        if (!ModelState.IsValid) return Page();

        var now = time.GetUtcNow();
        var capacityBefore = e?.Capacity;
        if (e is null)
        {
            e = new Event { PoolId = Input.PoolId!.Value, Title = "", CreatedAt = now };
            db.Events.Add(e);
        }
        else if (e.StartsAt != starts || e.EndsAt != ends || e.Place != Clean(Input.Place) || e.IsCancelled != Input.IsCancelled || e.Title != Input.Title!.Trim())
        {
            e.CalendarSequence++;
        }
        e.Title = Input.Title!.Trim();
        e.Kind = Input.Kind!.Value;
        (e.StartsAt, e.EndsAt) = (starts!.Value, ends!.Value);
        (e.Place, e.OnlineUrl, e.Organisations) = (Clean(Input.Place), Clean(Input.OnlineUrl), Clean(Input.Organisations));
        (e.Description, e.AccessibilityNotes, e.Minutes, e.Outcomes) = (Markdown(Input.Description), Clean(Input.AccessibilityNotes), Markdown(Input.Minutes), Clean(Input.Outcomes));
        (e.Capacity, e.IsPublic, e.IsCancelled) = (Input.Capacity, Input.IsPublic, Input.IsCancelled);
        e.RegistrationDeadline = Input.RegistrationDeadline is { } d ? ProgrammeTime.FromLocal(d.AddDays(1), TimeOnly.MinValue) : null;
        e.UpdatedAt = now;
        var keys = Input.MunicipalityKeys.Distinct().ToHashSet();
        e.Municipalities.RemoveAll(m => !keys.Contains(m.MunicipalityKey));
        e.Municipalities.AddRange(keys.Where(k => e.Municipalities.All(m => m.MunicipalityKey != k)).Select(k => new EventMunicipality { MunicipalityKey = k }));
        var presenters = Input.PresenterIds.Distinct().ToHashSet();
        e.Presenters.RemoveAll(p => !presenters.Contains(p.AdvisorId));
        e.Presenters.AddRange(presenters.Where(a => e.Presenters.All(p => p.AdvisorId != a)).Select(a => new EventPresenter { AdvisorId = a }));
        await db.SaveChangesAsync(ct);
        db.Audit(EventId is null ? "event.created" : "event.updated", $"event:{e.Id}", access.UserId, e.PoolId, e.Title);
        await db.SaveChangesAsync(ct);
        // More places: they go to the people waiting, at once.
        if (EventId is not null && e.Capacity != capacityBefore) await registrations.OfferFreePlacesAsync(e.Id, ct);
        TempData[StatusMessage.Key] = text["Die Veranstaltung „{0}“ ist gespeichert.", e.Title].Value;
        return RedirectToPage("/Events/Manage/Registrations", new { id = e.Id });
    }

    /// <summary>The rules the attributes cannot say; returns the instants when the times are valid.</summary>
    private (DateTimeOffset? Starts, DateTimeOffset? Ends) Check()
    {
        if (Input.PoolId is not { } poolId || Pools.All(p => p.Id != poolId))
            ModelState.AddModelError("Input.PoolId", text["Bitte wählen Sie den Pool."]);
        if (Input.MunicipalityKeys.Any(k => MunicipalityChoices.All(c => c.Value != k)))
            ModelState.AddModelError("Input.MunicipalityKeys", text["Bitte wählen Sie Kommunen aus der Liste."]);
        if (Input.PresenterIds.Any(a => AdvisorChoices.All(c => c.Value != a.ToString())))
            ModelState.AddModelError("Input.PresenterIds", text["Bitte wählen Sie Berater*innen aus der Liste."]);
        if (Clean(Input.OnlineUrl) is { } url && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
            ModelState.AddModelError("Input.OnlineUrl", text["Bitte geben Sie einen vollständigen Link an, der mit https:// beginnt."]);
        if (Input is not { Date: { } date, StartTime: { } start, EndTime: { } end }) return (null, null);
        var starts = ProgrammeTime.FromLocal(date, start);
        var ends = ProgrammeTime.FromLocal(Input.EndDate ?? date, end);
        if (starts is null) ModelState.AddModelError("Input.StartTime", text["Diese Uhrzeit gibt es an dem Tag nicht (Umstellung auf Sommerzeit). Bitte wählen Sie eine andere."]);
        if (ends is null) ModelState.AddModelError("Input.EndTime", text["Diese Uhrzeit gibt es an dem Tag nicht (Umstellung auf Sommerzeit). Bitte wählen Sie eine andere."]);
        if (starts is not null && ends is not null && ends <= starts)
            ModelState.AddModelError("Input.EndTime", text["Das Ende muss nach dem Beginn liegen."]);
        if (Input.RegistrationDeadline is { } deadline && deadline > (Input.EndDate ?? date))
            ModelState.AddModelError("Input.RegistrationDeadline", text["Der Anmeldeschluss darf nicht nach der Veranstaltung liegen."]);
        return (starts, ends);
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var managed = await access.ManagedPoolIdsAsync(ct);
        Pools = (await catalog.AllAsync(ct)).Where(p => managed.Contains(p.Id)).ToList();
        if (Pools.Count == 0) return false;
        Input.PoolId ??= Pools[0].Id;
        if (Pools.FirstOrDefault(p => p.Id == Input.PoolId) is { } pool)
        {
            var states = pool.StateCodes.ToArray();
            MunicipalityChoices = await db.Municipalities.AsNoTracking().Where(m => states.Contains(m.StateCode))
                .OrderBy(m => m.Name).Select(m => new Choice(m.OfficialKey, m.Name)).ToListAsync(ct);
            AdvisorChoices = await db.Advisors.AsNoTracking()
                .Where(a => a.PoolId == pool.Id && (a.Status == AdvisorStatus.Active || a.Status == AdvisorStatus.InQualification))
                .OrderBy(a => a.LastName).ThenBy(a => a.FirstName).Select(a => new Choice(a.Id.ToString(), a.FirstName + " " + a.LastName)).ToListAsync(ct);
        }
        return true;
    }

    private static EventInput ToInput(Event e)
    {
        var (s, end) = (ProgrammeTime.ToLocal(e.StartsAt), ProgrammeTime.ToLocal(e.EndsAt));
        return new EventInput
        {
            PoolId = e.PoolId, Title = e.Title, Kind = e.Kind, Date = DateOnly.FromDateTime(s.DateTime), StartTime = TimeOnly.FromDateTime(s.DateTime),
            EndDate = s.Date == end.Date ? null : DateOnly.FromDateTime(end.DateTime), EndTime = TimeOnly.FromDateTime(end.DateTime),
            Place = e.Place, OnlineUrl = e.OnlineUrl, Organisations = e.Organisations, Description = e.Description, AccessibilityNotes = e.AccessibilityNotes,
            Capacity = e.Capacity, IsPublic = e.IsPublic, IsCancelled = e.IsCancelled, Minutes = e.Minutes, Outcomes = e.Outcomes,
            RegistrationDeadline = e.RegistrationDeadline is { } d ? ProgrammeTime.LocalDate(d).AddDays(-1) : null,
            MunicipalityKeys = e.Municipalities.Select(m => m.MunicipalityKey).ToList(), PresenterIds = e.Presenters.Select(p => p.AdvisorId).ToList(),
        };
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
    private static string? Markdown(string? s) => Clean(s)?.ReplaceLineEndings("\n");
}
