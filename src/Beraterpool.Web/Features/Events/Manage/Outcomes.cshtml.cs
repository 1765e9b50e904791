using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Audit;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Shared;
using Beraterpool.Web.Features.Shared.Forms;
using Beraterpool.Web.Features.Stakeholders;
using Beraterpool.Web.Features.Stakeholders.Manage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OwnerChoice = Beraterpool.Web.Features.Stakeholders.Manage.Choice;

namespace Beraterpool.Web.Features.Events.Manage;

public sealed record OutcomeRow(int Id, EventOutcomeKind Kind, string Text, string Partner, int? OrganisationId, FollowUpItem? FollowUp, DateTimeOffset CreatedAt);

/// <summary>
/// What came of the event, one outcome per partner: a partner municipality of the event or an organisation of the pool's
/// network. Optionally with a follow-up for a coordinator — an ordinary stakeholder follow-up on the organisation (for a
/// municipality: the pool's organisation that stands for it), so it shows in "Meine Wiedervorlagen".
/// </summary>
[Authorize(Roles = Roles.Administrator + "," + Roles.Coordinator)]
public sealed class OutcomesModel(AppDbContext db, TimeProvider time, PoolAccess access, StakeholderTimeline timeline, IStringLocalizer<OutcomesModel> text) : PageModel
{
    [BindProperty] public OutcomeInput Input { get; set; } = new();

    public Event Event { get; private set; } = null!;
    public IReadOnlyList<OutcomeRow> Outcomes { get; private set; } = [];
    public IReadOnlyList<Choice> MunicipalityChoices { get; private set; } = [];
    public IReadOnlyList<Choice> OrganisationChoices { get; private set; } = [];
    public IReadOnlyList<OwnerChoice> Owners { get; private set; } = [];
    public EventTexts Texts { get; } = new(text);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input.FollowUpDueOn = time.LocalToday().AddDays(14);
        Input.FollowUpOwnerUserId = access.UserId;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var (municipalityKey, organisationId) = Partner();
        int? followUpOrganisation = null;
        if (Input.CreateFollowUp)
        {
            if (string.IsNullOrWhiteSpace(Input.FollowUpTitle)) ModelState.AddModelError("Input.FollowUpTitle", text["Bitte sagen Sie, was zu tun ist."]);
            if (Input.FollowUpDueOn is null) ModelState.AddModelError("Input.FollowUpDueOn", text["Bitte geben Sie das Datum an."]);
            if (Owners.All(o => o.Value != Input.FollowUpOwnerUserId))
                ModelState.AddModelError("Input.FollowUpOwnerUserId", text["Bitte wählen Sie eine Person aus der Koordinierung des Pools."]);
            followUpOrganisation = organisationId ?? (municipalityKey is null ? null : await db.Organisations
                .Where(o => o.PoolId == Event.PoolId && o.MunicipalityKey == municipalityKey).OrderBy(o => o.Name).Select(o => (int?)o.Id).FirstOrDefaultAsync(ct));
            if (municipalityKey is not null && followUpOrganisation is null)
                ModelState.AddModelError("Input.CreateFollowUp", text["Zu dieser Kommune gibt es im Netzwerk noch keine Organisation, an der die Wiedervorlage stehen kann. Legen Sie sie unter Netzwerk an, oder verknüpfen Sie das Ergebnis mit einer Organisation."]);
        }
        if (!ModelState.IsValid) return Page();

        var now = time.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        FollowUp? followUp = null;
        if (Input.CreateFollowUp)
        {
            followUp = new FollowUp
            {
                PoolId = Event.PoolId, OrganisationId = followUpOrganisation, Title = Input.FollowUpTitle!.Trim(), DueOn = Input.FollowUpDueOn!.Value,
                OwnerUserId = Input.FollowUpOwnerUserId, CreatedAt = now,
            };
            db.FollowUps.Add(followUp);
            await db.SaveChangesAsync(ct);
        }
        var outcome = new EventOutcome
        {
            EventId = id, Kind = Input.Kind!.Value, Text = Input.Text!.Trim().ReplaceLineEndings("\n"), MunicipalityKey = municipalityKey, OrganisationId = organisationId,
            FollowUpId = followUp?.Id, CreatedByUserId = access.UserId, CreatedAt = now,
        };
        db.EventOutcomes.Add(outcome);
        await db.SaveChangesAsync(ct);
        db.Audit("event.outcome.recorded", $"event:{id}", access.UserId, Event.PoolId,
            $"outcome:{outcome.Id}; {outcome.Kind}; {(municipalityKey is null ? $"organisation:{organisationId}" : $"municipality:{municipalityKey}")}{(followUp is null ? "" : $"; follow-up:{followUp.Id}")}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        TempData[StatusMessage.Key] = (followUp is null ? text["Das Ergebnis ist gespeichert."] : text["Das Ergebnis und die Wiedervorlage sind gespeichert."]).Value;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, int outcome, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (await db.EventOutcomes.Where(o => o.Id == outcome && o.EventId == id).ExecuteDeleteAsync(ct) == 0) return NotFound();
        db.Audit("event.outcome.deleted", $"event:{id}", access.UserId, Event.PoolId, $"outcome:{outcome}");
        await db.SaveChangesAsync(ct);
        TempData[StatusMessage.Key] = text["Das Ergebnis ist gelöscht; eine Wiedervorlage dazu bleibt bestehen."].Value;
        return RedirectToPage(new { id });
    }

    /// <summary>The partner chosen, checked against the choices of this event's pool: a municipality key or an organisation id.</summary>
    private (string? MunicipalityKey, int? OrganisationId) Partner()
    {
        var value = Input.Partner ?? "";
        if (value.StartsWith("m:", StringComparison.Ordinal) && MunicipalityChoices.Any(c => c.Value == value)) return (value[2..], null);
        if (value.StartsWith("o:", StringComparison.Ordinal) && OrganisationChoices.Any(c => c.Value == value)) return (null, int.Parse(value[2..], System.Globalization.CultureInfo.InvariantCulture));
        if (value.Length > 0) ModelState.AddModelError("Input.Partner", text["Bitte wählen Sie eine Partnerkommune der Veranstaltung oder eine Organisation aus der Liste."]);
        return (null, null);
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var e = await db.Events.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null || !await access.CanManageAsync(e.PoolId, ct)) return false;
        Event = e;
        MunicipalityChoices = await db.EventMunicipalities.AsNoTracking().Where(m => m.EventId == id)
            .Join(db.Municipalities, m => m.MunicipalityKey, m => m.OfficialKey, (_, m) => new { m.OfficialKey, m.Name }).OrderBy(m => m.Name)
            .Select(m => new Choice("m:" + m.OfficialKey, m.Name)).ToListAsync(ct);
        OrganisationChoices = (await db.Organisations.AsNoTracking().Where(o => o.PoolId == e.PoolId).OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(ct))
            .Select(o => new Choice("o:" + o.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), o.Name)).ToList();
        Owners = await Activity.OwnersAsync(db, e.PoolId, ct);
        var rows = await db.EventOutcomes.AsNoTracking().Where(o => o.EventId == id).OrderBy(o => o.CreatedAt).ThenBy(o => o.Id)
            .Select(o => new
            {
                o.Id, o.Kind, o.Text, o.OrganisationId, o.FollowUpId, o.CreatedAt,
                Partner = o.MunicipalityKey != null ? db.Municipalities.Where(m => m.OfficialKey == o.MunicipalityKey).Select(m => m.Name).FirstOrDefault()
                    : db.Organisations.Where(x => x.Id == o.OrganisationId).Select(x => x.Name).FirstOrDefault(),
            }).ToListAsync(ct);
        var followUpIds = rows.Where(r => r.FollowUpId != null).Select(r => r.FollowUpId!.Value).ToList();
        var followUps = (await timeline.FollowUpsAsync(db.FollowUps.Where(f => followUpIds.Contains(f.Id)), ct)).ToDictionary(f => f.Id);
        Outcomes = rows.Select(r => new OutcomeRow(r.Id, r.Kind, r.Text, r.Partner ?? "", r.OrganisationId,
            r.FollowUpId is { } f ? followUps.GetValueOrDefault(f) : null, r.CreatedAt)).ToList();
        return true;
    }
}
