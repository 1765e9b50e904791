using Beraterpool.Web.Features.Pools;

namespace Beraterpool.Web.Features.Impact;

/// <summary>Which pool an office page about reports shows: the one asked for if the user coordinates it, else the first of theirs.</summary>
public sealed class ImpactPools(PoolAccess access, PoolCatalog catalog)
{
    public async Task<(IReadOnlyList<PoolInfo> Managed, PoolInfo? Chosen)> ChooseAsync(int? poolId, CancellationToken ct)
    {
        var ids = await access.ManagedPoolIdsAsync(ct);
        var managed = (await catalog.AllAsync(ct)).Where(p => ids.Contains(p.Id)).OrderBy(p => p.Name, StringComparer.CurrentCulture).ToList();
        var chosen = poolId is { } id ? managed.FirstOrDefault(p => p.Id == id) : managed.FirstOrDefault();
        return (managed, chosen);
    }
}
