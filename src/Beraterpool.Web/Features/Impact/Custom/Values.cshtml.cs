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
/// The values of one indicator for one year: four quarter fields or one year field, each with its source. An emptied
/// field removes its value; the year's actual is the sum of what is there.
/// </summary>
[Authorize(Roles = Roles.Administrator + "," + Roles.Coordinator)]
public sealed class ValuesModel(AppDbContext db, PoolAccess access, IStringLocalizer<ValuesModel> text) : PageModel
{
    [BindProperty] public ValuesInput Input { get; set; } = new();

    public CustomIndicator Indicator { get; private set; } = null!;
    public int Year { get; private set; }
    /// <summary>The quarters of the fields in order: 1–4, or 0 for the year.</summary>
    public int[] Quarters => Indicator.Period == IndicatorPeriod.Quarter ? [1, 2, 3, 4] : [0];
    /// <summary>Values kept from the other period (the indicator's period was changed): shown, counted, and cleared on saving.</summary>
    public IReadOnlyList<CustomIndicatorValue> Others { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, int year, CancellationToken ct)
    {
        if (!await LoadAsync(id, year, ct)) return NotFound();
        var values = Indicator.Values.Where(v => v.Year == year).ToList();
        Input.Values = Quarters.Select(q => IndicatorNumber.Format(values.FirstOrDefault(v => v.Quarter == q)?.Value)).ToList();
        Input.Sources = Quarters.Select(q => values.FirstOrDefault(v => v.Quarter == q)?.Source).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int year, CancellationToken ct)
    {
        if (!await LoadAsync(id, year, ct)) return NotFound();
        var parsed = new decimal?[Quarters.Length];
        for (var i = 0; i < Quarters.Length; i++)
        {
            var (value, error) = IndicatorNumber.Parse(Input.Values.ElementAtOrDefault(i));
            if (error is not null) ModelState.AddModelError($"Input.Values[{i}]", text[error]);
            if (Input.Sources.ElementAtOrDefault(i)?.Trim().Length > CustomIndicatorValue.MaxSource)
                ModelState.AddModelError($"Input.Sources[{i}]", text["Die Quelle darf höchstens 500 Zeichen lang sein."]);
            parsed[i] = value;
        }
        if (!ModelState.IsValid) return Page();

        var saved = Indicator.Values.Where(v => v.Year == year).ToList();
        // Values of the other period would otherwise be added to the new ones: the form replaces the year.
        db.CustomIndicatorValues.RemoveRange(saved.Where(v => !Quarters.Contains(v.Quarter)));
        for (var i = 0; i < Quarters.Length; i++)
        {
            var row = saved.FirstOrDefault(v => v.Quarter == Quarters[i]);
            var source = Input.Sources.ElementAtOrDefault(i)?.Trim() is { Length: > 0 } s ? s : null;
            if (parsed[i] is not { } value)
            {
                if (row is not null) db.CustomIndicatorValues.Remove(row);
                continue;
            }
            if (row is null) Indicator.Values.Add(row = new CustomIndicatorValue { Year = year, Quarter = Quarters[i] });
            (row.Value, row.Source) = (value, source);
        }
        db.Audit("indicator.values.saved", $"indicator:{Indicator.Id}:{year}", access.UserId, Indicator.PoolId,
            string.Join("; ", Quarters.Select((q, i) => $"{CustomIndicators.PeriodLabel(year, q)}={IndicatorNumber.Format(parsed[i]) ?? "–"}")));
        await db.SaveChangesAsync(ct);
        TempData[StatusMessage.Key] = text["Die Werte {0} für „{1}“ sind gespeichert.", year, Indicator.Name].Value;
        return RedirectToPage("/Impact/Custom/Index", new { pool = Indicator.PoolId, year });
    }

    private async Task<bool> LoadAsync(int id, int year, CancellationToken ct)
    {
        if (year is < ImpactSetup.FirstYear or > ImpactSetup.LastYear) return false;
        var indicator = await db.CustomIndicators.Include(c => c.Values.Where(v => v.Year == year)).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (indicator is null || !await access.CanManageAsync(indicator.PoolId, ct)) return false;
        (Indicator, Year) = (indicator, year);
        Others = indicator.Values.Where(v => !Quarters.Contains(v.Quarter)).OrderBy(v => v.Quarter).ToList();
        return true;
    }
}
