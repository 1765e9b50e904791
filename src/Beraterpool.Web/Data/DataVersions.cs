using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beraterpool.Web.Data;

/// <summary>One stored version: a counter that every change of what <see cref="Key"/> covers increments.</summary>
public sealed class DataVersion
{
    public string Key { get; set; } = "";
    public long Version { get; set; }
}

public sealed class DataVersionConfiguration : IEntityTypeConfiguration<DataVersion>
{
    public void Configure(EntityTypeBuilder<DataVersion> b)
    {
        b.ToTable("DataVersions");
        b.HasKey(v => v.Key);
        b.Property(v => v.Key).HasMaxLength(100);
    }
}

/// <summary>
/// Versions of what app instances keep in memory, stored in the database, so that every instance learns of a change
/// made by another one (or by the command-line tool): one key per pool, <see cref="Pool"/> (its advisors, profiles,
/// consents, topics, and the register's city names they show), and one for the installation, <see cref="Catalogue"/>
/// (the pools themselves).
/// <para>Writers save through <see cref="SaveChangesAsync(AppDbContext, IEnumerable{string}, CancellationToken)"/>
/// instead of <c>db.SaveChangesAsync</c>, naming the keys the change touches: the changes and the increments go into
/// one transaction (the caller's, when one is open), and once it commits this instance's caches hear of it at once
/// (<see cref="Changed"/>), so the writer's next page already shows the change. A change made with
/// <c>ExecuteUpdate</c>/<c>ExecuteDelete</c> opens a transaction, makes it, and calls the same method before committing.</para>
/// <para>Readers keep their values in a <see cref="VersionedCache{TKey, TValue}"/>, which compares the stored version
/// at most once a second per key and rebuilds what is stale.</para>
/// <para>The increment is one atomic upsert (the row is made by the first change), so of two concurrent changes both
/// count: a reader that saw the first one still sees the second as a change. Keys are bumped in one order, so two
/// writers bumping several keys cannot deadlock.</para>
/// </summary>
public sealed class DataVersions(IServiceScopeFactory scopes)
{
    /// <summary>The installation's pools (names, slugs, hosts, branding): the pool catalogue.</summary>
    public const string Catalogue = "pools";

    /// <summary>Everything the directory and the matching snapshot show of one pool.</summary>
    public static string Pool(int poolId) => $"pool:{poolId}";

    /// <summary>Raised on this instance after a transaction that bumped <c>key</c> committed.</summary>
    public event Action<string>? Changed;

    // Keys bumped in a transaction that has not committed yet, per context (a context is used by one thread at a time).
    private readonly ConditionalWeakTable<DbContext, HashSet<string>> _pending = new();

    public Task SaveChangesAsync(AppDbContext db, string key, CancellationToken ct = default) => SaveChangesAsync(db, [key], ct);

    public async Task SaveChangesAsync(AppDbContext db, IEnumerable<string> keys, CancellationToken ct = default)
    {
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            await db.SaveChangesAsync(ct);
            foreach (var key in keys.Distinct().Order(StringComparer.Ordinal))
            {
                await db.Database.ExecuteSqlAsync(
                    $"""INSERT INTO "DataVersions" ("Key", "Version") VALUES ({key}, 1) ON CONFLICT ("Key") DO UPDATE SET "Version" = "DataVersions"."Version" + 1""", ct);
                _pending.GetOrCreateValue(db).Add(key);
            }
            if (own is not null) await own.CommitAsync(ct);
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }

    /// <summary>The stored version of <paramref name="key"/>; 0 before its first change.</summary>
    public async Task<long> ReadAsync(string key, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.DataVersions.AsNoTracking().Where(v => v.Key == key).Select(v => v.Version).FirstOrDefaultAsync(ct);
    }

    private void Committed(DbContext? db)
    {
        if (db is null || !_pending.TryGetValue(db, out var keys)) return;
        _pending.Remove(db);
        foreach (var key in keys) Changed?.Invoke(key);
    }

    private void RolledBack(DbContext? db)
    {
        if (db is not null) _pending.Remove(db);
    }

    /// <summary>Registered on every <see cref="AppDbContext"/>: tells <see cref="Changed"/> only what was committed.</summary>
    public sealed class CommitSignal(DataVersions versions) : DbTransactionInterceptor
    {
        public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
            versions.Committed(eventData.Context);

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            versions.Committed(eventData.Context);
            return Task.CompletedTask;
        }

        public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
            versions.RolledBack(eventData.Context);

        public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            versions.RolledBack(eventData.Context);
            return Task.CompletedTask;
        }
    }
}
