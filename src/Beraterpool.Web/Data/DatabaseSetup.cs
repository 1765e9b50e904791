using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Beraterpool.Web.Data;

public enum DatabaseProvider { Sqlite, Postgres }

public static class DatabaseSetup
{
    /// <summary>Registers <see cref="AppDbContext"/> for <c>Database:Provider</c> (Sqlite by default) and <c>ConnectionStrings:Default</c>.</summary>
    public static IServiceCollection AddAppDatabase(this IServiceCollection services, IConfiguration config, IHostEnvironment env)
    {
        var provider = config.GetValue("Database:Provider", DatabaseProvider.Sqlite);
        var connectionString = config.GetConnectionString("Default");
        services.AddSingleton<DataVersions>();
        services.AddSingleton<DataVersions.CommitSignal>();
        if (provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Default is empty.");
            }
            services.AddDbContext<AppDbContext, PostgresAppDbContext>((sp, o) => o.UseNpgsql(connectionString)
                .AddInterceptors(sp.GetRequiredService<DataVersions.CommitSignal>()));
        }
        else
        {
            if (string.IsNullOrWhiteSpace(connectionString)) connectionString = DefaultSqlite(env.ContentRootPath);
            services.AddDbContext<AppDbContext, SqliteAppDbContext>((sp, o) => o.UseSqlite(connectionString, s => s.CommandTimeout(30))
                .AddInterceptors(new SqliteBusyTimeout(30_000), sp.GetRequiredService<DataVersions.CommitSignal>()));
        }
        return services;
    }

    public static string DefaultSqlite(string contentRoot)
    {
        var folder = Path.Combine(contentRoot, "App_Data");
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, "beraterpool.db")}";
    }

    /// <summary>Applies pending migrations; on SQLite also switches to WAL so readers never wait for a writer.</summary>
    public static async Task MigrateAsync(this AppDbContext db, CancellationToken ct = default)
    {
        if (db.Database.IsSqlite())
        {
            var path = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            var dir = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        }
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
    }
}

// Design-time factories: `dotnet ef migrations add X --context SqliteAppDbContext --output-dir Data/Migrations/Sqlite`.
public sealed class SqliteDesignFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=design.db").Options);
}

public sealed class PostgresDesignFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql("Host=localhost;Database=design").Options);
}
