using System.Diagnostics;
using System.Text;
using Npgsql;

namespace Beraterpool.Cli.Backup;

/// <summary>
/// PostgreSQL through pg_dump's custom format (-Fc: compressed, one consistent snapshot while the app runs) and
/// pg_restore. The tools get the connection as one libpq connection string in one argument and the password in
/// PGPASSWORD, never through a shell, so no value of the configuration is ever parsed as a command.
/// </summary>
public static class PostgresBackup
{
    public static async Task<string> DumpAsync(string connectionString, string destination, CancellationToken ct)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        await RunAsync("pg_dump", settings, ["--format=custom", "--no-password", $"--file={destination}", $"--dbname={ConnInfo(settings)}"], ct);
        await using var connection = await OpenAsync(settings, ct);
        return await DatabaseSummary.PostgresAsync(connection, ct);
    }

    public static async Task<string> RestoreAsync(string connectionString, string dump, bool force, CancellationToken ct)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        var database = DatabaseName(settings);
        var created = await EnsureDatabaseAsync(settings, database, ct);
        var replaced = "";
        if (!created)
        {
            await using var existing = await OpenAsync(settings, ct);
            var tables = await DatabaseSummary.PostgresTablesAsync(existing, ct);
            if (tables.Count > 0 && !force)
                throw new BackupException($"Database {database} is not empty ({tables.Count} tables); nothing was restored. "
                                          + "Stop the app and pass --force to replace the database with the backup.");
            if (tables.Count > 0)
            {
                await DropAppObjectsAsync(existing, ct);
                replaced = $" It replaced a database of {tables.Count} tables.";
            }
        }
        // One transaction: a dump that fails half-way leaves the database as it was (empty), not half restored.
        // --no-owner/--no-privileges: the restored objects belong to the user who restores, whatever role wrote them.
        try
        {
            await RunAsync("pg_restore", settings,
                ["--no-password", "--exit-on-error", "--single-transaction", "--no-owner", "--no-privileges", $"--dbname={ConnInfo(settings)}", dump], ct);
        }
        catch (BackupException e) when (replaced.Length > 0)
        {
            throw new BackupException(e.Message + Environment.NewLine + "--force had removed the database's tables before; the database is empty now.");
        }
        await using var connection = await OpenAsync(settings, ct);
        return $"Restored {dump} into database {database} on {settings.Host}{(created ? " (created)" : "")}: "
               + $"{await DatabaseSummary.PostgresAsync(connection, ct)}.{replaced}";
    }

    /// <summary>
    /// The newest pg_dump/pg_restore: on PATH, else Debian's /usr/lib/postgresql/&lt;major&gt;/bin (the server packages
    /// put them only there). A client older than the server refuses to dump it, so the newest major is taken.
    /// </summary>
    public static string? FindTool(string name)
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, name);
            if (File.Exists(candidate)) return candidate;
        }
        const string debian = "/usr/lib/postgresql";
        if (!Directory.Exists(debian)) return null;
        return Directory.GetDirectories(debian)
            .Select(d => (Major: int.TryParse(Path.GetFileName(d), out var major) ? major : -1, Path: Path.Combine(d, "bin", name)))
            .Where(c => c.Major >= 0 && File.Exists(c.Path))
            .OrderByDescending(c => c.Major).Select(c => c.Path).FirstOrDefault();
    }

    private static async Task RunAsync(string tool, NpgsqlConnectionStringBuilder settings, IReadOnlyList<string> arguments, CancellationToken ct)
    {
        var path = FindTool(tool) ?? throw new BackupException(
            $"{tool} not found on PATH or under /usr/lib/postgresql/*/bin. Install the PostgreSQL client tools of the server's "
            + "major version or newer (Debian: apt-get install postgresql-client-15).");
        var start = new ProcessStartInfo(path) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        if (!string.IsNullOrEmpty(settings.Password)) start.Environment["PGPASSWORD"] = settings.Password;
        using var process = Process.Start(start) ?? throw new BackupException($"{path} could not be started.");
        var stderr = process.StandardError.ReadToEndAsync(ct);
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        try
        {
            await process.WaitForExitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        if (process.ExitCode != 0)
            throw new BackupException($"{tool} failed (exit code {process.ExitCode}){(tool == "pg_restore" ? "; its transaction was rolled back" : "")}:"
                                      + Environment.NewLine + (await stderr + await stdout).Trim());
    }

    /// <summary>libpq's key='value' form; values quoted with \ and ' escaped, so a database called "a=b" stays a name.</summary>
    public static string ConnInfo(NpgsqlConnectionStringBuilder settings)
    {
        var parts = new List<(string Key, string? Value)>
        {
            ("host", settings.Host), ("port", settings.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("user", settings.Username), ("dbname", DatabaseName(settings)),
            ("sslmode", settings.SslMode switch
            {
                SslMode.Disable => "disable", SslMode.Allow => "allow", SslMode.Require => "require",
                SslMode.VerifyCA => "verify-ca", SslMode.VerifyFull => "verify-full", _ => "prefer",
            }),
            ("sslrootcert", settings.RootCertificate), ("connect_timeout", settings.Timeout.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        var text = new StringBuilder();
        foreach (var (key, value) in parts.Where(p => !string.IsNullOrEmpty(p.Value)))
            text.Append(key).Append("='").Append(value!.Replace("\\", "\\\\").Replace("'", "\\'")).Append("' ");
        return text.ToString().TrimEnd();
    }

    /// <summary>Like Npgsql and libpq: without Database the database is named after the user.</summary>
    private static string DatabaseName(NpgsqlConnectionStringBuilder settings) =>
        settings.Database is { Length: > 0 } name ? name : settings.Username ?? "postgres";

    /// <summary>Creates the database when it does not exist (a fresh server); true when it did so.</summary>
    private static async Task<bool> EnsureDatabaseAsync(NpgsqlConnectionStringBuilder settings, string database, CancellationToken ct)
    {
        var maintenance = new NpgsqlConnectionStringBuilder(settings.ConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = await OpenAsync(maintenance, ct);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", database);
        if (await exists.ExecuteScalarAsync(ct) is not null) return false;
        await using var create = new NpgsqlCommand($"CREATE DATABASE {DatabaseSummary.Quote(database)}", connection);
        await create.ExecuteNonQueryAsync(ct);
        return true;
    }

    /// <summary>
    /// With --force the app's schema goes entirely (tables, their sequences and indexes, views), so that a backup of an
    /// older version does not meet tables of a newer one, and its migrations history is the backup's own.
    /// </summary>
    private static async Task DropAppObjectsAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        const string sql = """
            DO $$
            DECLARE r record;
            BEGIN
              FOR r IN SELECT table_name FROM information_schema.views WHERE table_schema = 'public' LOOP
                EXECUTE format('DROP VIEW IF EXISTS public.%I CASCADE', r.table_name);
              END LOOP;
              FOR r IN SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' LOOP
                EXECUTE format('DROP TABLE IF EXISTS public.%I CASCADE', r.table_name);
              END LOOP;
              FOR r IN SELECT sequence_name FROM information_schema.sequences WHERE sequence_schema = 'public' LOOP
                EXECUTE format('DROP SEQUENCE IF EXISTS public.%I CASCADE', r.sequence_name);
              END LOOP;
            END $$;
            """;
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<NpgsqlConnection> OpenAsync(NpgsqlConnectionStringBuilder settings, CancellationToken ct)
    {
        var connection = new NpgsqlConnection(settings.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            return connection;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            await connection.DisposeAsync();
            throw new BackupException($"Cannot connect to database {settings.Database} on {settings.Host}:{settings.Port}: {e.Message}");
        }
    }
}
