using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Audit;
using Beraterpool.Web.Features.Engagements.Revisions;
using Beraterpool.Web.Features.Shared.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Engagements;

/// <summary>
/// /engagements/{id}/notes/{learning|comment}/{noteId}: the author corrects their own learning or comment while the
/// engagement is open; the version it replaces is kept and shown under it. Anyone else gets 404.
/// </summary>
[Authorize(Roles = Roles.Advisor + "," + Roles.MunicipalityContact + "," + Roles.Coordinator + "," + Roles.Administrator)]
public sealed class NoteEditModel(TimeProvider time, AppDbContext db, EngagementAccess access, RevisionLog revisions, IStringLocalizer<NoteEditModel> text) : PageModel
{
    public EngagementViewer Viewer { get; private set; } = null!;
    public string Municipality { get; private set; } = "";
    public bool IsLearning { get; private set; }
    public IReadOnlyList<RevisionRow> Earlier { get; private set; } = [];

    [BindProperty] public RecordModel.TextInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, string kind, int noteId, CancellationToken ct)
    {
        if (await LoadAsync(id, kind, noteId, ct) is not { } note) return NotFound();
        Input.Text = note.Text;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, string kind, int noteId, CancellationToken ct)
    {
        if (await LoadAsync(id, kind, noteId, ct) is not { } note) return NotFound();
        if (!ModelState.IsValid) return Page();
        var corrected = Input.Text!.Trim();
        if (corrected != note.Text)
        {
            var now = time.GetUtcNow();
            var revisionKind = IsLearning ? RevisionKind.Learning : RevisionKind.Comment;
            revisions.Keep(revisionKind, noteId, note.Text, note.AuthorName, await revisions.CurrentSinceAsync(revisionKind, noteId, note.CreatedAt, ct), Viewer.UserId, now);
            if (IsLearning) await db.Learnings.Where(l => l.Id == noteId).ExecuteUpdateAsync(s => s.SetProperty(l => l.Text, corrected), ct);
            else await db.EngagementComments.Where(c => c.Id == noteId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Text, corrected), ct);
            db.Audit(IsLearning ? "engagement.learning.corrected" : "engagement.comment.corrected", $"engagement:{id}", Viewer.UserId, Viewer.PoolId,
                $"{(IsLearning ? "learning" : "comment")}:{noteId}");
            await db.SaveChangesAsync(ct);
        }
        TempData[StatusMessage.Key] = IsLearning ? text["Die Erkenntnis ist korrigiert."].Value : text["Ihr Kommentar ist korrigiert."].Value;
        return RedirectToPage("/Engagements/Record", null, new { id }, IsLearning ? "learnings" : "comments");
    }

    private sealed record NoteInfo(string Text, string AuthorName, DateTimeOffset CreatedAt);

    private async Task<NoteInfo?> LoadAsync(int id, string kind, int noteId, CancellationToken ct)
    {
        if (kind is not ("learning" or "comment")) return null;
        if (await access.ForAsync(id, ct) is not { IsOpen: true } viewer) return null;
        Viewer = viewer;
        IsLearning = kind == "learning";
        var userId = viewer.UserId;
        // Only the author corrects; someone else's note answers like one that does not exist.
        var note = IsLearning
            ? await db.Learnings.AsNoTracking().Where(l => l.Id == noteId && l.EngagementId == id && l.AuthorUserId == userId)
                .Select(l => new NoteInfo(l.Text, l.AuthorName, l.CreatedAt)).SingleOrDefaultAsync(ct)
            : await db.EngagementComments.AsNoTracking().Where(c => c.Id == noteId && c.EngagementId == id && c.AuthorUserId == userId)
                .Select(c => new NoteInfo(c.Text, c.AuthorName, c.CreatedAt)).SingleOrDefaultAsync(ct);
        if (note is null) return null;
        Municipality = await db.Municipalities.Where(m => m.OfficialKey == viewer.MunicipalityKey).Select(m => m.ShortName).SingleAsync(ct);
        Earlier = (await revisions.ForAsync(IsLearning ? RevisionKind.Learning : RevisionKind.Comment, [noteId], ct))[noteId].ToList();
        return note;
    }
}
