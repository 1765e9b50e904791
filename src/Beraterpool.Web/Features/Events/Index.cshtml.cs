using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Pools;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Events;

public sealed record EventListItem(int Id, string Title, EventKind Kind, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Place, bool Online,
    bool IsCancelled, int? Capacity, int Taken);

/// <summary>The pool's public events: what is coming (with free places), and the history, newest first, page by page.</summary>
[AllowAnonymous]
public sealed class IndexModel(AppDbContext db, CurrentPool current, TimeProvider time, IStringLocalizer<IndexModel> text) : PageModel
{
    public const int PageSize = 20;

    public PoolInfo? Pool { get; private set; }
    public IReadOnlyList<EventListItem> Coming { get; private set; } = [];
    public IReadOnlyList<EventListItem> Past { get; private set; } = [];
    public int PageNumber { get; private set; } = 1;
    public int PageCount { get; private set; } = 1;
    public EventTexts Texts { get; } = new(text);

    public async Task OnGetAsync(int? page, CancellationToken ct)
    {
        Pool = current.Pool;
        if (Pool is null) return;
        var now = time.GetUtcNow();
        var events = db.Events.AsNoTracking().Where(e => e.PoolId == Pool.Id && e.IsPublic);
        Coming = await Project(events.Where(e => e.EndsAt >= now).OrderBy(e => e.StartsAt)).Take(100).ToListAsync(ct);
        var past = events.Where(e => e.EndsAt < now);
        PageCount = Math.Max(1, (await past.CountAsync(ct) + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(page ?? 1, 1, PageCount);
        Past = await Project(past.OrderByDescending(e => e.StartsAt)).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
    }

    private IQueryable<EventListItem> Project(IQueryable<Event> events) => events.Select(e => new EventListItem(e.Id, e.Title, e.Kind, e.StartsAt, e.EndsAt,
        e.Place, e.OnlineUrl != null, e.IsCancelled, e.Capacity,
        db.EventRegistrations.Count(r => r.EventId == e.Id && (r.Status == RegistrationStatus.Registered || r.Status == RegistrationStatus.Offered))));
}
