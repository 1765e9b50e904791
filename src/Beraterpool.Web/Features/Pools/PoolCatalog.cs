using Beraterpool.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Pools;

/// <summary>What every request needs to know about a pool, kept in memory (pools change rarely).</summary>
public sealed record PoolInfo(int Id, string Slug, string Name, string BrandName, string? Claim, string ContactEmail,
    IReadOnlyList<string> StateCodes, string? Host, bool IsDefault, bool HasLogo, int AnnualDayQuota, decimal DayRate);

/// <summary>
/// The installation's pools, kept in memory and reloaded after an administrator edits one (the
/// <see cref="DataVersions.Catalogue"/> version, on every instance), so that resolving the pool of a request never
/// costs a database round trip.
/// </summary>
public sealed class PoolCatalog
{
    private readonly IServiceScopeFactory _scopes;
    private readonly VersionedCache<string, IReadOnlyList<PoolInfo>> _pools;

    public PoolCatalog(IServiceScopeFactory scopes, DataVersions versions, TimeProvider time)
    {
        _scopes = scopes;
        _pools = new(versions, time, key => key, (_, ct) => LoadAsync(ct));
    }

    public ValueTask<IReadOnlyList<PoolInfo>> AllAsync(CancellationToken ct = default) => _pools.GetAsync(DataVersions.Catalogue, ct);

    public async ValueTask<PoolInfo?> FindAsync(int id, CancellationToken ct = default) =>
        (await AllAsync(ct)).FirstOrDefault(p => p.Id == id);

    private async Task<IReadOnlyList<PoolInfo>> LoadAsync(CancellationToken ct)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Pools.AsNoTracking().OrderBy(p => p.Id)
            .Select(p => new PoolInfo(p.Id, p.Slug, p.Name, p.BrandName, p.Claim, p.ContactEmail, p.StateCodes, p.Host,
                p.IsDefault, p.Logo != null, p.AnnualDayQuota, p.DayRate))
            .ToListAsync(ct);
    }
}
