using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Shared;
using Beraterpool.Web.Features.Shared.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Stakeholders.Manage;

/// <summary>One organisation: its data, its contacts, its follow-ups and its timeline.</summary>
[Authorize(Roles = Roles.Administrator + "," + Roles.Coordinator)]
public sealed class OrganisationModel(AppDbContext db, TimeProvider time, PoolAccess access, StakeholderTimeline timeline, IStringLocalizer<OrganisationModel> text) : PageModel
{
    public sealed record ContactRow(int Id, string Name, string? Function, string? Email, bool Contactable);

    [BindProperty] public EntryInput Entry { get; set; } = new();
    [BindProperty] public FollowUpInput FollowUp { get; set; } = new();

    public Organisation Item { get; private set; } = null!;
    public string? MunicipalityName { get; private set; }
    public IReadOnlyList<ContactRow> Contacts { get; private set; } = [];
    public ActivityPanel Panel { get; private set; } = null!;
    public StakeholderTexts Texts { get; } = new(text);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddEntryAsync(int id, CancellationToken ct)
    {
        Activity.KeepOnly(ModelState, nameof(Entry));
        // Validated by hand: a post without any of the fields binds nothing, and nothing would be checked.
        ModelState.ClearValidationState(nameof(Entry));
        TryValidateModel(Entry, nameof(Entry));
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!ModelState.IsValid) return Page();
        Activity.AddEntry(db, Item.PoolId, Item.Id, null, Entry, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        TempData[StatusMessage.Key] = text["Der Eintrag ist gespeichert."].Value;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostAddFollowUpAsync(int id, CancellationToken ct)
    {
        Activity.KeepOnly(ModelState, nameof(FollowUp));
        ModelState.ClearValidationState(nameof(FollowUp));
        TryValidateModel(FollowUp, nameof(FollowUp));
        if (!await LoadAsync(id, ct)) return NotFound();
        if (FollowUp.OwnerUserId is { } owner && Panel.Owners.All(o => o.Value != owner))
            ModelState.AddModelError("FollowUp.OwnerUserId", text["Bitte wählen Sie eine Person aus der Koordinierung des Pools."]);
        if (!ModelState.IsValid) return Page();
        Activity.AddFollowUp(db, Item.PoolId, Item.Id, null, FollowUp, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        TempData[StatusMessage.Key] = text["Die Wiedervorlage ist gespeichert."].Value;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostToggleAsync(int id, int followUpId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        await Activity.ToggleAsync(db, followUpId, [Item.PoolId], time.GetUtcNow(), ct);
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var o = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (o is null || !await access.CanManageAsync(o.PoolId, ct)) return false;
        Item = o;
        MunicipalityName = o.MunicipalityKey is null ? null
            : await db.Municipalities.Where(m => m.OfficialKey == o.MunicipalityKey).Select(m => m.Name).FirstOrDefaultAsync(ct);
        Contacts = await db.ContactOrganisations.AsNoTracking().Where(c => c.OrganisationId == id)
            .Join(db.Contacts, co => co.ContactId, c => c.Id, (co, c) => c).OrderBy(c => c.Name)
            .Select(c => new ContactRow(c.Id, c.Name, c.Function, c.Email, c.ConsentGivenOn != null && c.ConsentWithdrawnOn == null)).ToListAsync(ct);
        var owners = await Activity.OwnersAsync(db, o.PoolId, ct);
        if (Request.Method == "GET")
        {
            Entry.On ??= time.LocalToday();
            FollowUp.DueOn ??= time.LocalToday().AddDays(14);
            FollowUp.OwnerUserId ??= access.UserId;
        }
        Panel = new ActivityPanel(await timeline.ForOrganisationAsync(o, ct), await timeline.FollowUpsAsync(db.FollowUps.Where(f => f.OrganisationId == id), ct),
            owners, Entry, FollowUp, Texts);
        return true;
    }
}
