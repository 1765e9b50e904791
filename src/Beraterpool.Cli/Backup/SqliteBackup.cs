using Microsoft.Data.Sqlite;

namespace Beraterpool.Cli.Backup;

/// <summary>
/// SQLite through its online backup API: the copy is one consistent state of the database even while the app writes
/// (the API restarts when a page changes under it), which copying the file (and its -wal beside it) is not.
/// </summary>
public static class SqliteBackup
{
    public static async Task<string> CopyAsync(string connectionString, string destination, CancellationToken ct)
    {
        var source = Existing(connectionString, SqliteOpenMode.ReadWrite);
        try
        {
            await using var from = new SqliteConnection(source.ToString());
            await from.OpenAsync(ct);
            await using var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = destination, Pooling = false }.ToString());
            await to.OpenAsync(ct);
            from.BackupDatabase(to);
            // The copy carries the app's WAL mode; as a backup it is one self-contained file, never with a -wal beside it.
            await PragmaAsync(to, "PRAGMA journal_mode=DELETE", ct);
            return await DatabaseSummary.SqliteAsync(to, ct);
        }
        catch (SqliteException e)
        {
            throw new BackupException($"SQLite backup of {source.DataSource} failed: {e.Message}");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
        }
    }

    public static async Task<string> RestoreAsync(string connectionString, string backup, bool force, CancellationToken ct)
    {
        var target = new SqliteConnectionStringBuilder(connectionString) { Pooling = false };
        var targetPath = Path.GetFullPath(target.DataSource);
        try
        {
            await using var from = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = backup, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            await from.OpenAsync(ct);
            await using (var check = from.CreateCommand())
            {
                check.CommandText = "PRAGMA quick_check";
                if (await check.ExecuteScalarAsync(ct) is not "ok") throw new BackupException($"{backup} is damaged (PRAGMA quick_check fails); nothing was restored.");
            }
            if (!await DatabaseSummary.HasMigrationsAsync(from, ct)) throw new BackupException($"{backup} is an SQLite database but no Beraterpool database (no __EFMigrationsHistory); nothing was restored.");

            var replaced = "";
            if (File.Exists(targetPath))
            {
                await using var existing = new SqliteConnection(target.ToString());
                await existing.OpenAsync(ct);
                var tables = await DatabaseSummary.SqliteTablesAsync(existing, ct);
                if (tables.Count > 0 && !force)
                    throw new BackupException($"{targetPath} is not empty ({tables.Count} tables); nothing was restored. "
                                              + "Stop the app and pass --force to replace the database with the backup.");
                if (tables.Count > 0) replaced = $" It replaced a database of {tables.Count} tables.";
            }
            else if (Path.GetDirectoryName(targetPath) is { } folder) Directory.CreateDirectory(folder);

            await using var to = new SqliteConnection(target.ToString());
            await to.OpenAsync(ct);
            from.BackupDatabase(to);
            await PragmaAsync(to, "PRAGMA journal_mode=WAL", ct); // as the app runs it (DatabaseSetup.MigrateAsync)
            return $"Restored {backup} into {targetPath}: {await DatabaseSummary.SqliteAsync(to, ct)}.{replaced}";
        }
        catch (SqliteException e)
        {
            throw new BackupException($"SQLite restore into {targetPath} failed: {e.Message}");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
        }
    }

    private static async Task PragmaAsync(SqliteConnection connection, string pragma, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = pragma;
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Opening a missing file would create an empty database and "back it up"; say it is missing instead.</summary>
    private static SqliteConnectionStringBuilder Existing(string connectionString, SqliteOpenMode mode)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { Mode = mode, Pooling = false };
        if (!File.Exists(builder.DataSource)) throw new BackupException($"Database file not found: {Path.GetFullPath(builder.DataSource)}");
        return builder;
    }
}
