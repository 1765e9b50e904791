using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Audit;
using Beraterpool.Web.Features.Shared;
using Beraterpool.Web.Features.Shared.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Pools.Manage;

/// <summary>
/// The pool's brand colours (/manage/pools/{id}/brand), set by its coordinators or an administrator. Each colour must
/// hold 4.5 : 1 against white text and against the page; a weaker one is refused with the ratio, and the input stays.
/// </summary>
[Authorize(Roles = Roles.Administrator + "," + Roles.Coordinator)]
public sealed class BrandModel(AppDbContext db, PoolAccess access, IStringLocalizer<BrandModel> text) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    public string PoolName { get; private set; } = "";
    public string BrandName { get; private set; } = "";
    public BrandColours Saved { get; private set; } = BrandColours.Default;

    public sealed class InputModel
    {
        public string? PrimaryColor { get; set; }
        public string? AccentColor { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is not { } pool) return NotFound();
        Input = new InputModel { PrimaryColor = pool.BrandPrimaryColor, AccentColor = pool.BrandAccentColor };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is not { } pool) return NotFound();
        var primary = Check("Input.PrimaryColor", Input.PrimaryColor);
        var accent = Check("Input.AccentColor", Input.AccentColor);
        if (!ModelState.IsValid) return Page();

        var before = $"{pool.BrandPrimaryColor} / {pool.BrandAccentColor}";
        pool.BrandPrimaryColor = primary;
        pool.BrandAccentColor = accent;
        var after = $"{primary} / {accent}";
        if (before != after) db.Audit("pool.brand.changed", $"pool:{id}", access.UserId, id, $"{before} → {after}");
        await db.SaveChangesAsync(ct);
        TempData[StatusMessage.Key] = text["Die Markenfarben sind gespeichert."].Value;
        return RedirectToPage(new { id });
    }

    /// <summary>The normalised colour, or null for an empty field (the standard colour); a message at the field otherwise.</summary>
    private string? Check(string field, string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return null;
        if (BrandColours.Normalize(input) is not { } colour)
        {
            ModelState.AddModelError(field, text["Bitte geben Sie die Farbe als Hex-Wert an, z. B. #003b6e."]);
            return null;
        }
        var ratio = BrandColours.WeakestContrast(colour);
        if (ratio < BrandColours.MinimumRatio)
            ModelState.AddModelError(field, text["Kontrast {0} : 1 – mindestens 4,5 : 1 nötig, damit weiße Schrift auf der Farbe und die Farbe als Schrift auf der Seite lesbar sind (WCAG AA). Bitte wählen Sie einen dunkleren Ton.",
                BrandColours.FormatRatio(ratio, Money.German)]);
        return colour;
    }

    private async Task<Pool?> LoadAsync(int id, CancellationToken ct)
    {
        // Another pool's brand answers 404: a coordinator must not even learn that the pool exists.
        if (!await access.CanManageAsync(id, ct)) return null;
        var pool = await db.Pools.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (pool is null) return null;
        (PoolName, BrandName, Saved) = (pool.Name, pool.BrandName, new BrandColours(pool.BrandPrimaryColor, pool.BrandAccentColor));
        return pool;
    }
}
