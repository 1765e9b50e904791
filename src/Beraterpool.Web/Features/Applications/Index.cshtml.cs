using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Pools;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Applications;

public sealed record OpenCall(int Id, string Title, string? Eligibility, DateTimeOffset OpensAt, DateTimeOffset ClosesAt);

/// <summary>The current pool's open calls.</summary>
[AllowAnonymous]
public sealed class IndexModel(AppDbContext db, CurrentPool current, TimeProvider time, IStringLocalizer<IndexModel> text) : PageModel
{
    public PoolInfo? Pool { get; private set; }
    public IReadOnlyList<OpenCall> Calls { get; private set; } = [];
    public CallTexts Texts { get; } = new(text);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Pool = current.Pool;
        if (Pool is null) return;
        Calls = await OpenAsync(db, Pool.Id, time.GetUtcNow(), ct);
    }

    /// <summary>The calls of the pool one can apply to now, the nearest deadline first (also for the pool's home page).</summary>
    public static async Task<IReadOnlyList<OpenCall>> OpenAsync(AppDbContext db, int poolId, DateTimeOffset now, CancellationToken ct) =>
        await db.Calls.AsNoTracking().Where(c => c.PoolId == poolId && c.OpensAt <= now && c.ClosesAt > now).OrderBy(c => c.ClosesAt).Take(50)
            .Select(c => new OpenCall(c.Id, c.Title, c.Eligibility, c.OpensAt, c.ClosesAt)).ToListAsync(ct);
}
