using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Demo;
using Beraterpool.Web.Features.Gazetteer;

namespace Beraterpool.Web.Data;

public static class StartupTasks
{
    /// <summary>At start: apply migrations, import the shipped register when empty, seed demo data when asked.</summary>
    public static async Task PrepareDatabaseAsync(this IServiceProvider services, IConfiguration config, IHostEnvironment env)
    {
        // The seed's accounts share a published password: never on a real installation.
        if (config.GetValue("Demo:Seed", false) && env.IsProduction())
            throw new InvalidOperationException("Demo:Seed is refused in the Production environment: the demo accounts share a published password.");
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.MigrateAsync();
        await GazetteerSetup.ImportShippedIfEmptyAsync(scope.ServiceProvider, config);

        await scope.ServiceProvider.EnsureRolesAsync();
        // Only on an empty installation: the seed never touches real data.
        if (config.GetValue("Demo:Seed", false))
        {
            await DemoSeed.SeedAsync(scope.ServiceProvider);
        }
    }
}
