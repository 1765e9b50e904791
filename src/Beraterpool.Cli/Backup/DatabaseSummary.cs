using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Beraterpool.Cli.Backup;

/// <summary>What a backup or restore holds, in one line for the operator: tables, rows, the last migration.</summary>
public static class DatabaseSummary
{
    public static async Task<IReadOnlyList<string>> SqliteTablesAsync(SqliteConnection connection, CancellationToken ct) =>
        await ListAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name", ct);

    public static async Task<IReadOnlyList<string>> PostgresTablesAsync(NpgsqlConnection connection, CancellationToken ct) =>
        await ListAsync(connection, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name", ct);

    public static async Task<string> SqliteAsync(SqliteConnection connection, CancellationToken ct) =>
        await SummaryAsync(connection, await SqliteTablesAsync(connection, ct), ct);

    public static async Task<string> PostgresAsync(NpgsqlConnection connection, CancellationToken ct) =>
        await SummaryAsync(connection, await PostgresTablesAsync(connection, ct), ct);

    public static async Task<bool> HasMigrationsAsync(SqliteConnection connection, CancellationToken ct) =>
        (await SqliteTablesAsync(connection, ct)).Contains("__EFMigrationsHistory");

    private static async Task<string> SummaryAsync(DbConnection connection, IReadOnlyList<string> tables, CancellationToken ct)
    {
        long rows = 0;
        foreach (var table in tables)
            rows += Convert.ToInt64(await ScalarAsync(connection, $"SELECT COUNT(*) FROM {Quote(table)}", ct), System.Globalization.CultureInfo.InvariantCulture);
        var migration = tables.Contains("__EFMigrationsHistory")
            ? await ScalarAsync(connection, "SELECT MAX(\"MigrationId\") FROM \"__EFMigrationsHistory\"", ct) as string
            : null;
        return $"{tables.Count} tables, {rows:N0} rows, last migration {migration ?? "none"}";
    }

    /// <summary>Table names come from the database's own catalogue; quoted so that mixed case survives on PostgreSQL.</summary>
    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";

    private static async Task<object?> ScalarAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(ct);
    }

    private static async Task<IReadOnlyList<string>> ListAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(ct);
        var names = new List<string>();
        while (await reader.ReadAsync(ct)) names.Add(reader.GetString(0));
        return names;
    }
}
