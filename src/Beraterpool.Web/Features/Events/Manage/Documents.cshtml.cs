using Beraterpool.Web.Features.Engagements;
using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Shared.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Events.Manage;

/// <summary>
/// The files of the event's documentation (photo record, slides, results): uploaded and deleted by the office. The public
/// page of a public event shows them with the documentation text once the event is over.
/// </summary>
[Authorize(Roles = Roles.Administrator + "," + Roles.Coordinator)]
public sealed class DocumentsModel(AppDbContext db, PoolAccess access, EventDocuments documents, TimeProvider time, IStringLocalizer<DocumentsModel> text) : PageModel
{
    public Event Event { get; private set; } = null!;
    public IReadOnlyList<DocumentRow> Documents { get; private set; } = [];
    public bool IsPast => Event.EndsAt < time.GetUtcNow();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, IFormFile? file, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var name = await db.Users.Where(u => u.Id == access.UserId).Select(u => u.DisplayName ?? u.Email).FirstOrDefaultAsync(ct) ?? "";
        if (await documents.AddAsync(Event, file, access.UserId, name, text, ct) is { } problem)
        {
            ModelState.AddModelError("file", problem);
            return Page();
        }
        TempData[StatusMessage.Key] = text["„{0}“ ist hochgeladen.", Engagements.DocumentUpload.SafeName(file!.FileName)].Value;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnGetFileAsync(int id, int documentId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || await documents.FindAsync(id, documentId, ct) is not { } file) return NotFound();
        return DocumentUpload.Download(this, file);
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, int documentId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (await documents.DeleteAsync(Event, documentId, access.UserId, ct) is not { } name) return NotFound();
        TempData[StatusMessage.Key] = text["„{0}“ ist gelöscht.", name].Value;
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var e = await db.Events.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null || !await access.CanManageAsync(e.PoolId, ct)) return false;
        Event = e;
        Documents = await documents.ListAsync(id, ct);
        return true;
    }
}
