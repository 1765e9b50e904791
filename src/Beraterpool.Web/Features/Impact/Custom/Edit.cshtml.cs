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
/// Defines or changes a pool's own indicator. Changing from quarters to a year (or back) keeps the values entered: the
/// year's actual is their sum either way, and the values form shows what is there.
/// </summary>
[Authorize(Roles = Roles.Administrator + "," + Roles.Coordinator)]
public sealed class EditModel(AppDbContext db, ImpactPools pools, PoolAccess access, TimeProvider time, IStringLocalizer<EditModel> text) : PageModel
{
    [BindProperty] public IndicatorInput Input { get; set; } = new();

    public int? IndicatorId { get; private set; }
    public PoolInfo Pool { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int? id, int? pool, CancellationToken ct)
    {
        var indicator = id is { } existing ? await db.CustomIndicators.AsNoTracking().FirstOrDefaultAsync(c => c.Id == existing, ct) : null;
        if (id is not null && indicator is null) return NotFound();
        if (!await ChoosePoolAsync(indicator?.PoolId ?? pool, indicator is not null, ct)) return NotFound();
        IndicatorId = indicator?.Id;
        Input = indicator is null ? new IndicatorInput { Period = IndicatorPeriod.Year } : new IndicatorInput
        {
            Name = indicator.Name, Unit = indicator.Unit, Description = indicator.Description, Period = indicator.Period,
            Target = IndicatorNumber.Format(indicator.YearlyTarget),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, int? pool, CancellationToken ct)
    {
        var indicator = id is { } existing ? await db.CustomIndicators.FirstOrDefaultAsync(c => c.Id == existing, ct) : null;
        if (id is not null && indicator is null) return NotFound();
        if (!await ChoosePoolAsync(indicator?.PoolId ?? pool, indicator is not null, ct)) return NotFound();
        IndicatorId = indicator?.Id;
        var (target, error) = IndicatorNumber.Parse(Input.Target);
        if (error is not null) ModelState.AddModelError("Input.Target", text[error]);
        if (Input.Period is { } p && !Enum.IsDefined(p)) ModelState.AddModelError("Input.Period", text["Bitte wählen Sie, ob die Werte je Jahr oder je Quartal eingetragen werden."]);
        if (!ModelState.IsValid) return Page();

        var now = time.GetUtcNow();
        if (indicator is null)
        {
            indicator = new CustomIndicator { PoolId = Pool.Id, Name = "", Unit = "", CreatedAt = now };
            db.CustomIndicators.Add(indicator);
        }
        indicator.Name = Input.Name!.Trim();
        indicator.Unit = Input.Unit!.Trim();
        indicator.Description = string.IsNullOrWhiteSpace(Input.Description) ? null : Input.Description.Trim();
        indicator.YearlyTarget = target;
        indicator.Period = Input.Period!.Value;
        indicator.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        // The id exists only after the first save; the entry names it.
        db.Audit(IndicatorId is null ? "indicator.created" : "indicator.updated", $"indicator:{indicator.Id}", access.UserId, Pool.Id,
            $"{indicator.Name} ({indicator.Unit}), Ziel {IndicatorNumber.Format(target) ?? "–"}, je {indicator.Period}");
        await db.SaveChangesAsync(ct);
        TempData[StatusMessage.Key] = text["Die Kennzahl „{0}“ ist gespeichert.", indicator.Name].Value;
        return RedirectToPage("/Impact/Custom/Index", new { pool = Pool.Id });
    }

    /// <summary>An existing indicator's pool must be one the user manages (else 404); a new one goes to the pool asked for.</summary>
    private async Task<bool> ChoosePoolAsync(int? poolId, bool mustMatch, CancellationToken ct)
    {
        var (_, chosen) = await pools.ChooseAsync(poolId, ct);
        if (chosen is null || (mustMatch && chosen.Id != poolId)) return false;
        Pool = chosen;
        return true;
    }
}
