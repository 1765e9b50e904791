using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Pools;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Events.Manage;

public sealed record ManagedEvent(int Id, int PoolId, string Title, EventKind Kind, DateTimeOffset StartsAt, DateTimeOffset EndsAt, bool IsPublic,
    bool IsCancelled, int? Capacity, int Registered, int Waiting, int CheckedIn);

/// <summary>The events of the pools the user coordinates: the coming ones first, then the history, page by page.</summary>
[Authorize(Roles = Roles.Administrator + "," + Roles.Coordinator)]
public sealed class IndexModel(AppDbContext db, TimeProvider time, PoolAccess access, PoolCatalog catalog, IStringLocalizer<IndexModel> text) : PageModel
{
    public const int PageSize = 25;

    public IReadOnlyList<PoolInfo> Pools { get; private set; } = [];
    public IReadOnlyList<ManagedEvent> Coming { get; private set; } = [];
    public IReadOnlyList<ManagedEvent> Past { get; private set; } = [];
    public int PageNumber { get; private set; } = 1;
    public int PageCount { get; private set; } = 1;
    public EventTexts Texts { get; } = new(text);

    public async Task OnGetAsync(int? page, CancellationToken ct)
    {
        var managed = await access.ManagedPoolIdsAsync(ct);
        Pools = (await catalog.AllAsync(ct)).Where(p => managed.Contains(p.Id)).ToList();
        var now = time.GetUtcNow();
        var events = db.Events.AsNoTracking().Where(e => managed.Contains(e.PoolId));
        Coming = await Project(events.Where(e => e.EndsAt >= now).OrderBy(e => e.StartsAt)).Take(200).ToListAsync(ct);
        var past = events.Where(e => e.EndsAt < now);
        PageCount = Math.Max(1, (await past.CountAsync(ct) + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(page ?? 1, 1, PageCount);
        Past = await Project(past.OrderByDescending(e => e.StartsAt)).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
    }

    public string PoolName(int id) => Pools.FirstOrDefault(p => p.Id == id)?.Name ?? "";

    private IQueryable<ManagedEvent> Project(IQueryable<Event> events) => events.Select(e => new ManagedEvent(e.Id, e.PoolId, e.Title, e.Kind, e.StartsAt, e.EndsAt,
        e.IsPublic, e.IsCancelled, e.Capacity,
        db.EventRegistrations.Count(r => r.EventId == e.Id && (r.Status == RegistrationStatus.Registered || r.Status == RegistrationStatus.Offered)),
        db.EventRegistrations.Count(r => r.EventId == e.Id && r.Status == RegistrationStatus.Waiting),
        db.EventRegistrations.Count(r => r.EventId == e.Id && r.CheckedInAt != null)));
}
