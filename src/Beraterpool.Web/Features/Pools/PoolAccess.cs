using System.Security.Claims;
using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Pools;

/// <summary>Which pools the signed-in user may manage: all for administrators, their own for coordinators.</summary>
public sealed class PoolAccess(AppDbContext db, IHttpContextAccessor http)
{
    private int[]? _managed;

    public ClaimsPrincipal User => http.HttpContext?.User ?? new ClaimsPrincipal();
    public string? UserId => User.FindFirstValue(ClaimTypes.NameIdentifier);
    public bool IsAdministrator => User.IsInRole(Roles.Administrator);

    public async Task<int[]> ManagedPoolIdsAsync(CancellationToken ct = default)
    {
        if (_managed is not null) return _managed;
        if (IsAdministrator)
            _managed = await db.Pools.Select(p => p.Id).ToArrayAsync(ct);
        else if (UserId is { } id && User.IsInRole(Roles.Coordinator))
            _managed = await db.PoolCoordinators.Where(c => c.UserId == id).Select(c => c.PoolId).ToArrayAsync(ct);
        else
            _managed = [];
        return _managed;
    }

    public async Task<bool> CanManageAsync(int poolId, CancellationToken ct = default) =>
        (await ManagedPoolIdsAsync(ct)).Contains(poolId);
}
