using Beraterpool.Web.Features.Shared;
using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Shared.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Fees.Me;

/// <summary>The advisor's statements by month, and the months with approved days still to bill.</summary>
[Authorize(Roles = Roles.Advisor)]
public sealed class IndexModel(TimeProvider time, AppDbContext db, FeeStatements fees, PoolAccess access, IStringLocalizer<IndexModel> text) : PageModel
{
    public sealed record Row(int Id, int Year, int Month, FeeStatementStatus Status, FeeTotals Totals);
    public sealed record OpenMonth(int Year, int Month, int HalfDays, int Count);

    public bool HasProfile { get; private set; }
    public bool HasBankDetails { get; private set; }
    public IReadOnlyList<Row> Statements { get; private set; } = [];
    public IReadOnlyList<OpenMonth> OpenMonths { get; private set; } = [];
    [BindProperty] public string? Month { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await fees.OwnAdvisorAsync(access.UserId, ct) is { } me) await LoadAsync(me, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (await fees.OwnAdvisorAsync(access.UserId, ct) is not { } me) return NotFound();
        var today = time.LocalToday();
        var month = FeeExport.ParseMonth(Month);
        if (month is null)
            ModelState.AddModelError(nameof(Month), text["Bitte wählen Sie einen Monat, z. B. 2026-11."]);
        else if (new DateOnly(month.Value.Year, month.Value.Month, 1) > today)
            ModelState.AddModelError(nameof(Month), text["Abrechnen können Sie nur den laufenden oder einen vergangenen Monat."]);
        else if (month.Value.Year < today.Year - 5)
            ModelState.AddModelError(nameof(Month), text["Dieser Monat liegt zu weit zurück."]);
        if (!ModelState.IsValid)
        {
            await LoadAsync(me, ct);
            return Page();
        }
        var (y, m) = month!.Value;
        var (id, created) = await fees.CreateAsync(me, y, m, access.UserId, ct);
        TempData[StatusMessage.Key] = created
            ? text["Die Abrechnung für {0} ist angelegt. Prüfen Sie die übernommenen Tage und ergänzen Sie Reisekosten.", FeeTexts.Period(y, m)].Value
            : text["Für {0} gibt es schon eine Abrechnung; hier ist sie.", FeeTexts.Period(y, m)].Value;
        return RedirectToPage("/Fees/Me/Details", new { id });
    }


    private async Task LoadAsync(OwnAdvisor me, CancellationToken ct)
    {
        HasProfile = true;
        HasBankDetails = await db.AdvisorBankDetails.AnyAsync(b => b.AdvisorId == me.Id, ct);
        var list = await db.FeeStatements.AsNoTracking().Where(s => s.AdvisorId == me.Id)
            .OrderByDescending(s => s.Year).ThenByDescending(s => s.Month)
            .Select(s => new { s.Id, s.Year, s.Month, s.Status, s.DayRate, s.OtherCosts }).ToListAsync(ct);
        var totals = await fees.TotalsAsync(list.Select(s => (s.Id, s.DayRate, s.OtherCosts)).ToList(), ct);
        Statements = list.Select(s => new Row(s.Id, s.Year, s.Month, s.Status, totals[s.Id])).ToList();
        var open = await db.Activities.AsNoTracking()
            .Where(a => a.AdvisorId == me.Id && a.ApprovedAt != null && a.FeeStatementId == null
                        && db.Engagements.Any(e => e.Id == a.EngagementId && e.PoolId == me.PoolId))
            .Select(a => new { a.Date, a.HalfDays }).ToListAsync(ct);
        OpenMonths = open.GroupBy(a => (a.Date.Year, a.Date.Month))
            .Select(g => new OpenMonth(g.Key.Year, g.Key.Month, g.Sum(a => a.HalfDays), g.Count()))
            .OrderByDescending(o => o.Year).ThenByDescending(o => o.Month).ToList();
        Month ??= OpenMonths.Count > 0 ? $"{OpenMonths[0].Year}-{OpenMonths[0].Month:00}" : time.LocalToday().ToString("yyyy-MM");
    }
}
