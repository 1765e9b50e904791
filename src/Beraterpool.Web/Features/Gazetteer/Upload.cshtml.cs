using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Gazetteer;

/// <summary>The administrator uploads a newer register extract; the page shows what the import did.</summary>
[Authorize(Roles = Roles.Administrator)]
// A little above the 10 MB the form promises, so a slightly larger file gets a friendly message instead of a 413.
[RequestSizeLimit(MaxFileBytes + 2 * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxFileBytes + 2 * 1024 * 1024)]
public sealed class UploadModel(AppDbContext db, GazetteerImporter importer, UserManager<AppUser> users, IStringLocalizer<UploadModel> l) : PageModel
{
    public const long MaxFileBytes = 10 * 1024 * 1024;

    public sealed record ImportEntry(DateTimeOffset At, string Action, string? User, string? Details);

    [BindProperty] public IFormFile? Upload { get; set; }

    public GazetteerImportReport? Report { get; private set; }
    public GazetteerStatus Status { get; private set; } = null!;
    public IReadOnlyList<ImportEntry> History { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), l["Bitte wählen Sie eine CSV-Datei aus."]);
        }
        else if (!string.Equals(Path.GetExtension(Upload.FileName), ".csv", StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError(nameof(Upload), l["Bitte wählen Sie eine Datei im Format CSV (Endung .csv)."]);
        }
        else if (Upload.Length > MaxFileBytes)
        {
            ModelState.AddModelError(nameof(Upload), l["Die Datei ist größer als 10 MB."]);
        }

        if (ModelState.IsValid && Upload is not null)
        {
            await using var stream = Upload.OpenReadStream();
            Report = await importer.ImportAsync(stream, Path.GetFileName(Upload.FileName), users.GetUserId(User), ct);
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Status = await GazetteerStatus.LoadAsync(db, ct);
        History = await db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == GazetteerImporter.ImportedAction || e.Action == GazetteerImporter.RejectedAction)
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(10)
            .Select(e => new ImportEntry(e.At, e.Action, db.Users.Where(u => u.Id == e.UserId).Select(u => u.Email).FirstOrDefault(), e.Details))
            .ToListAsync(ct);
    }
}
