using Beraterpool.Web.Features.Shared;
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

namespace Beraterpool.Web.Features.Quota.Manage;

/// <summary>
/// The pool's day accounts of one year (fullest first) and the form to set one municipality's quota for one year —
/// only with a written reason, which is kept with the change and in the audit trail.
/// </summary>
[Authorize(Roles = Roles.Administrator + "," + Roles.Coordinator)]
public sealed class IndexModel(TimeProvider time, AppDbContext db, PoolAccess access, PoolCatalog catalog, DayQuotaService quota, Engagements.EngagementMails mails, IStringLocalizer<IndexModel> text) : PageModel
{
    public sealed record AccountRow(string Municipality, DayBalance Days);
    public sealed record MunicipalityOption(string Key, string Name);
    public sealed record IncreaseRow(string Municipality, int Year, int Previous, int New, string Reason, DateTimeOffset At);

    public IReadOnlyList<PoolInfo> Pools { get; private set; } = [];
    public PoolInfo Pool { get; private set; } = null!;
    public int Year { get; private set; }
    public IReadOnlyList<AccountRow> Accounts { get; private set; } = [];
    public IReadOnlyList<MunicipalityOption> Municipalities { get; private set; } = [];
    public IReadOnlyList<IncreaseRow> Increases { get; private set; } = [];

    [BindProperty] public RaiseInput Input { get; set; } = new();

    public sealed class RaiseInput
    {
        [Required(ErrorMessage = "Bitte wählen Sie eine Kommune.")]
        public string? MunicipalityKey { get; set; }

        [Required(ErrorMessage = "Bitte geben Sie das Jahr an.")]
        [Range(2000, 2100, ErrorMessage = "Bitte geben Sie ein Jahr zwischen 2000 und 2100 an.")]
        public int? Year { get; set; }

        [Required(ErrorMessage = "Bitte geben Sie das neue Kontingent in Tagen an.")]
        [Range(0.5, 365, ErrorMessage = "Das Kontingent muss zwischen 0,5 und 365 Tagen liegen.")]
        public decimal? Days { get; set; }

        [Required(ErrorMessage = "Bitte begründen Sie die Änderung schriftlich.")]
        [StringLength(1000, MinimumLength = 10, ErrorMessage = "Die Begründung muss zwischen 10 und 1000 Zeichen lang sein.")]
        public string? Reason { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int? pool, string? municipality, CancellationToken ct)
    {
        if (!await LoadAsync(pool, ct)) return NotFound();
        Input.Year = Year;
        if (municipality is not null && Municipalities.Any(m => m.Key == municipality))
        {
            Input.MunicipalityKey = municipality;
            Input.Days = (await quota.BalanceAsync(Pool.Id, municipality, Year, ct)).QuotaHalfDays / 2m;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? pool, CancellationToken ct)
    {
        if (!await LoadAsync(pool, ct)) return NotFound();
        if (Input.MunicipalityKey is { } key && Municipalities.All(m => m.Key != key))
            ModelState.AddModelError("Input.MunicipalityKey", text["Bitte wählen Sie eine Kommune aus der Liste."]);
        if (Input.Days is { } d && d * 2 != decimal.Truncate(d * 2))
            ModelState.AddModelError("Input.Days", text["Bitte geben Sie das Kontingent in halben Tagen an, z. B. 12 oder 12,5."]);
        if (Input.Reason is { } r && string.IsNullOrWhiteSpace(r))
            ModelState.AddModelError("Input.Reason", text["Bitte begründen Sie die Änderung schriftlich."]);
        if (!ModelState.IsValid) return Page();

        var halfDays = (int)(Input.Days!.Value * 2);
        var (outcome, balance) = await quota.SetQuotaAsync(Pool.Id, Input.MunicipalityKey!, Input.Year!.Value, halfDays, Input.Reason!, access.UserId, ct);
        var name = Municipalities.First(m => m.Key == Input.MunicipalityKey).Name;
        switch (outcome)
        {
            case DayQuotaService.RaiseOutcome.BelowUsed:
                ModelState.AddModelError("Input.Days", text["{0} hat {1} schon {2} Tage genutzt; das Kontingent kann nicht darunter liegen.", name, balance.Year, Quota.Days.Number(balance.UsedHalfDays)]);
                return Page();
            case DayQuotaService.RaiseOutcome.Unchanged:
                ModelState.AddModelError("Input.Days", text["Das Kontingent von {0} für {1} beträgt schon {2} Tage.", name, balance.Year, Quota.Days.Number(balance.QuotaHalfDays)]);
                return Page();
        }
        await mails.QuotaChangedAsync(Pool.Id, Input.MunicipalityKey!, balance, ct);
        TempData[StatusMessage.Key] = text["Das Kontingent von {0} für {1} beträgt jetzt {2} Tage; {3} Tage sind übrig.", name, balance.Year,
            Quota.Days.Number(balance.QuotaHalfDays), Quota.Days.Number(balance.RemainingHalfDays)].Value;
        return RedirectToPage("/Quota/Manage/Index", new { pool = Pool.Id, year = balance.Year });
    }

    private async Task<bool> LoadAsync(int? pool, CancellationToken ct)
    {
        var managed = await access.ManagedPoolIdsAsync(ct);
        Pools = (await catalog.AllAsync(ct)).Where(p => managed.Contains(p.Id)).OrderBy(p => p.Name).ToList();
        if (Pools.Count == 0) return false;
        Pool = Pools.FirstOrDefault(p => p.Id == pool) ?? Pools[0];
        Year = int.TryParse(Request.Query["year"], out var y) && y is >= 2000 and <= 2100 ? y : time.LocalYear();
        var poolId = Pool.Id;
        var year = Year;
        Accounts = await db.DayQuotaAccounts.AsNoTracking().Where(a => a.PoolId == poolId && a.Year == year)
            .Join(db.Municipalities, a => a.MunicipalityKey, m => m.OfficialKey, (a, m) => new { a, m.ShortName })
            .OrderBy(x => x.a.QuotaHalfDays - x.a.UsedHalfDays).ThenBy(x => x.ShortName)
            .Select(x => new AccountRow(x.ShortName, new DayBalance(x.a.PoolId, x.a.MunicipalityKey, x.a.Year, x.a.QuotaHalfDays, x.a.UsedHalfDays))).ToListAsync(ct);
        // Municipalities the pool works with: those with an engagement or an account.
        Municipalities = await db.Municipalities.AsNoTracking()
            .Where(m => db.Engagements.Any(e => e.PoolId == poolId && e.MunicipalityKey == m.OfficialKey)
                        || db.DayQuotaAccounts.Any(a => a.PoolId == poolId && a.MunicipalityKey == m.OfficialKey))
            .OrderBy(m => m.ShortName).Select(m => new MunicipalityOption(m.OfficialKey, m.ShortName)).ToListAsync(ct);
        Increases = await db.QuotaIncreases.AsNoTracking().Where(q => q.PoolId == poolId).OrderByDescending(q => q.Id).Take(20)
            .Join(db.Municipalities, q => q.MunicipalityKey, m => m.OfficialKey, (q, m) => new IncreaseRow(m.ShortName, q.Year, q.PreviousQuotaHalfDays, q.NewQuotaHalfDays, q.Reason, q.At))
            .ToListAsync(ct);
        return true;
    }
}
