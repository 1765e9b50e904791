using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Audit;
using Beraterpool.Web.Features.Shared.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Engagements;

/// <summary>
/// Deletes one document after a confirmation page that names it (works without JS). The uploader may while the
/// engagement is open; a coordinator of the pool always may (e.g. personal data uploaded by mistake). Outsiders get 404.
/// </summary>
public sealed class DocumentDeleteModel(AppDbContext db, EngagementAccess access, IStringLocalizer<DocumentDeleteModel> text) : PageModel
{
    public sealed record DocumentInfo(int Id, string FileName, long Size, string UploadedByName, DateTimeOffset UploadedAt, string? UploadedByUserId);

    public EngagementViewer Viewer { get; private set; } = null!;
    public string Municipality { get; private set; } = "";
    public DocumentInfo Document { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, int documentId, CancellationToken ct)
    {
        var refusal = await LoadAsync(id, documentId, ct);
        return refusal == 0 ? Page() : StatusCode(refusal);
    }

    public async Task<IActionResult> OnPostAsync(int id, int documentId, CancellationToken ct)
    {
        var refusal = await LoadAsync(id, documentId, ct);
        if (refusal != 0) return StatusCode(refusal);
        var deleted = await db.EngagementDocuments.Where(d => d.Id == documentId && d.EngagementId == id).ExecuteDeleteAsync(ct);
        if (deleted == 0) return NotFound();
        db.Audit("engagement.document.deleted", $"engagement:{id}", Viewer.UserId, Viewer.PoolId,
            $"document:{documentId}; {Document.FileName}; {Document.Size} bytes; uploaded by {Document.UploadedByName}");
        await db.SaveChangesAsync(ct);
        TempData[StatusMessage.Key] = text["Das Dokument „{0}“ ist gelöscht.", Document.FileName].Value;
        return RedirectToPage("/Engagements/Record", null, new { id }, "documents");
    }

    /// <summary>0 when the viewer may delete; otherwise 404 (not theirs) or 403 (involved, but not the uploader).</summary>
    private async Task<int> LoadAsync(int id, int documentId, CancellationToken ct)
    {
        if (await access.ForAsync(id, ct) is not { } viewer) return StatusCodes.Status404NotFound;
        Viewer = viewer;
        var doc = await db.EngagementDocuments.AsNoTracking().Where(d => d.Id == documentId && d.EngagementId == id)
            .Select(d => new DocumentInfo(d.Id, d.FileName, d.Size, d.UploadedByName, d.UploadedAt, d.UploadedByUserId)).SingleOrDefaultAsync(ct);
        if (doc is null) return StatusCodes.Status404NotFound;
        if (!CanDelete(viewer, doc.UploadedByUserId)) return StatusCodes.Status403Forbidden;
        Document = doc;
        Municipality = await db.Municipalities.Where(m => m.OfficialKey == viewer.MunicipalityKey).Select(m => m.ShortName).SingleAsync(ct);
        return 0;
    }

    public static bool CanDelete(EngagementViewer viewer, string? uploadedByUserId) =>
        viewer.IsCoordinator || (viewer.IsOpen && uploadedByUserId is not null && uploadedByUserId == viewer.UserId);
}
