using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beraterpool.Tests.Data;

/// <summary>The stored versions on the real database: atomic increments, only committed changes count and signal.</summary>
public sealed class DataVersionsTests(DataVersionsTests.App app) : IClassFixture<DataVersionsTests.App>
{
    public sealed class App() : TestApp(importGazetteer: false);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private DataVersions Versions => app.Services.GetRequiredService<DataVersions>();

    [Fact]
    public async Task Concurrent_bumps_are_all_counted()
    {
        const string key = "test:concurrent";
        await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(async () =>
        {
            await using var scope = app.Scope();
            await Versions.SaveChangesAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), key, Ct);
        }, Ct)));
        Assert.Equal(12, await Versions.ReadAsync(key, Ct));
    }

    [Fact]
    public async Task Bump_in_a_rolled_back_transaction_neither_counts_nor_signals()
    {
        const string key = "test:rollback";
        var signals = new List<string>();
        Versions.Changed += signals.Add;
        try
        {
            await using var scope = app.Scope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await using (var tx = await db.Database.BeginTransactionAsync(Ct))
            {
                await Versions.SaveChangesAsync(db, key, Ct);
                Assert.DoesNotContain(key, signals); // not before the commit
                await tx.RollbackAsync(Ct);
            }
            Assert.Equal(0, await Versions.ReadAsync(key, Ct));
            Assert.DoesNotContain(key, signals);

            await using (var tx = await db.Database.BeginTransactionAsync(Ct))
            {
                await Versions.SaveChangesAsync(db, key, Ct);
                await tx.CommitAsync(Ct);
            }
            Assert.Equal(1, await Versions.ReadAsync(key, Ct));
            Assert.Contains(key, signals);
        }
        finally
        {
            Versions.Changed -= signals.Add;
        }
    }

    [Fact]
    public async Task Version_is_saved_with_the_change_it_reflects()
    {
        const string key = "test:together";
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Add(new DataVersion { Key = key, Version = 41 });
        await Versions.SaveChangesAsync(db, key, Ct);
        Assert.Equal(42, await db.DataVersions.AsNoTracking().Where(v => v.Key == key).Select(v => v.Version).SingleAsync(Ct));
    }
}
