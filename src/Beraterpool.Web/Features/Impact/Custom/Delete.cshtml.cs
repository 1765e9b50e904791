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

namespace Beraterpool.Web.Features.Impact.Custom;

/// <summary>
/// Deletes a custom indicator with all its values, after a confirmation page that says how many values go with it. It
/// leaves the public page too; the audit entry keeps its name.
/// </summary>
[Authorize(Roles = Roles.Administrator + "," + Roles.Coordinator)]
public sealed class DeleteModel(AppDbContext db, PoolAccess access, IStringLocalizer<DeleteModel> text) : PageModel
{
    public CustomIndicator Indicator { get; private set; } = null!;
    public int ValueCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var key = Indicator.Key;
        db.PublishedIndicators.RemoveRange(db.PublishedIndicators.Where(p => p.PoolId == Indicator.PoolId && p.Key == key));
        db.CustomIndicators.Remove(Indicator);
        db.Audit("indicator.deleted", $"indicator:{Indicator.Id}", access.UserId, Indicator.PoolId, $"{Indicator.Name}, {ValueCount} Werte");
        await db.SaveChangesAsync(ct);
        TempData[StatusMessage.Key] = text["Die Kennzahl „{0}“ ist gelöscht.", Indicator.Name].Value;
        return RedirectToPage("/Impact/Custom/Index", new { pool = Indicator.PoolId });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var indicator = await db.CustomIndicators.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (indicator is null || !await access.CanManageAsync(indicator.PoolId, ct)) return false;
        Indicator = indicator;
        ValueCount = await db.CustomIndicatorValues.CountAsync(v => v.IndicatorId == id, ct);
        return true;
    }
}
