using Beraterpool.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Tests.Data;

/// <summary>Each provider has its own migrations set; both must describe the current model exactly.</summary>
public sealed class MigrationsTests
{
    [Fact]
    public void Sqlite_migrations_have_no_pending_model_changes()
    {
        using var db = new SqliteDesignFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "Run tools/regen-migrations.sh (or add a migration) for SQLite.");
    }

    [Fact]
    public void Postgres_migrations_have_no_pending_model_changes()
    {
        using var db = new PostgresDesignFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "Run tools/regen-migrations.sh (or add a migration) for PostgreSQL.");
    }
}
