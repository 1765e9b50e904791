using Beraterpool.Web.Data;
using Microsoft.Extensions.Time.Testing;

namespace Beraterpool.Tests.Data;

/// <summary>The staleness rules of <see cref="VersionedCache{TKey, TValue}"/>, with a stored version in a field and a fake clock.</summary>
public sealed class VersionedCacheTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed class World
    {
        public readonly FakeTimeProvider Time = new(new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero));
        public readonly Dictionary<string, long> Stored = [];
        public int VersionReads;
        public int Loads;
        public string Data = "v0";
        public Action? DuringLoad;
        public Action<string>? Signal;

        public VersionedCache<int, string> Cache() => new(
            (key, _) => { VersionReads++; return Task.FromResult(Stored.GetValueOrDefault(key)); },
            handler => Signal += handler, Time, DataVersions.Pool,
            (_, _) => { Loads++; var data = Data; DuringLoad?.Invoke(); return Task.FromResult(data); });

        /// <summary>Another instance commits a change: new data and a bumped version, no signal here.</summary>
        public void ChangeElsewhere(string data, int poolId = 1)
        {
            Data = data;
            Stored[DataVersions.Pool(poolId)] = Stored.GetValueOrDefault(DataVersions.Pool(poolId)) + 1;
        }
    }

    [Fact]
    public async Task Value_is_loaded_once_and_served_from_memory_within_the_interval()
    {
        var world = new World();
        var cache = world.Cache();
        Assert.Equal("v0", await cache.GetAsync(1, Ct));
        world.Time.Advance(TimeSpan.FromMilliseconds(999));
        for (var i = 0; i < 100; i++) Assert.Equal("v0", await cache.GetAsync(1, Ct));
        Assert.Equal((1, 1), (world.Loads, world.VersionReads));
    }

    [Fact]
    public async Task Change_on_another_instance_is_seen_after_one_second_and_not_before()
    {
        var world = new World();
        var cache = world.Cache();
        await cache.GetAsync(1, Ct);
        world.ChangeElsewhere("v1");

        world.Time.Advance(TimeSpan.FromMilliseconds(900));
        Assert.Equal("v0", await cache.GetAsync(1, Ct));
        world.Time.Advance(TimeSpan.FromMilliseconds(100));
        Assert.Equal("v1", await cache.GetAsync(1, Ct));
        Assert.Equal(2, world.Loads);
    }

    [Fact]
    public async Task Unchanged_stored_version_costs_one_read_per_second_and_no_rebuild()
    {
        var world = new World();
        var cache = world.Cache();
        await cache.GetAsync(1, Ct);
        for (var second = 0; second < 5; second++)
        {
            world.Time.Advance(TimeSpan.FromSeconds(1));
            for (var i = 0; i < 10; i++) await cache.GetAsync(1, Ct);
        }
        Assert.Equal((1, 6), (world.Loads, world.VersionReads));
    }

    [Fact]
    public async Task Own_change_signal_rebuilds_at_once_without_waiting_for_the_interval()
    {
        var world = new World();
        var cache = world.Cache();
        await cache.GetAsync(1, Ct);
        world.ChangeElsewhere("v1");
        world.Signal!(DataVersions.Pool(1));
        Assert.Equal("v1", await cache.GetAsync(1, Ct));
        // The rebuild read the version too: the next check finds nothing new.
        world.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("v1", await cache.GetAsync(1, Ct));
        Assert.Equal(2, world.Loads);
    }

    [Fact]
    public async Task Signal_for_another_pool_leaves_this_one_alone()
    {
        var world = new World();
        var cache = world.Cache();
        await cache.GetAsync(1, Ct);
        await cache.GetAsync(2, Ct);
        world.Signal!(DataVersions.Pool(2));
        await cache.GetAsync(1, Ct);
        await cache.GetAsync(2, Ct);
        Assert.Equal(3, world.Loads);
    }

    [Fact]
    public async Task Change_committed_while_loading_is_picked_up_by_the_next_check()
    {
        // The version is read before the data: a change between the two is filed as not yet seen.
        var world = new World();
        var cache = world.Cache();
        world.DuringLoad = () => { world.DuringLoad = null; world.ChangeElsewhere("v1"); };
        Assert.Equal("v0", await cache.GetAsync(1, Ct));
        world.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("v1", await cache.GetAsync(1, Ct));
    }

    [Fact]
    public async Task Changes_elsewhere_one_after_the_other_are_each_seen()
    {
        var world = new World();
        var cache = world.Cache();
        await cache.GetAsync(1, Ct);
        world.ChangeElsewhere("v1");
        world.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("v1", await cache.GetAsync(1, Ct));
        world.ChangeElsewhere("v2");
        world.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("v2", await cache.GetAsync(1, Ct));
    }

    [Fact]
    public async Task Stored_version_that_goes_back_after_a_restore_is_a_change_too()
    {
        var world = new World();
        world.Stored[DataVersions.Pool(1)] = 7;
        var cache = world.Cache();
        await cache.GetAsync(1, Ct);
        world.Stored[DataVersions.Pool(1)] = 3;
        world.Data = "restored";
        world.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("restored", await cache.GetAsync(1, Ct));
        world.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("restored", await cache.GetAsync(1, Ct));
        Assert.Equal(2, world.Loads);
    }
}
