namespace Beraterpool.Web.Features.Advisors;

/// <summary>
/// Tells whoever keeps derived views of advisors (the in-memory public directory) that a pool's advisors,
/// profiles or consents changed. Pages that write advisor data call <see cref="Changed"/> after saving;
/// a withdrawn consent must disappear from public views at once.
/// </summary>
public sealed class AdvisorChanges
{
    public event Action<int>? PoolChanged;

    public void Changed(int poolId) => PoolChanged?.Invoke(poolId);
}
