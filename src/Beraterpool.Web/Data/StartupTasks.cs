using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Demo;
using Beraterpool.Web.Features.Gazetteer;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Data;

public static class StartupTasks
{
    public const string MigrateOnStartKey = "Database:MigrateOnStart";

    /// <summary>
    /// At start: apply migrations, import the shipped register when empty, seed demo data when asked. With
    /// <c>Database:MigrateOnStart=false</c> (migrations run by the <c>migrate</c> command, e.g. once per deployment
    /// before several instances start) nothing is migrated here: on a database that still lacks migrations the app
    /// starts without touching it, logs a warning and answers <c>/health/ready</c> with 503 until the command ran
    /// (which does the rest of this preparation too). <paramref name="migrate"/>: the command, always.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this IServiceProvider services, IConfiguration config, IHostEnvironment env, bool migrate = false)
    {
        // The seed's accounts share a published password: never on a real installation.
        if (config.GetValue("Demo:Seed", false) && env.IsProduction())
            throw new InvalidOperationException("Demo:Seed is refused in the Production environment: the demo accounts share a published password.");
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (migrate || config.GetValue(MigrateOnStartKey, true))
        {
            await db.MigrateAsync();
        }
        else if (!await db.Database.CanConnectAsync() || (await db.Database.GetPendingMigrationsAsync()).Any())
        {
            scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StartupTasks)).LogWarning(
                "The database lacks migrations and {Setting} is false: not ready until the migrate command has run", MigrateOnStartKey);
            return;
        }
        await GazetteerSetup.ImportShippedIfEmptyAsync(scope.ServiceProvider, config);

        await scope.ServiceProvider.EnsureRolesAsync();
        // Only on an empty installation: the seed never touches real data.
        if (config.GetValue("Demo:Seed", false))
        {
            await DemoSeed.SeedAsync(scope.ServiceProvider);
        }
    }
}
