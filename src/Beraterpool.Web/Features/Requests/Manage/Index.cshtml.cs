using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Requests.Manage;

/// <summary>
/// The coordinator's queue of requests in their pools: open ones first, the oldest on top; filter by state, pool and
/// who is responsible, search by number, municipality or contact, sort by column.
/// </summary>
[Authorize(Roles = Roles.Administrator + "," + Roles.Coordinator)]
public sealed class IndexModel(AppDbContext db, PoolAccess access, PoolCatalog catalog) : PageModel
{
    public const int PageSize = 25;
    public const string OpenFilter = "open";
    public const string AllFilter = "all";
    public const string Mine = "mine", Nobody = "none";

    public sealed record Row(int Id, string Reference, int PoolId, string MunicipalityName, string MunicipalityKey, string ContactName,
        RequestStatus Status, DateTimeOffset CreatedAt, string? Responsible);

    [FromQuery(Name = "status")] public string? Status { get; set; }
    [FromQuery(Name = "pool")] public int? PoolId { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    [FromQuery(Name = "q")] public string? Q { get; set; }
    /// <summary>mine, none or empty (everybody).</summary>
    [FromQuery(Name = "responsible")] public string? Responsible { get; set; }
    /// <summary>received (the default), municipality or status; a leading "-" sorts descending.</summary>
    [FromQuery(Name = "sort")] public string? Sort { get; set; }

    public IReadOnlyList<PoolInfo> Pools { get; private set; } = [];
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var managed = await access.ManagedPoolIdsAsync(ct);
        Pools = (await catalog.AllAsync(ct)).Where(p => managed.Contains(p.Id)).OrderBy(p => p.Name).ToList();
        Status = string.IsNullOrEmpty(Status) ? OpenFilter : Status;
        if (PoolId is { } chosen && !managed.Contains(chosen)) PoolId = null;

        var query = db.ConsultationRequests.AsNoTracking().Where(r => managed.Contains(r.PoolId));
        if (PoolId is { } poolId) query = query.Where(r => r.PoolId == poolId);
        if (Status == OpenFilter) query = query.Where(r => RequestWorkflow.OpenStatuses.Contains(r.Status));
        else if (Enum.TryParse<RequestStatus>(Status, ignoreCase: true, out var status) && Enum.IsDefined(status)) query = query.Where(r => r.Status == status);
        else Status = AllFilter;
        var me = access.UserId;
        if (Responsible == Mine) query = query.Where(r => r.ResponsibleUserId == me);
        else if (Responsible == Nobody) query = query.Where(r => r.ResponsibleUserId == null);
        else Responsible = null;
        if (!string.IsNullOrWhiteSpace(Q))
        {
            foreach (var word in Q.Trim().ToLower().Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(5))
                query = query.Where(r => r.Reference.ToLower().Contains(word) || r.ContactName.ToLower().Contains(word)
                    || r.ContactEmail.ToLower().Contains(word) || r.MunicipalityKey == word
                    || db.Municipalities.Any(m => m.OfficialKey == r.MunicipalityKey && m.ShortName.ToLower().Contains(word)));
        }

        Total = await query.CountAsync(ct);
        PageCount = Math.Max(1, (Total + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        var open = RequestWorkflow.OpenStatuses;
        IQueryable<ConsultationRequest> ordered = Sort switch
        {
            "-received" => query.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id),
            "municipality" => query.OrderBy(r => db.Municipalities.Where(m => m.OfficialKey == r.MunicipalityKey).Select(m => m.ShortName).FirstOrDefault()).ThenBy(r => r.Id),
            "-municipality" => query.OrderByDescending(r => db.Municipalities.Where(m => m.OfficialKey == r.MunicipalityKey).Select(m => m.ShortName).FirstOrDefault()).ThenBy(r => r.Id),
            "status" => query.OrderBy(r => r.Status).ThenBy(r => r.CreatedAt),
            "-status" => query.OrderByDescending(r => r.Status).ThenBy(r => r.CreatedAt),
            "received" => query.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id),
            _ => query.OrderBy(r => open.Contains(r.Status) ? 0 : 1).ThenBy(r => r.CreatedAt).ThenBy(r => r.Id),
        };
        Rows = await ordered
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(r => new Row(r.Id, r.Reference, r.PoolId,
                db.Municipalities.Where(m => m.OfficialKey == r.MunicipalityKey).Select(m => m.ShortName).FirstOrDefault() ?? r.MunicipalityKey,
                r.MunicipalityKey, r.ContactName, r.Status, r.CreatedAt,
                db.Users.Where(u => u.Id == r.ResponsibleUserId).Select(u => u.DisplayName ?? u.Email).FirstOrDefault()))
            .ToListAsync(ct);
    }

    /// <summary>This list's address with the page or the sort changed (a new sort starts on page 1).</summary>
    public string Link(int page = 1, string? sort = null)
    {
        var q = new List<string> { $"status={Uri.EscapeDataString(Status ?? OpenFilter)}" };
        if (PoolId is { } p) q.Add($"pool={p}");
        if (Responsible is { } who) q.Add($"responsible={who}");
        if (!string.IsNullOrWhiteSpace(Q)) q.Add($"q={Uri.EscapeDataString(Q)}");
        if ((sort ?? Sort) is { Length: > 0 } s) q.Add($"sort={Uri.EscapeDataString(s)}");
        if (page > 1) q.Add($"page={page}");
        return Url.Content("~/manage/requests") + "?" + string.Join("&", q);
    }

    public string PageUrl(int page) => Link(page);
    public string SortLink(string column) => Link(sort: ListSort.Next(Sort, column));
    public string? AriaSort(string column) => ListSort.Aria(Sort, column, "");
}
