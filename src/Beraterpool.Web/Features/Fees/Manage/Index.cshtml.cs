using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Pools;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Fees.Manage;

/// <summary>The statements of the coordinator's pools: submitted ones first, filter by status and month, paged; and the export.</summary>
[Authorize(Roles = Roles.Administrator + "," + Roles.Coordinator)]
public sealed class IndexModel(TimeProvider time, AppDbContext db, FeeStatements fees, PoolAccess access, PoolCatalog catalog) : PageModel
{
    public const int PageSize = 25;

    public sealed record Row(int Id, int PoolId, string Advisor, int Year, int Month, FeeStatementStatus Status, DateTimeOffset? SubmittedAt, FeeTotals Totals)
    {
        public string Reference => FeeStatements.Reference(Year, Month, Id);
    }

    public IReadOnlyList<PoolInfo> Pools { get; private set; } = [];
    public IReadOnlyList<Row> Statements { get; private set; } = [];
    public int Total { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public int? Pool { get; private set; }
    public FeeStatementStatus? Status { get; private set; }
    /// <summary>yyyy-MM</summary>
    public string? Month { get; private set; }
    public string ExportFrom { get; private set; } = "";
    public string ExportTo { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        // Read by hand: a hand-edited address with a wrong value is ignored, not an error page.
        PageNumber = int.TryParse(Request.Query["page"], out var n) ? n : 1;
        Pool = int.TryParse(Request.Query["pool"], out var p) ? p : null;
        Status = Enum.TryParse<FeeStatementStatus>(Request.Query["status"], ignoreCase: true, out var st) && Enum.IsDefined(st) ? st : null;
        var month = FeeExport.ParseMonth(Request.Query["month"]);
        Month = month is { } mm ? $"{mm.Year}-{mm.Month:00}" : null;

        var managed = await access.ManagedPoolIdsAsync(ct);
        Pools = (await catalog.AllAsync(ct)).Where(x => managed.Contains(x.Id)).OrderBy(x => x.Name).ToList();
        if (Pool is { } chosen && !managed.Contains(chosen)) Pool = null;
        var lastMonth = time.GetUtcNow().UtcDateTime.AddMonths(-1);
        ExportFrom = ExportTo = Month ?? $"{lastMonth:yyyy-MM}";

        var query = db.FeeStatements.AsNoTracking().Where(s => managed.Contains(s.PoolId));
        if (Pool is { } pool) query = query.Where(s => s.PoolId == pool);
        if (Status is { } status) query = query.Where(s => s.Status == status);
        if (month is { } m) query = query.Where(s => s.Year == m.Year && s.Month == m.Month);
        Total = await query.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        // Work first: submitted statements wait for a decision, then approved ones wait for payment.
        var list = await query
            .OrderBy(s => s.Status == FeeStatementStatus.Submitted ? 0 : s.Status == FeeStatementStatus.Approved ? 1 : 2)
            .ThenByDescending(s => s.Year).ThenByDescending(s => s.Month).ThenBy(s => s.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(s => new
            {
                s.Id, s.PoolId, s.Year, s.Month, s.Status, s.SubmittedAt, s.DayRate, s.OtherCosts,
                Advisor = db.Advisors.Where(a => a.Id == s.AdvisorId).Select(a => a.LastName + ", " + a.FirstName).First(),
            })
            .ToListAsync(ct);
        var totals = await fees.TotalsAsync(list.Select(s => (s.Id, s.DayRate, s.OtherCosts)).ToList(), ct);
        Statements = list.Select(s => new Row(s.Id, s.PoolId, s.Advisor, s.Year, s.Month, s.Status, s.SubmittedAt, totals[s.Id])).ToList();
    }

    public string Link(int? page = null)
    {
        var q = new List<string>();
        if (Pool is { } p) q.Add($"pool={p}");
        if (Status is { } s) q.Add($"status={s}");
        if (Month is { } m) q.Add($"month={m}");
        if (page is > 1) q.Add($"page={page}");
        return Url.Content("~/manage/fees") + (q.Count > 0 ? "?" + string.Join("&", q) : "");
    }
}
