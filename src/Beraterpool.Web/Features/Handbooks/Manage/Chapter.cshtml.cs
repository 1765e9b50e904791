using System.ComponentModel.DataAnnotations;
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

/// <summary>
/// One chapter's title and Markdown text. Saving makes a new version of the handbook; if someone else saved the
/// handbook since this form was opened, the form says so and keeps the text typed here.
/// </summary>
[Authorize(Roles = Roles.Administrator + "," + Roles.Coordinator)]
public sealed class ChapterModel(AppDbContext db, PoolAccess access, PoolCatalog catalog, HandbookVersions versions, IStringLocalizer<ChapterModel> text) : PageModel
{
    [BindProperty] public ChapterInput Input { get; set; } = new();
    public PoolInfo Pool { get; private set; } = null!;
    public int HandbookId { get; private set; }
    public string HandbookTitle { get; private set; } = "";
    public string HandbookSlug { get; private set; } = "";
    public int Position { get; private set; }
    public int Revision { get; private set; }
    public string SavedMarkdown { get; private set; } = "";

    public sealed class ChapterInput
    {
        [Required(ErrorMessage = "Bitte geben Sie einen Titel für das Kapitel ein.")]
        [StringLength(Handbook.TitleLength, ErrorMessage = "Der Titel darf höchstens 200 Zeichen lang sein.")]
        public string? Title { get; set; }

        [StringLength(HandbookChapter.MarkdownLength, ErrorMessage = "Der Text darf höchstens 60.000 Zeichen lang sein.")]
        public string? Markdown { get; set; }

        /// <summary>The version the form was opened on.</summary>
        public int BaseRevision { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id, int handbookId, int chapterId, CancellationToken ct)
    {
        if (await LoadAsync(id, handbookId, chapterId, ct) is not { } chapter) return NotFound();
        Input = new ChapterInput { Title = chapter.Title, Markdown = chapter.Markdown, BaseRevision = Revision };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int handbookId, int chapterId, CancellationToken ct)
    {
        if (await LoadAsync(id, handbookId, chapterId, ct) is not { } saved) return NotFound();
        Validate();
        if (ModelState.IsValid && Input.BaseRevision != Revision)
            ModelState.AddModelError("Input.Markdown", text["Inzwischen hat jemand anderes das Handbuch geändert (jetzt Version {0}). Ihr Text ist unten erhalten: Vergleichen Sie ihn mit dem gespeicherten Stand und speichern Sie dann noch einmal.", Revision]);
        if (!ModelState.IsValid)
        {
            Input.BaseRevision = Revision;
            ModelState.Remove("Input.BaseRevision");
            return Page();
        }

        var title = Input.Title!.Trim();
        var markdown = (Input.Markdown ?? "").Trim().ReplaceLineEndings("\n");
        if (title == saved.Title && markdown == saved.Markdown)
        {
            TempData[StatusMessage.Key] = text["Nichts geändert."].Value;
            return RedirectToPage(new { id, handbookId, chapterId });
        }
        var handbook = await db.Handbooks.Include(h => h.Chapters).SingleAsync(h => h.Id == handbookId, ct);
        var chapter = handbook.Chapters.Single(c => c.Id == chapterId);
        (chapter.Title, chapter.Markdown) = (title, markdown);
        var version = versions.Record(handbook, HandbookChange.ChapterSaved, title);
        if (!await versions.TrySaveAsync(ct))
        {
            ModelState.AddModelError("Input.Markdown", text["Gleichzeitig hat jemand anderes dieses Handbuch geändert. Ihr Text ist unten erhalten; bitte speichern Sie noch einmal."]);
            return Page();
        }
        TempData[StatusMessage.Key] = text["Das Kapitel ist gespeichert (Version {0}).", version.Number].Value;
        return RedirectToPage(new { id, handbookId, chapterId });
    }

    /// <summary>A form posted without any of its fields is validated too (the binder skips a model it found no value for).</summary>
    private void Validate()
    {
        ModelState.ClearValidationState(nameof(Input));
        TryValidateModel(Input, nameof(Input));
    }

    /// <summary>Null (→ 404) for an unknown pool, one the user does not coordinate, or a chapter of another handbook or pool.</summary>
    private async Task<HandbookChapter?> LoadAsync(int id, int handbookId, int chapterId, CancellationToken ct)
    {
        if (!await access.CanManageAsync(id, ct) || await catalog.FindAsync(id, ct) is not { } pool) return null;
        var found = await db.HandbookChapters.AsNoTracking()
            .Where(c => c.Id == chapterId && c.HandbookId == handbookId)
            .Join(db.Handbooks.Where(h => h.PoolId == id), c => c.HandbookId, h => h.Id, (c, h) => new { Chapter = c, h.Title, h.Slug, h.Revision })
            .SingleOrDefaultAsync(ct);
        if (found is null) return null;
        (Pool, HandbookId, HandbookTitle, HandbookSlug, Position, Revision, SavedMarkdown) =
            (pool, handbookId, found.Title, found.Slug, found.Chapter.Position, found.Revision, found.Chapter.Markdown);
        return found.Chapter;
    }
}
