using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Audit;
using Beraterpool.Web.Features.Shared.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Applications.Manage;

public sealed record ManagedCall(int Id, int PoolId, string Title, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, bool BlindReview, int Criteria, int Questions, int Applications);

/// <summary>The calls of the pools the user coordinates, newest first, and each pool's retention period for declined applications.</summary>
[Authorize(Roles = Roles.Administrator + "," + Roles.Coordinator)]
public sealed class IndexModel(AppDbContext db, TimeProvider time, PoolAccess access, PoolCatalog catalog, IStringLocalizer<IndexModel> text) : PageModel
{
    public IReadOnlyList<PoolInfo> Pools { get; private set; } = [];
    public IReadOnlyList<ManagedCall> Calls { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }
    public CallTexts Texts { get; } = new(text);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var managed = await access.ManagedPoolIdsAsync(ct);
        Retention = await db.Pools.AsNoTracking().Where(p => managed.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.ApplicationRetentionMonths, ct);
        Pools = (await catalog.AllAsync(ct)).Where(p => managed.Contains(p.Id)).ToList();
        Now = time.GetUtcNow();
        Calls = await db.Calls.AsNoTracking().Where(c => managed.Contains(c.PoolId)).OrderByDescending(c => c.ClosesAt).Take(200)
            .Select(c => new ManagedCall(c.Id, c.PoolId, c.Title, c.OpensAt, c.ClosesAt, c.BlindReview, c.Criteria.Count, c.Questions.Count, db.Applications.Count(a => a.CallId == c.Id))).ToListAsync(ct);
    }

    /// <summary>Pool id → months a declined application is kept after the decision was told.</summary>
    public Dictionary<int, int> Retention { get; private set; } = [];

    [BindProperty] public int RetentionPoolId { get; set; }
    /// <summary>As typed, so a wrong entry comes back as it was.</summary>
    [BindProperty] public string? RetentionMonths { get; set; }

    public async Task<IActionResult> OnPostRetentionAsync(CancellationToken ct)
    {
        if (!await access.CanManageAsync(RetentionPoolId, ct)) return NotFound();
        if (!int.TryParse(RetentionMonths?.Trim(), out var months) || months is < 1 or > 36)
        {
            ModelState.AddModelError(nameof(RetentionMonths), text["Bitte geben Sie eine Frist von 1 bis 36 Monaten an."]);
            await OnGetAsync(ct);
            return Page();
        }
        var pool = await db.Pools.SingleAsync(p => p.Id == RetentionPoolId, ct);
        pool.ApplicationRetentionMonths = months;
        db.Audit("pool.application-retention", $"pool:{pool.Id}", access.UserId, pool.Id, $"{months} months");
        await db.SaveChangesAsync(ct);
        TempData[StatusMessage.Key] = text["Abgelehnte Bewerbungen werden jetzt {0} Monate nach der Entscheidung gelöscht.", months].Value;
        return RedirectToPage();
    }

    public string PoolName(int id) => Pools.FirstOrDefault(p => p.Id == id)?.Name ?? "";
}
