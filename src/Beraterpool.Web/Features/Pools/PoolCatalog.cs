using Beraterpool.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Pools;

/// <summary>What every request needs to know about a pool, kept in memory (pools change rarely).</summary>
public sealed record PoolInfo(int Id, string Slug, string Name, string BrandName, string? Claim, string ContactEmail,
    IReadOnlyList<string> StateCodes, string? Host, bool IsDefault, bool HasLogo, int AnnualDayQuota, decimal DayRate);

/// <summary>
/// The installation's pools, loaded once and reloaded after an administrator edits one, so that
/// resolving the pool of a request never costs a database round trip.
/// </summary>
public sealed class PoolCatalog(IServiceScopeFactory scopes)
{
    private volatile IReadOnlyList<PoolInfo>? _pools;
    private readonly SemaphoreSlim _loading = new(1, 1);

    public async ValueTask<IReadOnlyList<PoolInfo>> AllAsync(CancellationToken ct = default)
    {
        if (_pools is { } pools) return pools;
        await _loading.WaitAsync(ct);
        try
        {
            if (_pools is { } loaded) return loaded;
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var list = await db.Pools.AsNoTracking().OrderBy(p => p.Id)
                .Select(p => new PoolInfo(p.Id, p.Slug, p.Name, p.BrandName, p.Claim, p.ContactEmail, p.StateCodes, p.Host,
                    p.IsDefault, p.Logo != null, p.AnnualDayQuota, p.DayRate))
                .ToListAsync(ct);
            _pools = list;
            return list;
        }
        finally
        {
            _loading.Release();
        }
    }

    public async ValueTask<PoolInfo?> FindAsync(int id, CancellationToken ct = default) =>
        (await AllAsync(ct)).FirstOrDefault(p => p.Id == id);

    public void Invalidate() => _pools = null;
}
