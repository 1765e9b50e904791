using Beraterpool.Web.Features.Accounts;

namespace Beraterpool.Web.Data;

public static class StartupTasks
{
    /// <summary>At start: apply migrations, import the shipped register when empty, seed demo data when asked.</summary>
    public static async Task PrepareDatabaseAsync(this IServiceProvider services, IConfiguration config, IHostEnvironment env)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.MigrateAsync();
        await scope.ServiceProvider.EnsureRolesAsync();
    }
}
