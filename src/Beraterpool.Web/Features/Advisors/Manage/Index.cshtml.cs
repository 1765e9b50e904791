using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Advisors.Manage;

/// <summary>The advisors of the pools the signed-in coordinator (or administrator) manages: filter, search, sort, page.</summary>
[Authorize(Roles = Roles.Administrator + "," + Roles.Coordinator)]
public sealed class IndexModel(AppDbContext db, PoolAccess access, PoolCatalog catalog) : PageModel
{
    public const int PageSize = 25;

    public sealed record Row(int Id, string FirstName, string LastName, string Email, int PoolId, AdvisorStatus Status, DateTimeOffset UpdatedAt, string? UserId, bool HasPassword);

    [BindProperty(SupportsGet = true)] public int? Pool { get; set; }
    [BindProperty(SupportsGet = true)] public AdvisorStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    /// <summary>name, status or updated; a leading "-" sorts descending.</summary>
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    // Read by hand: "page" is also the route value naming the Razor page, which model binding would see first.
    public int PageNumber { get; private set; } = 1;

    public IReadOnlyList<Row> Advisors { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public IReadOnlyList<PoolInfo> Pools { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = int.TryParse(Request.Query["page"], out var n) ? n : 1;
        var managed = await access.ManagedPoolIdsAsync(ct);
        Pools = (await catalog.AllAsync(ct)).Where(p => managed.Contains(p.Id)).OrderBy(p => p.Name).ToList();
        if (Pool is { } chosen && !managed.Contains(chosen)) Pool = null;
        if (!ModelState.IsValid)
        {
            // A hand-edited address (?status=xyz) is ignored, not an error page.
            Status = ModelState.GetFieldValidationState(nameof(Status)) == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid ? null : Status;
            ModelState.Clear();
        }

        var query = db.Advisors.AsNoTracking().Where(a => managed.Contains(a.PoolId));
        if (Pool is { } pool) query = query.Where(a => a.PoolId == pool);
        if (Status is { } status) query = query.Where(a => a.Status == status);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            foreach (var word in Q.Trim().ToLower().Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(5))
                query = query.Where(a => a.FirstName.ToLower().Contains(word) || a.LastName.ToLower().Contains(word) || a.Email.ToLower().Contains(word));
        }
        query = Sort switch
        {
            "-name" => query.OrderByDescending(a => a.LastName).ThenByDescending(a => a.FirstName),
            "status" => query.OrderBy(a => a.Status).ThenBy(a => a.LastName),
            "-status" => query.OrderByDescending(a => a.Status).ThenBy(a => a.LastName),
            "updated" => query.OrderBy(a => a.UpdatedAt),
            "-updated" => query.OrderByDescending(a => a.UpdatedAt),
            _ => query.OrderBy(a => a.LastName).ThenBy(a => a.FirstName),
        };
        Total = await query.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Advisors = await query.Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(a => new Row(a.Id, a.FirstName, a.LastName, a.Email, a.PoolId, a.Status, a.UpdatedAt, a.UserId,
                db.Users.Any(u => u.Id == a.UserId && u.PasswordHash != null)))
            .ToListAsync(ct);
    }

    /// <summary>This list's address with one parameter changed; the page is reset unless it is the one changed.</summary>
    public string Link(string? sort = null, int? page = null)
    {
        var q = new List<string>();
        if (Pool is { } p) q.Add($"pool={p}");
        if (Status is { } s) q.Add($"status={s}");
        if (!string.IsNullOrWhiteSpace(Q)) q.Add($"q={Uri.EscapeDataString(Q)}");
        var sortValue = sort ?? Sort;
        if (!string.IsNullOrEmpty(sortValue)) q.Add($"sort={sortValue}");
        if (page is > 1) q.Add($"page={page}");
        return Url.Content("~/manage/advisors") + (q.Count > 0 ? "?" + string.Join("&", q) : "");
    }

    public string NextSort(string column) => ListSort.Next(Sort, column);

    public string? AriaSort(string column) => ListSort.Aria(Sort, column, "name");
}
