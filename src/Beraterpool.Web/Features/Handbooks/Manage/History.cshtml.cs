using System.Text;
using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Shared.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Handbooks.Manage;

/// <summary>A handbook's versions: who saved what when, the line diff between any two, export of any one, restore of an old one.</summary>
[Authorize(Roles = Roles.Administrator + "," + Roles.Coordinator)]
public sealed class HistoryModel(AppDbContext db, PoolAccess access, PoolCatalog catalog, HandbookVersions versions, IStringLocalizer<HistoryModel> text) : PageModel
{
    public sealed record VersionRow(int Number, DateTimeOffset At, string? Author, HandbookChange Change, string? Subject);

    [BindProperty(SupportsGet = true)] public int? From { get; set; }
    [BindProperty(SupportsGet = true)] public int? To { get; set; }
    public PoolInfo Pool { get; private set; } = null!;
    public int HandbookId { get; private set; }
    public string Title { get; private set; } = "";
    public string Slug { get; private set; } = "";
    public IReadOnlyList<VersionRow> Versions { get; private set; } = [];
    public IReadOnlyList<DiffLine>? Diff { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int handbookId, CancellationToken ct)
    {
        if (!await LoadAsync(id, handbookId, ct)) return NotFound();
        if (Versions.Count == 0) return Page();
        To ??= Versions[0].Number;
        From ??= Versions.Count > 1 ? Versions[1].Number : To;
        if (await VersionAsync(From.Value, ct) is { } before && await VersionAsync(To.Value, ct) is { } after)
            Diff = HandbookDiff.Compare(HandbookSnapshot.Of(before).ToText(), HandbookSnapshot.Of(after).ToText());
        return Page();
    }

    public async Task<IActionResult> OnGetPdfAsync(int id, int handbookId, int number, CancellationToken ct) =>
        await ExportAsync(id, handbookId, number, (snapshot, info) => File(HandbookExport.Pdf(snapshot, info), "application/pdf", info.FileName("pdf")), ct);

    public async Task<IActionResult> OnGetHtmlAsync(int id, int handbookId, int number, CancellationToken ct) =>
        await ExportAsync(id, handbookId, number, (snapshot, info) =>
            File(Encoding.UTF8.GetBytes(HandbookExport.Html(snapshot, info)), "text/html; charset=utf-8", info.FileName("html")), ct);

    public async Task<IActionResult> OnPostRestoreAsync(int id, int handbookId, int number, CancellationToken ct)
    {
        if (!await LoadAsync(id, handbookId, ct)) return NotFound();
        if (await VersionAsync(number, ct) is not { } old) return NotFound();
        var handbook = await db.Handbooks.Include(h => h.Chapters).SingleAsync(h => h.Id == handbookId, ct);
        var restored = versions.Restore(handbook, old);
        if (!await versions.TrySaveAsync(ct))
        {
            ModelState.AddModelError("", text["Gleichzeitig hat jemand anderes dieses Handbuch geändert. Bitte laden Sie die Seite neu und versuchen Sie es noch einmal."]);
            return Page();
        }
        TempData[StatusMessage.Key] = text["Version {0} ist wiederhergestellt und jetzt Version {1}.", number, restored.Number].Value;
        return RedirectToPage(new { id, handbookId, from = number, to = restored.Number });
    }

    private async Task<IActionResult> ExportAsync(int id, int handbookId, int number, Func<HandbookSnapshot, ExportInfo, IActionResult> file, CancellationToken ct)
    {
        if (!await LoadAsync(id, handbookId, ct) || await VersionAsync(number, ct) is not { } version) return NotFound();
        return file(HandbookSnapshot.Of(version), new ExportInfo(Pool.Name, Slug, version.Number, version.CreatedAt));
    }

    private Task<HandbookVersion?> VersionAsync(int number, CancellationToken ct) =>
        db.HandbookVersions.AsNoTracking().SingleOrDefaultAsync(v => v.HandbookId == HandbookId && v.Number == number, ct);

    /// <summary>False (→ 404) for an unknown pool, one the user does not coordinate, or a handbook of another pool.</summary>
    private async Task<bool> LoadAsync(int id, int handbookId, CancellationToken ct)
    {
        if (!await access.CanManageAsync(id, ct) || await catalog.FindAsync(id, ct) is not { } pool) return false;
        var handbook = await db.Handbooks.AsNoTracking().Where(h => h.Id == handbookId && h.PoolId == id).Select(h => new { h.Title, h.Slug }).SingleOrDefaultAsync(ct);
        if (handbook is null) return false;
        (Pool, HandbookId, Title, Slug) = (pool, handbookId, handbook.Title, handbook.Slug);
        Versions = await db.HandbookVersions.AsNoTracking().Where(v => v.HandbookId == handbookId).OrderByDescending(v => v.Number)
            .Select(v => new VersionRow(v.Number, v.CreatedAt,
                db.Users.Where(u => u.Id == v.AuthorUserId).Select(u => u.DisplayName ?? u.Email).FirstOrDefault(), v.Change, v.Subject))
            .ToListAsync(ct);
        return true;
    }
}
