using System.ComponentModel.DataAnnotations;
using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Audit;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Shared.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Stakeholders.Manage;

public sealed class ContactInput
{
    public int? PoolId { get; set; }

    [Required(ErrorMessage = "Bitte geben Sie den Namen an.")]
    [StringLength(200, ErrorMessage = "Der Name darf höchstens 200 Zeichen lang sein.")]
    public string? Name { get; set; }

    [StringLength(200, ErrorMessage = "Die Funktion darf höchstens 200 Zeichen lang sein.")]
    public string? Function { get; set; }

    [StringLength(320, ErrorMessage = "Die E-Mail-Adresse darf höchstens 320 Zeichen lang sein.")]
    public string? Email { get; set; }

    [StringLength(50, ErrorMessage = "Die Telefonnummer darf höchstens 50 Zeichen lang sein.")]
    public string? Phone { get; set; }

    public List<int> OrganisationIds { get; set; } = [];

    [StringLength(500, ErrorMessage = "Die Schlagworte dürfen zusammen höchstens 500 Zeichen lang sein.")]
    public string? Tags { get; set; }

    [StringLength(4000, ErrorMessage = "Die Notizen dürfen höchstens 4000 Zeichen lang sein.")]
    public string? Notes { get; set; }

    public DateOnly? ConsentGivenOn { get; set; }

    [StringLength(200, ErrorMessage = "Die Quelle darf höchstens 200 Zeichen lang sein.")]
    public string? ConsentSource { get; set; }

    public DateOnly? ConsentWithdrawnOn { get; set; }
}

/// <summary>Creates or changes a contact of a pool the user coordinates.</summary>
[Authorize(Roles = Roles.Administrator + "," + Roles.Coordinator)]
public sealed class EditContactModel(AppDbContext db, TimeProvider time, PoolAccess access, PoolCatalog catalog, IStringLocalizer<EditContactModel> text) : PageModel
{
    [BindProperty] public ContactInput Input { get; set; } = new();
    public int? ContactId { get; private set; }
    public IReadOnlyList<PoolInfo> Pools { get; private set; } = [];
    public IReadOnlyList<Choice> OrganisationChoices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, int? pool, int? organisation, CancellationToken ct)
    {
        if (id is { } cid)
        {
            var c = await db.Contacts.AsNoTracking().Include(x => x.Organisations).FirstOrDefaultAsync(x => x.Id == cid, ct);
            if (c is null || !await access.CanManageAsync(c.PoolId, ct)) return NotFound();
            ContactId = cid;
            Input = new ContactInput
            {
                PoolId = c.PoolId, Name = c.Name, Function = c.Function, Email = c.Email, Phone = c.Phone, Tags = c.Tags?.Replace(",", ", "), Notes = c.Notes,
                ConsentGivenOn = c.ConsentGivenOn, ConsentSource = c.ConsentSource, ConsentWithdrawnOn = c.ConsentWithdrawnOn,
                OrganisationIds = c.Organisations.Select(o => o.OrganisationId).ToList(),
            };
        }
        else
        {
            Input.PoolId = pool;
            if (organisation is { } o) Input.OrganisationIds.Add(o);
        }
        if (!await LoadAsync(ct)) return NotFound();
        Input.OrganisationIds = Input.OrganisationIds.Where(o => OrganisationChoices.Any(c => c.Value == o.ToString())).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Contact? c = null;
        if (id is { } cid)
        {
            c = await db.Contacts.Include(x => x.Organisations).FirstOrDefaultAsync(x => x.Id == cid, ct);
            if (c is null || !await access.CanManageAsync(c.PoolId, ct)) return NotFound();
            ContactId = cid;
            Input.PoolId = c.PoolId;
        }
        if (!await LoadAsync(ct)) return NotFound();
        if (Input.PoolId is not { } poolId || Pools.All(p => p.Id != poolId))
            ModelState.AddModelError("Input.PoolId", text["Bitte wählen Sie den Pool."]);
        var email = Clean(Input.Email);
        if (email is not null && !ContactCsv.IsEmail(email))
            ModelState.AddModelError("Input.Email", text["Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. name@stadt.de."]);
        else if (email is not null && await db.Contacts.AnyAsync(x => x.PoolId == Input.PoolId && x.Id != (ContactId ?? 0) && x.Email != null && x.Email.ToLower() == email.ToLower(), ct))
            ModelState.AddModelError("Input.Email", text["Ein anderer Kontakt hat schon diese E-Mail-Adresse."]);
        if (Input.OrganisationIds.Any(o => OrganisationChoices.All(x => x.Value != o.ToString())))
            ModelState.AddModelError("Input.OrganisationIds", text["Bitte wählen Sie Organisationen aus der Liste."]);
        if (Input.ConsentGivenOn is null && Input.ConsentWithdrawnOn is not null)
            ModelState.AddModelError("Input.ConsentWithdrawnOn", text["Ein Widerruf setzt eine Einwilligung voraus. Bitte geben Sie auch das Datum der Einwilligung an."]);
        else if (Input.ConsentGivenOn is { } given && Input.ConsentWithdrawnOn is { } withdrawn && withdrawn < given)
            ModelState.AddModelError("Input.ConsentWithdrawnOn", text["Der Widerruf kann nicht vor der Einwilligung liegen."]);
        if (Input.ConsentGivenOn is not null && Clean(Input.ConsentSource) is null)
            ModelState.AddModelError("Input.ConsentSource", text["Bitte sagen Sie, wie die Einwilligung gegeben wurde (z. B. „Anmeldung zum Dialogforum“)."]);
        if (!ModelState.IsValid) return Page();

        var now = time.GetUtcNow();
        if (c is null)
        {
            c = new Contact { PoolId = Input.PoolId!.Value, Name = "", CreatedAt = now };
            db.Contacts.Add(c);
        }
        c.Name = Input.Name!.Trim();
        (c.Function, c.Email, c.Phone, c.Notes) = (Clean(Input.Function), email, Clean(Input.Phone), Clean(Input.Notes));
        c.Tags = StakeholderTags.Normalise(Input.Tags);
        (c.ConsentGivenOn, c.ConsentSource, c.ConsentWithdrawnOn) = (Input.ConsentGivenOn, Input.ConsentGivenOn is null ? null : Clean(Input.ConsentSource), Input.ConsentWithdrawnOn);
        c.UpdatedAt = now;
        var chosen = Input.OrganisationIds.ToHashSet();
        c.Organisations.RemoveAll(o => !chosen.Contains(o.OrganisationId));
        c.Organisations.AddRange(chosen.Where(o => c.Organisations.All(x => x.OrganisationId != o)).Select(o => new ContactOrganisation { OrganisationId = o }));
        await db.SaveChangesAsync(ct);
        db.Audit(ContactId is null ? "contact.created" : "contact.updated", $"contact:{c.Id}", access.UserId, c.PoolId);
        await db.SaveChangesAsync(ct);
        TempData[StatusMessage.Key] = text["Der Kontakt ist gespeichert."].Value;
        return RedirectToPage("/Stakeholders/Manage/Contact", new { id = c.Id });
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var managed = await access.ManagedPoolIdsAsync(ct);
        Pools = (await catalog.AllAsync(ct)).Where(p => managed.Contains(p.Id)).ToList();
        if (Pools.Count == 0) return false;
        Input.PoolId ??= Pools[0].Id;
        var poolId = Input.PoolId;
        OrganisationChoices = await db.Organisations.AsNoTracking().Where(o => o.PoolId == poolId).OrderBy(o => o.Name)
            .Select(o => new Choice(o.Id.ToString(), o.Name)).ToListAsync(ct);
        return true;
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
