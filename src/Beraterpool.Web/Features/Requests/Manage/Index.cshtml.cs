using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Messages;
using Beraterpool.Web.Features.Pools;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Requests.Manage;

/// <summary>The coordinator's queue of requests in their pools: open ones first, the oldest on top.</summary>
[Authorize(Roles = Roles.Administrator + "," + Roles.Coordinator)]
public sealed class IndexModel(AppDbContext db, PoolAccess access, PoolCatalog catalog, Conversations conversations) : PageModel
{
    public const int PageSize = 25;
    public const string OpenFilter = "open";
    public const string AllFilter = "all";

    public sealed record Row(int Id, string Reference, int PoolId, string MunicipalityName, string MunicipalityKey, string ContactName,
        RequestStatus Status, DateTimeOffset CreatedAt);

    [FromQuery(Name = "status")] public string? Status { get; set; }
    [FromQuery(Name = "pool")] public int? PoolId { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<PoolInfo> Pools { get; private set; } = [];
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount { get; private set; }
    /// <summary>Per request on this page: messages of the municipality (request and engagements) no coordinator has read.</summary>
    public IReadOnlyDictionary<int, int> Unread { get; private set; } = new Dictionary<int, int>();
    public int UnreadTotal { get; private set; }

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

        Total = await query.CountAsync(ct);
        PageCount = Math.Max(1, (Total + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Rows = await query
            .OrderBy(r => RequestWorkflow.OpenStatuses.Contains(r.Status) ? 0 : 1).ThenBy(r => r.CreatedAt).ThenBy(r => r.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(r => new Row(r.Id, r.Reference, r.PoolId,
                db.Municipalities.Where(m => m.OfficialKey == r.MunicipalityKey).Select(m => m.ShortName).FirstOrDefault() ?? r.MunicipalityKey,
                r.MunicipalityKey, r.ContactName, r.Status, r.CreatedAt))
            .ToListAsync(ct);
        var unread = await conversations.UnreadAsync(managed, ct);
        UnreadTotal = unread.Sum(u => u.Count);
        Unread = unread.ToDictionary(u => u.RequestId, u => u.Count);
    }

    public string PageUrl(int page) =>
        Url.Content("~/manage/requests") + $"?status={Uri.EscapeDataString(Status ?? OpenFilter)}" + (PoolId is { } p ? $"&pool={p}" : "") + $"&page={page}";
}
