using System.Collections.Concurrent;

namespace Beraterpool.Web.Data;

/// <summary>
/// One in-memory value per key (a pool's directory index, its matching snapshot, the pool catalogue), kept in step with
/// its <see cref="DataVersions"/> key: rebuilt before the next read after this instance's own change signal, and within
/// <see cref="CheckInterval"/> (plus the rebuild) of a change made anywhere else, whose stored version one request per
/// key reads at most once per interval while the others answer from the value they have.
/// <para>The version is read before the data, so a value is never filed under a newer version than the data it holds;
/// a change committed in between only costs one more rebuild. Readers never wait for each other: a value is immutable
/// and swapped in one reference write; only rebuilds of one key wait for each other.</para>
/// </summary>
public sealed class VersionedCache<TKey, TValue> where TKey : notnull where TValue : class
{
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(1);

    private readonly Func<string, CancellationToken, Task<long>> _readVersion;
    private readonly TimeProvider _time;
    private readonly Func<TKey, string> _versionKey;
    private readonly Func<TKey, CancellationToken, Task<TValue>> _load;
    private readonly ConcurrentDictionary<TKey, Slot> _slots = new();

    public VersionedCache(DataVersions versions, TimeProvider time, Func<TKey, string> versionKey, Func<TKey, CancellationToken, Task<TValue>> load)
        : this(versions.ReadAsync, handler => versions.Changed += handler, time, versionKey, load)
    {
    }

    /// <summary>With the stored versions and the change signal given directly (tests).</summary>
    public VersionedCache(Func<string, CancellationToken, Task<long>> readVersion, Action<Action<string>> subscribe, TimeProvider time,
        Func<TKey, string> versionKey, Func<TKey, CancellationToken, Task<TValue>> load)
    {
        (_readVersion, _time, _versionKey, _load) = (readVersion, time, versionKey, load);
        subscribe(Signalled);
    }

    private sealed class Slot(string versionKey)
    {
        public readonly string VersionKey = versionKey;
        public long Signals;   // this instance's change signals for the key
        public long Stored;    // the stored version read last
        public long CheckedAt; // timestamp (TimeProvider) of the start of the last read of the stored version
        public int Checking;
        public volatile Built? Current;
        public readonly SemaphoreSlim Building = new(1, 1);
    }

    private sealed record Built(TValue Value, long Signals, long Stored);

    public async ValueTask<TValue> GetAsync(TKey key, CancellationToken ct = default)
    {
        var slot = _slots.GetOrAdd(key, k => new Slot(_versionKey(k)));
        if (slot.Current is { } current)
        {
            if (_time.GetElapsedTime(Interlocked.Read(ref slot.CheckedAt)) >= CheckInterval && Interlocked.CompareExchange(ref slot.Checking, 1, 0) == 0)
            {
                try { await CheckAsync(slot, ct); }
                finally { Volatile.Write(ref slot.Checking, 0); }
                current = slot.Current;
            }
            if (IsCurrent(slot, current)) return current.Value;
        }
        return await RebuildAsync(key, slot, ct);
    }

    /// <summary>This instance changed what <paramref name="key"/>'s value holds (without a stored version, e.g. a benchmark's cold run).</summary>
    public void MarkStale(TKey key) => Interlocked.Increment(ref _slots.GetOrAdd(key, k => new Slot(_versionKey(k))).Signals);

    private void Signalled(string versionKey)
    {
        foreach (var slot in _slots.Values)
            if (slot.VersionKey == versionKey) Interlocked.Increment(ref slot.Signals);
    }

    private static bool IsCurrent(Slot slot, Built built) =>
        built.Signals == Interlocked.Read(ref slot.Signals) && built.Stored == Interlocked.Read(ref slot.Stored);

    private async Task<long> CheckAsync(Slot slot, CancellationToken ct)
    {
        var started = _time.GetTimestamp();
        var stored = await _readVersion(slot.VersionKey, ct);
        // Compared for equality only (a restored backup may go back); should an older read land last, it costs a rebuild.
        Interlocked.Exchange(ref slot.Stored, stored);
        Interlocked.Exchange(ref slot.CheckedAt, started);
        return stored;
    }

    private async Task<TValue> RebuildAsync(TKey key, Slot slot, CancellationToken ct)
    {
        await slot.Building.WaitAsync(ct);
        try
        {
            // Until the value is as new as the last signal and the stored version last read (either may move mid-build).
            while (slot.Current is not { } built || !IsCurrent(slot, built))
            {
                var signals = Interlocked.Read(ref slot.Signals);
                var stored = await CheckAsync(slot, ct);
                slot.Current = new Built(await _load(key, ct), signals, stored);
            }
            return slot.Current.Value;
        }
        finally
        {
            slot.Building.Release();
        }
    }
}
