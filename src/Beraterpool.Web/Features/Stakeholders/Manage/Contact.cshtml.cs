using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Outreach;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Shared;
using Beraterpool.Web.Features.Shared.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Stakeholders.Manage;

/// <summary>One contact: data, consent, organisations, follow-ups, timeline, and the contact as a vCard 4.0.</summary>
[Authorize(Roles = Roles.Administrator + "," + Roles.Coordinator)]
public sealed class ContactModel(AppDbContext db, TimeProvider time, PoolAccess access, StakeholderTimeline timeline, IStringLocalizer<ContactModel> text) : PageModel
{
    [BindProperty] public EntryInput Entry { get; set; } = new();
    [BindProperty] public FollowUpInput FollowUp { get; set; } = new();

    public Contact Item { get; private set; } = null!;
    public IReadOnlyList<Choice> Organisations { get; private set; } = [];
    public ActivityPanel Panel { get; private set; } = null!;
    public StakeholderTexts Texts { get; } = new(text);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetVCardAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var card = new VCard().Text("FN", Item.Name).Compound("N", Item.Name, "", "", "", "")
            .Text("TITLE", Item.Function);
        if (Organisations.FirstOrDefault() is { } org) card.Compound("ORG", org.Label);
        if (Item.Email is { } email) card.Raw("EMAIL", VCard.Escape(email));
        if (Item.Phone is { } phone) card.Raw("TEL;VALUE=uri", "tel:" + new string(phone.Where(ch => char.IsDigit(ch) || ch == '+').ToArray()));
        card.List("CATEGORIES", StakeholderTags.Split(Item.Tags).ToList());
        card.Raw("REV", Item.UpdatedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture));
        return File(card.WriteUtf8(), VCard.ContentType, $"kontakt-{Item.Id}.vcf");
    }

    public async Task<IActionResult> OnPostAddEntryAsync(int id, CancellationToken ct)
    {
        Activity.KeepOnly(ModelState, nameof(Entry));
        // Validated by hand: a post without any of the fields binds nothing, and nothing would be checked.
        ModelState.ClearValidationState(nameof(Entry));
        TryValidateModel(Entry, nameof(Entry));
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!ModelState.IsValid) return Page();
        Activity.AddEntry(db, Item.PoolId, null, Item.Id, Entry, time.GetUtcNow());
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
        Activity.AddFollowUp(db, Item.PoolId, null, Item.Id, FollowUp, time.GetUtcNow());
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
        var c = await db.Contacts.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null || !await access.CanManageAsync(c.PoolId, ct)) return false;
        Item = c;
        Organisations = await db.ContactOrganisations.AsNoTracking().Where(x => x.ContactId == id)
            .Join(db.Organisations, x => x.OrganisationId, o => o.Id, (x, o) => o).OrderBy(o => o.Name)
            .Select(o => new Choice(o.Id.ToString(), o.Name)).ToListAsync(ct);
        if (Request.Method == "GET")
        {
            Entry.On ??= time.LocalToday();
            FollowUp.DueOn ??= time.LocalToday().AddDays(14);
            FollowUp.OwnerUserId ??= access.UserId;
        }
        Panel = new ActivityPanel(await timeline.ForContactAsync(c, ct), await timeline.FollowUpsAsync(db.FollowUps.Where(f => f.ContactId == id), ct),
            await Activity.OwnersAsync(db, c.PoolId, ct), Entry, FollowUp, Texts);
        return true;
    }
}
