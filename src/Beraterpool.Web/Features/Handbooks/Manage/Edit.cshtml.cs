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

/// <summary>One handbook: its title, address and visibility, and its chapters (add, reorder, remove); every change is a version.</summary>
[Authorize(Roles = Roles.Administrator + "," + Roles.Coordinator)]
public sealed class EditModel(AppDbContext db, PoolAccess access, PoolCatalog catalog, HandbookVersions versions, IStringLocalizer<EditModel> text) : PageModel
{
    public sealed record ChapterRow(int Id, int Position, string Title, int Length);

    [BindProperty] public SettingsInput Input { get; set; } = new();
    [BindProperty] public ChapterInput NewChapter { get; set; } = new();
    [BindProperty(SupportsGet = true)] public int? Remove { get; set; }
    public PoolInfo Pool { get; private set; } = null!;
    public Handbook Handbook { get; private set; } = null!;
    public IReadOnlyList<ChapterRow> Chapters { get; private set; } = [];
    public bool IsProfile => Handbook.Kind == HandbookKind.Profile;

    public sealed class SettingsInput
    {
        [Required(ErrorMessage = "Bitte geben Sie einen Titel ein.")]
        [StringLength(Handbook.TitleLength, ErrorMessage = "Der Titel darf höchstens 200 Zeichen lang sein.")]
        public string? Title { get; set; }

        [Required(ErrorMessage = "Bitte geben Sie eine Adresse ein, z. B. teilnehmendenhandbuch.")]
        [StringLength(Handbook.SlugLength, ErrorMessage = "Die Adresse darf höchstens 60 Zeichen lang sein.")]
        [RegularExpression("^[a-z0-9]+(-[a-z0-9]+)*$", ErrorMessage = "Die Adresse darf nur Kleinbuchstaben, Ziffern und Bindestriche enthalten, z. B. teilnehmendenhandbuch.")]
        public string? Slug { get; set; }

        public HandbookVisibility Visibility { get; set; }
    }

    public sealed class ChapterInput
    {
        [Required(ErrorMessage = "Bitte geben Sie einen Titel für das neue Kapitel ein.")]
        [StringLength(Handbook.TitleLength, ErrorMessage = "Der Titel darf höchstens 200 Zeichen lang sein.")]
        public string? Title { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id, int handbookId, CancellationToken ct)
    {
        if (!await LoadAsync(id, handbookId, ct)) return NotFound();
        if (Remove is { } remove && Chapters.All(c => c.Id != remove)) Remove = null;
        return Page();
    }

    public async Task<IActionResult> OnPostSettingsAsync(int id, int handbookId, CancellationToken ct)
    {
        Only(nameof(Input));
        if (!await LoadAsync(id, handbookId, ct, keepInput: true)) return NotFound();
        var slug = IsProfile ? Handbook.ProfileSlug : Input.Slug?.Trim() ?? "";
        if (!IsProfile && slug == Handbook.ProfileSlug)
            ModelState.AddModelError("Input.Slug", text["Die Adresse „profil“ ist der Selbstdarstellung des Pools vorbehalten."]);
        else if (ModelState.IsValid && await db.Handbooks.AnyAsync(h => h.PoolId == id && h.Slug == slug && h.Id != handbookId, ct))
            ModelState.AddModelError("Input.Slug", text["Die Adresse „{0}“ ist in diesem Pool schon vergeben. Bitte wählen Sie eine andere.", slug]);
        if (!ModelState.IsValid) return Page();

        var visibility = IsProfile ? HandbookVisibility.Public : Input.Visibility;
        var title = Input.Title!.Trim();
        if (title == Handbook.Title && slug == Handbook.Slug && visibility == Handbook.Visibility) return Done(text["Nichts geändert."]);
        var handbook = await TrackedAsync(ct);
        (handbook.Title, handbook.Slug, handbook.Visibility) = (title, slug, visibility);
        versions.Record(handbook, HandbookChange.SettingsChanged, $"{title} · /handbooks/{slug} · {visibility}");
        return await SaveAsync(text["Die Angaben zum Handbuch sind gespeichert."], ct);
    }

    public async Task<IActionResult> OnPostAddChapterAsync(int id, int handbookId, CancellationToken ct)
    {
        Only(nameof(NewChapter));
        if (!await LoadAsync(id, handbookId, ct)) return NotFound();
        if (!ModelState.IsValid) return Page();
        var handbook = await TrackedAsync(ct);
        var chapter = new HandbookChapter { Position = handbook.Chapters.Count + 1, Title = NewChapter.Title!.Trim() };
        handbook.Chapters.Add(chapter);
        versions.Record(handbook, HandbookChange.ChapterAdded, chapter.Title);
        if (await SaveAsync(text["Das Kapitel „{0}“ ist angelegt.", chapter.Title], ct) is not RedirectToPageResult) return Page();
        return RedirectToPage("Chapter", new { id, handbookId, chapterId = chapter.Id });
    }

    public async Task<IActionResult> OnPostMoveAsync(int id, int handbookId, int chapterId, bool up, CancellationToken ct)
    {
        Only("-");
        if (!await LoadAsync(id, handbookId, ct)) return NotFound();
        var handbook = await TrackedAsync(ct);
        var ordered = handbook.Chapters.OrderBy(c => c.Position).ToList();
        var at = ordered.FindIndex(c => c.Id == chapterId);
        var to = up ? at - 1 : at + 1;
        if (at < 0 || to < 0 || to >= ordered.Count) return Done(text["Nichts geändert."]);
        (ordered[at], ordered[to]) = (ordered[to], ordered[at]);
        for (var i = 0; i < ordered.Count; i++) ordered[i].Position = i + 1;
        versions.Record(handbook, HandbookChange.ChapterMoved, ordered[to].Title);
        return await SaveAsync(text["Das Kapitel „{0}“ steht jetzt an Stelle {1}.", ordered[to].Title, to + 1], ct);
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, int handbookId, int chapterId, CancellationToken ct)
    {
        Only("-");
        if (!await LoadAsync(id, handbookId, ct)) return NotFound();
        var handbook = await TrackedAsync(ct);
        if (handbook.Chapters.FirstOrDefault(c => c.Id == chapterId) is not { } chapter) return Done(text["Nichts geändert."]);
        handbook.Chapters.Remove(chapter);
        db.HandbookChapters.Remove(chapter);
        var position = 1;
        foreach (var c in handbook.Chapters.OrderBy(c => c.Position)) c.Position = position++;
        versions.Record(handbook, HandbookChange.ChapterRemoved, chapter.Title);
        return await SaveAsync(text["Das Kapitel „{0}“ ist entfernt. Über die Versionen lässt es sich wiederherstellen.", chapter.Title], ct);
    }

    /// <summary>Each form posts one part of the page: the other forms' (unsent) fields are not checked.</summary>
    /// <summary>A form posted without any of its fields is validated too (the binder skips a model it found no value for).</summary>
    private void Only(string prefix)
    {
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith(prefix + ".", StringComparison.Ordinal)).ToList()) ModelState.Remove(key);
        object? model = prefix switch { nameof(Input) => Input, nameof(NewChapter) => NewChapter, _ => null };
        if (model is null) return;
        ModelState.ClearValidationState(prefix);
        TryValidateModel(model, prefix);
    }

    private Task<Handbook> TrackedAsync(CancellationToken ct) =>
        db.Handbooks.Include(h => h.Chapters).SingleAsync(h => h.Id == Handbook.Id, ct);

    private async Task<IActionResult> SaveAsync(string message, CancellationToken ct)
    {
        if (!await versions.TrySaveAsync(ct))
        {
            ModelState.AddModelError("", text["Gleichzeitig hat jemand anderes dieses Handbuch geändert. Bitte laden Sie die Seite neu und versuchen Sie es noch einmal."]);
            return Page();
        }
        return Done(message);
    }

    private RedirectToPageResult Done(string message)
    {
        TempData[StatusMessage.Key] = message;
        return RedirectToPage("Edit", new { id = Pool.Id, handbookId = Handbook.Id });
    }

    /// <summary>False (→ 404) for an unknown pool, one the user does not coordinate, or a handbook of another pool.</summary>
    private async Task<bool> LoadAsync(int id, int handbookId, CancellationToken ct, bool keepInput = false)
    {
        if (!await access.CanManageAsync(id, ct) || await catalog.FindAsync(id, ct) is not { } pool) return false;
        if (await db.Handbooks.AsNoTracking().SingleOrDefaultAsync(h => h.Id == handbookId && h.PoolId == id, ct) is not { } handbook) return false;
        (Pool, Handbook) = (pool, handbook);
        Chapters = await db.HandbookChapters.AsNoTracking().Where(c => c.HandbookId == handbookId).OrderBy(c => c.Position)
            .Select(c => new ChapterRow(c.Id, c.Position, c.Title, c.Markdown.Length)).ToListAsync(ct);
        if (!keepInput) Input = new SettingsInput { Title = handbook.Title, Slug = handbook.Slug, Visibility = handbook.Visibility };
        return true;
    }
}
