using Beraterpool.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Cli.Synthetic;

/// <summary><c>seed-synthetic</c> and <c>bench-urls</c>: the data and the addresses of bench/run.sh.</summary>
public static class SyntheticCommands
{
    public static async Task<int> SeedAsync(WebApplication app, int count, int pools, int seed, bool force, CancellationToken ct)
    {
        // The same preparation as a start (migrations, the shipped register when configured) so cities are real.
        await app.Services.PrepareDatabaseAsync(app.Configuration, app.Environment);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (!force && await db.Advisors.AnyAsync(ct))
        {
            await Console.Error.WriteLineAsync("The database already has advisors; seed-synthetic adds to it only with --force.");
            return 1;
        }

        Console.WriteLine($"Seeding {count:N0} synthetic advisors across {pools} pools (seed {seed}) …");
        var result = await SyntheticData.SeedAsync(db, count, pools, seed, Console.Out, ct);
        // A running app holds the pools and directories in memory: tell it, as every other change does.
        var poolIds = await db.Pools.Select(p => p.Id).ToListAsync(ct);
        await app.Services.GetRequiredService<DataVersions>().SaveChangesAsync(db, [DataVersions.Catalogue, .. poolIds.Select(DataVersions.Pool)], ct);
        Console.WriteLine($"Done: {result.Advisors:N0} advisors in {result.Pools} pools in {result.Elapsed.TotalSeconds:F1} s.");
        return 0;
    }

    public static async Task<int> WriteUrlsAsync(WebApplication app, string file, int count, int seed, CancellationToken ct)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var urls = await BenchUrls.GenerateAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), count, seed, ct);
        if (urls.Count == 0)
        {
            await Console.Error.WriteLineAsync("No pools in the database: run seed-synthetic first.");
            return 1;
        }
        await File.WriteAllTextAsync(file, BenchUrls.WrkScript(urls), ct);
        Console.WriteLine($"{urls.Count:N0} directory addresses written to {file}.");
        return 0;
    }
}
