using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Audit;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Shared.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Stakeholders.Manage;

/// <summary>
/// Contacts from a CSV file in two steps: the check shows every row with its problems (line, column, reason), and only a
/// file without problems can be imported, all rows at once. The file travels from the first step to the second in the form.
/// </summary>
[Authorize(Roles = Roles.Administrator + "," + Roles.Coordinator)]
[RequestSizeLimit(MaxFileBytes * 2 + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxFileBytes * 2 + 64 * 1024, ValueLengthLimit = MaxFileBytes * 2)]
public sealed class ImportModel(AppDbContext db, TimeProvider time, PoolAccess access, PoolCatalog catalog, IStringLocalizer<ImportModel> text) : PageModel
{
    public const int MaxFileBytes = 2 * 1024 * 1024;

    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public int? PoolId { get; set; }
    /// <summary>The checked file, base64, for the import step.</summary>
    [BindProperty] public string? FileData { get; set; }

    public IReadOnlyList<PoolInfo> Pools { get; private set; } = [];
    public ContactCsv.ImportCheck? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCheckAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (Upload is null || Upload.Length == 0)
            ModelState.AddModelError(nameof(Upload), text["Bitte wählen Sie eine CSV-Datei aus."]);
        else if (Upload.Length > MaxFileBytes)
            ModelState.AddModelError(nameof(Upload), text["Die Datei ist zu groß (höchstens 2 MB)."]);
        else if (!string.Equals(Path.GetExtension(Upload.FileName), ".csv", StringComparison.OrdinalIgnoreCase))
            ModelState.AddModelError(nameof(Upload), text["Bitte wählen Sie eine Datei im Format CSV (Endung .csv)."]);
        if (!ModelState.IsValid) return Page();
        using var ms = new MemoryStream();
        await Upload!.CopyToAsync(ms, ct);
        var bytes = ms.ToArray();
        Result = ContactCsv.Check(bytes, await ContactCsv.ExistingAsync(db, PoolId!.Value, ct));
        FileData = Result.CanImport ? Convert.ToBase64String(bytes) : null;
        ModelState.Remove(nameof(FileData));
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(FileData ?? "");
        }
        catch (FormatException)
        {
            bytes = [];
        }
        if (bytes.Length == 0 || bytes.Length > MaxFileBytes)
        {
            ModelState.AddModelError(nameof(Upload), text["Bitte wählen Sie die Datei erneut aus und prüfen Sie sie."]);
            return Page();
        }
        // Checked again: another import or a new contact may have come in between.
        Result = ContactCsv.Check(bytes, await ContactCsv.ExistingAsync(db, PoolId!.Value, ct));
        if (!Result.CanImport)
        {
            FileData = null;
            ModelState.Remove(nameof(FileData));
            return Page();
        }
        var count = await ContactCsv.CommitAsync(db, PoolId.Value, Result.Rows, time.GetUtcNow(), ct);
        db.Audit("contacts.imported", $"pool:{PoolId}", access.UserId, PoolId, $"{count} contacts");
        await db.SaveChangesAsync(ct);
        TempData[StatusMessage.Key] = text["{0} Kontakte sind importiert.", count].Value;
        return RedirectToPage("/Stakeholders/Manage/Contacts");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var managed = await access.ManagedPoolIdsAsync(ct);
        Pools = (await catalog.AllAsync(ct)).Where(p => managed.Contains(p.Id)).OrderBy(p => p.Name).ToList();
        if (Pools.Count == 0) return false;
        if (PoolId is null || Pools.All(p => p.Id != PoolId)) PoolId = Pools[0].Id;
        return true;
    }

    public string Reason(ContactCsv.Problem p) => p.Argument is null ? text[p.Reason].Value : text[p.Reason, p.Argument].Value;
}
