using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Advisors;
using Beraterpool.Web.Features.Pools;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Handbooks;

/// <summary>
/// Who reads which handbooks of a pool: everybody the public ones; the pool's advisors (in qualification, active or
/// paused) also those for advisors; the pool's coordinators and the administrators all of them.
/// </summary>
public sealed class HandbookReaders(AppDbContext db, PoolAccess access)
{
    private static readonly AdvisorStatus[] Members = [AdvisorStatus.InQualification, AdvisorStatus.Active, AdvisorStatus.Paused];
    private readonly Dictionary<int, HandbookVisibility> _byPool = [];

    /// <summary>The most restricted visibility the signed-in user may read in the pool; every level up to it is readable.</summary>
    public async Task<HandbookVisibility> UpToAsync(int poolId, CancellationToken ct = default)
    {
        if (_byPool.TryGetValue(poolId, out var known)) return known;
        var level = HandbookVisibility.Public;
        if (await access.CanManageAsync(poolId, ct)) level = HandbookVisibility.Coordinators;
        else if (access.UserId is { } id && await db.Advisors.AnyAsync(a => a.PoolId == poolId && a.UserId == id && Members.Contains(a.Status), ct))
            level = HandbookVisibility.Advisors;
        return _byPool[poolId] = level;
    }

    /// <summary>The pool's handbooks this user may read.</summary>
    public async Task<IQueryable<Handbook>> ReadableAsync(int poolId, CancellationToken ct = default)
    {
        var level = await UpToAsync(poolId, ct);
        return db.Handbooks.AsNoTracking().Where(h => h.PoolId == poolId && h.Visibility <= level);
    }
}
