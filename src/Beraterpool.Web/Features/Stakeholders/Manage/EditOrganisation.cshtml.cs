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

public sealed record Choice(string Value, string Label);

public sealed class OrganisationInput
{
    public int? PoolId { get; set; }

    [Required(ErrorMessage = "Bitte geben Sie den Namen der Organisation an.")]
    [StringLength(200, ErrorMessage = "Der Name darf höchstens 200 Zeichen lang sein.")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Bitte wählen Sie die Art der Organisation.")]
    public OrganisationKind? Kind { get; set; }

    [StringLength(500, ErrorMessage = "Die Anschrift darf höchstens 500 Zeichen lang sein.")]
    public string? Address { get; set; }

    [StringLength(500, ErrorMessage = "Die Website darf höchstens 500 Zeichen lang sein.")]
    public string? Website { get; set; }

    public string? MunicipalityKey { get; set; }

    [StringLength(500, ErrorMessage = "Die Schlagworte dürfen zusammen höchstens 500 Zeichen lang sein.")]
    public string? Tags { get; set; }

    [StringLength(4000, ErrorMessage = "Die Notizen dürfen höchstens 4000 Zeichen lang sein.")]
    public string? Notes { get; set; }
}

/// <summary>Creates or changes an organisation of a pool the user coordinates.</summary>
[Authorize(Roles = Roles.Administrator + "," + Roles.Coordinator)]
public sealed class EditOrganisationModel(AppDbContext db, TimeProvider time, PoolAccess access, PoolCatalog catalog, IStringLocalizer<EditOrganisationModel> text) : PageModel
{
    [BindProperty] public OrganisationInput Input { get; set; } = new();
    public int? OrganisationId { get; private set; }
    public IReadOnlyList<PoolInfo> Pools { get; private set; } = [];
    public IReadOnlyList<Choice> MunicipalityChoices { get; private set; } = [];
    public StakeholderTexts Texts { get; } = new(text);

    public async Task<IActionResult> OnGetAsync(int? id, int? pool, CancellationToken ct)
    {
        if (id is { } oid)
        {
            var o = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == oid, ct);
            if (o is null || !await access.CanManageAsync(o.PoolId, ct)) return NotFound();
            OrganisationId = oid;
            Input = new OrganisationInput
            {
                PoolId = o.PoolId, Name = o.Name, Kind = o.Kind, Address = o.Address, Website = o.Website, MunicipalityKey = o.MunicipalityKey,
                Tags = o.Tags?.Replace(",", ", "), Notes = o.Notes,
            };
        }
        else
        {
            Input.PoolId = pool;
        }
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Organisation? o = null;
        if (id is { } oid)
        {
            o = await db.Organisations.FirstOrDefaultAsync(x => x.Id == oid, ct);
            if (o is null || !await access.CanManageAsync(o.PoolId, ct)) return NotFound();
            OrganisationId = oid;
            Input.PoolId = o.PoolId;
        }
        if (!await LoadAsync(ct)) return NotFound();
        if (Input.PoolId is not { } poolId || Pools.All(p => p.Id != poolId))
            ModelState.AddModelError("Input.PoolId", text["Bitte wählen Sie den Pool."]);
        if (Clean(Input.MunicipalityKey) is { } key && MunicipalityChoices.All(c => c.Value != key))
            ModelState.AddModelError("Input.MunicipalityKey", text["Bitte wählen Sie eine Kommune aus der Liste."]);
        if (Clean(Input.Website) is { } url && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
            ModelState.AddModelError("Input.Website", text["Bitte geben Sie einen vollständigen Link an, der mit https:// beginnt."]);
        if (!ModelState.IsValid) return Page();

        var now = time.GetUtcNow();
        if (o is null)
        {
            o = new Organisation { PoolId = Input.PoolId!.Value, Name = "", CreatedAt = now };
            db.Organisations.Add(o);
        }
        o.Name = Input.Name!.Trim();
        o.Kind = Input.Kind!.Value;
        (o.Address, o.Website, o.MunicipalityKey, o.Notes) = (Clean(Input.Address), Clean(Input.Website), Clean(Input.MunicipalityKey), Clean(Input.Notes));
        o.Tags = StakeholderTags.Normalise(Input.Tags);
        o.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        db.Audit(OrganisationId is null ? "organisation.created" : "organisation.updated", $"organisation:{o.Id}", access.UserId, o.PoolId, o.Name);
        await db.SaveChangesAsync(ct);
        TempData[StatusMessage.Key] = text["Die Organisation „{0}“ ist gespeichert.", o.Name].Value;
        return RedirectToPage("/Stakeholders/Manage/Organisation", new { id = o.Id });
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var managed = await access.ManagedPoolIdsAsync(ct);
        Pools = (await catalog.AllAsync(ct)).Where(p => managed.Contains(p.Id)).ToList();
        if (Pools.Count == 0) return false;
        Input.PoolId ??= Pools[0].Id;
        if (Pools.FirstOrDefault(p => p.Id == Input.PoolId) is { } pool)
            MunicipalityChoices = await StakeholderChoices.MunicipalitiesAsync(db, pool, ct);
        return true;
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

public static class StakeholderChoices
{
    /// <summary>The register's municipalities and districts in the pool's states, for a select.</summary>
    public static async Task<IReadOnlyList<Choice>> MunicipalitiesAsync(AppDbContext db, PoolInfo pool, CancellationToken ct)
    {
        var states = pool.StateCodes.ToArray();
        return await db.Municipalities.AsNoTracking().Where(m => states.Contains(m.StateCode))
            .OrderBy(m => m.Name).Select(m => new Choice(m.OfficialKey, m.Name)).ToListAsync(ct);
    }
}
