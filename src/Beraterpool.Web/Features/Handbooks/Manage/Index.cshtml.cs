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

/// <summary>The pool's handbooks for its coordinators: the list, and a new handbook (or the pool's self-description).</summary>
[Authorize(Roles = Roles.Administrator + "," + Roles.Coordinator)]
public sealed class IndexModel(AppDbContext db, PoolAccess access, PoolCatalog catalog, HandbookVersions versions, IStringLocalizer<IndexModel> text) : PageModel
{
    public sealed record Row(int Id, string Slug, string Title, HandbookKind Kind, HandbookVisibility Visibility, int Chapters, int Revision, DateTimeOffset UpdatedAt);

    [BindProperty] public NewHandbook Input { get; set; } = new();
    public PoolInfo Pool { get; private set; } = null!;
    public IReadOnlyList<Row> Handbooks { get; private set; } = [];
    public bool HasProfile => Handbooks.Any(h => h.Kind == HandbookKind.Profile);

    public sealed class NewHandbook
    {
        [Required(ErrorMessage = "Bitte geben Sie einen Titel ein.")]
        [StringLength(Handbook.TitleLength, ErrorMessage = "Der Titel darf höchstens 200 Zeichen lang sein.")]
        public string? Title { get; set; }

        [StringLength(Handbook.SlugLength, ErrorMessage = "Die Adresse darf höchstens 60 Zeichen lang sein.")]
        [RegularExpression("^[a-z0-9]+(-[a-z0-9]+)*$", ErrorMessage = "Die Adresse darf nur Kleinbuchstaben, Ziffern und Bindestriche enthalten, z. B. teilnehmendenhandbuch.")]
        public string? Slug { get; set; }

        public HandbookKind Kind { get; set; } = HandbookKind.Participant;
        public HandbookVisibility Visibility { get; set; } = HandbookVisibility.Advisors;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Validate();
        var profile = Input.Kind == HandbookKind.Profile;
        var slug = profile ? Handbook.ProfileSlug : string.IsNullOrWhiteSpace(Input.Slug) ? SlugText.From(Input.Title ?? "") : Input.Slug.Trim();
        if (!profile && slug == Handbook.ProfileSlug)
            ModelState.AddModelError("Input.Slug", text["Die Adresse „profil“ ist der Selbstdarstellung des Pools vorbehalten."]);
        else if (ModelState.IsValid && await db.Handbooks.AnyAsync(h => h.PoolId == id && h.Slug == slug, ct))
            ModelState.AddModelError(profile ? "Input.Kind" : "Input.Slug", profile
                ? text["Der Pool hat schon eine Selbstdarstellung. Bearbeiten Sie sie in der Liste unten."]
                : text["Die Adresse „{0}“ ist in diesem Pool schon vergeben. Bitte wählen Sie eine andere.", slug]);
        if (!ModelState.IsValid) return Page();

        var handbook = new Handbook
        {
            PoolId = id, Slug = slug, Title = Input.Title!.Trim(), Kind = Input.Kind,
            Visibility = profile ? HandbookVisibility.Public : Input.Visibility,
        };
        handbook.Chapters.Add(new HandbookChapter
        {
            Position = 1, Title = profile ? "Wer sind wir, was genau bieten wir an?" : "Einleitung",
        });
        db.Handbooks.Add(handbook);
        versions.Record(handbook, HandbookChange.Created, handbook.Title);
        await db.SaveChangesAsync(ct);
        TempData[StatusMessage.Key] = text["„{0}“ ist angelegt. Schreiben Sie jetzt das erste Kapitel.", handbook.Title].Value;
        return RedirectToPage("Edit", new { id, handbookId = handbook.Id });
    }

    /// <summary>A form posted without any of its fields is validated too (the binder skips a model it found no value for).</summary>
    private void Validate()
    {
        ModelState.ClearValidationState(nameof(Input));
        TryValidateModel(Input, nameof(Input));
    }

    /// <summary>False (→ 404) for an unknown pool or one the user does not coordinate.</summary>
    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (!await access.CanManageAsync(id, ct) || await catalog.FindAsync(id, ct) is not { } pool) return false;
        Pool = pool;
        Handbooks = await db.Handbooks.AsNoTracking().Where(h => h.PoolId == id).OrderBy(h => h.Kind).ThenBy(h => h.Title)
            .Select(h => new Row(h.Id, h.Slug, h.Title, h.Kind, h.Visibility, h.Chapters.Count, h.Revision, h.UpdatedAt)).ToListAsync(ct);
        return true;
    }
}
