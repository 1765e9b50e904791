using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Bench;

/// <summary>The benchmark's hooks in the app: <c>seed-synthetic</c> and, only when <c>Bench:Plaintext</c> is on, <c>/plaintext</c>.</summary>
public static class BenchSetup
{
    public static IServiceCollection AddBench(this IServiceCollection services)
    {
        AppCommands.Register("seed-synthetic", SeedSyntheticAsync);
        AppCommands.Register("bench-urls", WriteBenchUrlsAsync);
        return services;
    }

    /// <summary>The server's own ceiling, measured in the same run as the directory (bench/run.sh).</summary>
    public static WebApplication MapBench(this WebApplication app)
    {
        if (app.Configuration.GetValue<bool>("Bench:Plaintext"))
            app.MapGet("/plaintext", () => Results.Text("Hello, World!")).AllowAnonymous();
        return app;
    }

    private const string Usage = "Usage: seed-synthetic <n> [--pools 16] [--seed 42] [--force]";

    /// <summary><c>seed-synthetic &lt;n&gt; [--pools 16] [--seed 42] [--force]</c></summary>
    private static async Task<int> SeedSyntheticAsync(WebApplication app, string[] args)
    {
        if (!TryParse(args, out var count, out var pools, out var seed, out var force))
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        // The same preparation as a start (migrations, the shipped register when configured) so cities are real.
        await app.Services.PrepareDatabaseAsync(app.Configuration, app.Environment);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (!force && await db.Advisors.AnyAsync())
        {
            await Console.Error.WriteLineAsync("The database already has advisors; seed-synthetic adds to it only with --force.");
            return 1;
        }

        Console.WriteLine($"Seeding {count:N0} synthetic advisors across {pools} pools (seed {seed}) …");
        var result = await SyntheticData.SeedAsync(db, count, pools, seed, Console.Out);
        Console.WriteLine($"Done: {result.Advisors:N0} advisors in {result.Pools} pools in {result.Elapsed.TotalSeconds:F1} s.");
        return 0;
    }

    /// <summary><c>bench-urls &lt;file.lua&gt; [--count 20000] [--seed 7]</c>: the rotating directory addresses as a wrk script.</summary>
    private static async Task<int> WriteBenchUrlsAsync(WebApplication app, string[] args)
    {
        var count = 20_000;
        var seed = 7;
        if (args.Length is not (1 or 3 or 5) || args[0].StartsWith('-')
            || !OptionalInt(args, "--count", ref count) || !OptionalInt(args, "--seed", ref seed))
        {
            await Console.Error.WriteLineAsync("Usage: bench-urls <file.lua> [--count 20000] [--seed 7]");
            return 2;
        }
        await using var scope = app.Services.CreateAsyncScope();
        var urls = await BenchUrls.GenerateAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), count, seed);
        if (urls.Count == 0)
        {
            await Console.Error.WriteLineAsync("No pools in the database: run seed-synthetic first.");
            return 1;
        }
        await File.WriteAllTextAsync(args[0], BenchUrls.WrkScript(urls));
        Console.WriteLine($"{urls.Count:N0} directory addresses written to {args[0]}.");
        return 0;
    }

    private static bool OptionalInt(string[] args, string name, ref int value)
    {
        var i = Array.IndexOf(args, name);
        return i < 0 || (i + 1 < args.Length && int.TryParse(args[i + 1], out value) && value > 0);
    }

    public static bool TryParse(string[] args, out int count, out int pools, out int seed, out bool force)
    {
        count = 0; pools = 16; seed = 42; force = false;
        var positional = 0;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--force": force = true; break;
                case "--pools" when i + 1 < args.Length && int.TryParse(args[i + 1], out pools) && pools is >= 1 and <= 99: i++; break;
                case "--seed" when i + 1 < args.Length && int.TryParse(args[i + 1], out seed): i++; break;
                default:
                    if (positional++ > 0 || !int.TryParse(args[i], out count) || count < 1) return false;
                    break;
            }
        }
        return positional == 1;
    }
}
