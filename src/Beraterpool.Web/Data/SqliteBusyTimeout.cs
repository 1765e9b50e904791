using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Beraterpool.Web.Data;

/// <summary>
/// Lets SQLite itself wait for the write lock (PRAGMA busy_timeout: retries after 1, 2, 5, 10 … ms) instead of
/// Microsoft.Data.Sqlite's managed retry, which sleeps 150 ms per SQLITE_BUSY. With 50 concurrent day logs that
/// sleep alone capped throughput at about 160 logs/s; the native handler keeps writers queued tightly. The managed
/// retry still applies on top until the command timeout.
/// Also synchronous=NORMAL, the setting SQLite recommends with WAL: commits no longer wait for an fsync of the log
/// (the database cannot be corrupted; a power cut may lose the last commits, not an application crash).
/// </summary>
public sealed class SqliteBusyTimeout(int milliseconds) : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = Command(connection);
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = Command(connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private DbCommand Command(DbConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {milliseconds}; PRAGMA synchronous = NORMAL;";
        return command;
    }
}
