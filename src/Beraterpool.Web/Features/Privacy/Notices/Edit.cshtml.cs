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

namespace Beraterpool.Web.Features.Privacy.Notices;

/// <summary>The pool's coordinators (and administrators) write its privacy notice and Impressum; each change is audited.</summary>
[Authorize(Roles = Roles.Administrator + "," + Roles.Coordinator)]
public sealed class EditModel(TimeProvider time, AppDbContext db, PoolAccess access, PoolCatalog catalog, IStringLocalizer<EditModel> text) : PageModel
{
    [BindProperty] public NoticeInput Input { get; set; } = new();
    public PoolInfo Pool { get; private set; } = null!;
    public IReadOnlyDictionary<NoticeKind, bool> IsExample { get; private set; } = new Dictionary<NoticeKind, bool>();

    public sealed class NoticeInput
    {
        [StringLength(PoolNotice.MaxLength, ErrorMessage = "Der Text darf höchstens 60.000 Zeichen lang sein.")]
        public string? PrivacyNotice { get; set; }

        [StringLength(PoolNotice.MaxLength, ErrorMessage = "Der Text darf höchstens 60.000 Zeichen lang sein.")]
        public string? Impressum { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var notices = await db.PoolNotices.AsNoTracking().Where(n => n.PoolId == id).ToListAsync(ct);
        Input.PrivacyNotice = notices.FirstOrDefault(n => n.Kind == NoticeKind.PrivacyNotice)?.Markdown;
        Input.Impressum = notices.FirstOrDefault(n => n.Kind == NoticeKind.Impressum)?.Markdown;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!ModelState.IsValid) return Page();

        var notices = await db.PoolNotices.Where(n => n.PoolId == id).ToListAsync(ct);
        var changed = false;
        foreach (var (kind, markdown) in new[] { (NoticeKind.PrivacyNotice, Input.PrivacyNotice), (NoticeKind.Impressum, Input.Impressum) })
        {
            var value = string.IsNullOrWhiteSpace(markdown) ? "" : markdown.Trim().ReplaceLineEndings("\n");
            var notice = notices.FirstOrDefault(n => n.Kind == kind);
            // An untouched example stays an example: saving the other text must not make it look like the pool's own.
            if (notice is not null && notice.Markdown == value) continue;
            if (notice is null)
            {
                if (value.Length == 0) continue;
                notice = new PoolNotice { PoolId = id, Kind = kind, Markdown = value };
                db.PoolNotices.Add(notice);
            }
            var before = notice.Markdown.Length;
            (notice.Markdown, notice.IsExample, notice.UpdatedAt, notice.UpdatedByUserId) = (value, false, time.GetUtcNow(), access.UserId);
            db.Audit(kind == NoticeKind.PrivacyNotice ? "pool.privacy-notice.updated" : "pool.impressum.updated", $"pool:{id}", access.UserId, id,
                $"{before} → {value.Length} characters");
            changed = true;
        }
        if (changed) await db.SaveChangesAsync(ct);
        TempData[StatusMessage.Key] = (changed ? text["Die Texte von {0} sind gespeichert.", Pool.Name] : text["Nichts geändert."]).Value;
        return RedirectToPage(new { id });
    }

    /// <summary>False (→ 404) for an unknown pool or one the user does not coordinate.</summary>
    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (!await access.CanManageAsync(id, ct) || await catalog.FindAsync(id, ct) is not { } pool) return false;
        Pool = pool;
        IsExample = await db.PoolNotices.AsNoTracking().Where(n => n.PoolId == id && n.IsExample).ToDictionaryAsync(n => n.Kind, _ => true, ct);
        return true;
    }
}
