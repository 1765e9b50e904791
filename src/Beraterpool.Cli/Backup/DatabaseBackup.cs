using Beraterpool.Web.Data;

namespace Beraterpool.Cli.Backup;

/// <summary>
/// The database an installation runs on, as its configuration names it (Database:Provider, ConnectionStrings:Default;
/// SQLite falls back to App_Data/beraterpool.db like the app).
/// </summary>
public sealed record DatabaseTarget(DatabaseProvider Provider, string ConnectionString)
{
    public static DatabaseTarget From(IConfiguration config, IHostEnvironment env)
    {
        var provider = config.GetValue("Database:Provider", DatabaseProvider.Sqlite);
        var connectionString = config.GetConnectionString("Default");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider == DatabaseProvider.Postgres) throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Default is empty.");
            connectionString = DatabaseSetup.DefaultSqlite(env.ContentRootPath);
        }
        return new DatabaseTarget(provider, connectionString);
    }
}

/// <summary>
/// `backup &lt;file&gt;` and `restore &lt;file&gt;`. Everything the installation holds is in the database, uploads included
/// (advisor photos, engagement documents, fee receipts, pool logos are byte columns), so one file is the whole backup;
/// the key-ring certificate (DataProtection:CertificatePath) is not in it and must be kept separately.
/// </summary>
public static class DatabaseBackup
{
    /// <summary>Writes a consistent copy of the database to <paramref name="file"/>; 0 on success.</summary>
    public static async Task<int> BackupAsync(DatabaseTarget target, string file, bool force, TextWriter output, TextWriter errors, CancellationToken ct = default)
    {
        var path = Path.GetFullPath(file);
        if (File.Exists(path) && !force)
        {
            await errors.WriteLineAsync($"{path} exists already; choose another file or pass --force to replace it.");
            return 1;
        }
        if (Path.GetDirectoryName(path) is { } folder && !Directory.Exists(folder))
        {
            await errors.WriteLineAsync($"Folder not found: {folder}");
            return 1;
        }
        // Written beside the target and moved at the end: a failed or interrupted backup never leaves a file that looks whole.
        var partial = $"{path}.{Guid.NewGuid():N}.partial";
        try
        {
            var summary = target.Provider == DatabaseProvider.Postgres
                ? await PostgresBackup.DumpAsync(target.ConnectionString, partial, ct)
                : await SqliteBackup.CopyAsync(target.ConnectionString, partial, ct);
            File.Move(partial, path, overwrite: true);
            await output.WriteLineAsync($"Backup written: {path} ({new FileInfo(path).Length:N0} bytes; {summary}).");
            await output.WriteLineAsync("Uploads are inside the database and so in this file. Keep the key-ring certificate "
                                        + "(DataProtection:CertificatePath) and its password separately: without it the restored key ring decrypts nothing.");
            return 0;
        }
        catch (BackupException e)
        {
            await errors.WriteLineAsync(e.Message);
            return 1;
        }
        finally
        {
            File.Delete(partial);
        }
    }

    /// <summary>Replaces the database with the backup in <paramref name="file"/>; refuses a database with tables unless forced.</summary>
    public static async Task<int> RestoreAsync(DatabaseTarget target, string file, bool force, TextWriter output, TextWriter errors, CancellationToken ct = default)
    {
        var path = Path.GetFullPath(file);
        if (!File.Exists(path))
        {
            await errors.WriteLineAsync($"File not found: {path}");
            return 1;
        }
        try
        {
            var kind = await BackupFile.KindAsync(path, ct);
            var expected = target.Provider == DatabaseProvider.Postgres ? BackupKind.PostgresDump : BackupKind.Sqlite;
            if (kind != expected)
            {
                await errors.WriteLineAsync($"{path} is {BackupFile.Describe(kind)}, but Database:Provider is {target.Provider}: "
                                            + "a backup is restored onto the same kind of database it was taken from.");
                return 1;
            }
            var summary = target.Provider == DatabaseProvider.Postgres
                ? await PostgresBackup.RestoreAsync(target.ConnectionString, path, force, ct)
                : await SqliteBackup.RestoreAsync(target.ConnectionString, path, force, ct);
            await output.WriteLineAsync(summary);
            await output.WriteLineAsync("Start the app (or run its migrations) to bring the restored database up to this version; "
                                        + "use the key-ring certificate the backed-up installation used.");
            return 0;
        }
        catch (BackupException e)
        {
            await errors.WriteLineAsync(e.Message);
            return 1;
        }
    }
}

/// <summary>A failure the operator can act on; its message is the whole explanation.</summary>
public sealed class BackupException(string message) : Exception(message);

public enum BackupKind { Unknown, Sqlite, PostgresDump }

public static class BackupFile
{
    /// <summary>By the file's first bytes: "SQLite format 3\0" or pg_dump's custom format "PGDMP".</summary>
    public static async Task<BackupKind> KindAsync(string path, CancellationToken ct)
    {
        var head = new byte[16];
        await using var stream = File.OpenRead(path);
        var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        if (read >= 16 && head.AsSpan().SequenceEqual("SQLite format 3\0"u8)) return BackupKind.Sqlite;
        if (read >= 5 && head.AsSpan(0, 5).SequenceEqual("PGDMP"u8)) return BackupKind.PostgresDump;
        return BackupKind.Unknown;
    }

    public static string Describe(BackupKind kind) => kind switch
    {
        BackupKind.Sqlite => "an SQLite database",
        BackupKind.PostgresDump => "a PostgreSQL dump (pg_dump -Fc)",
        _ => "no backup this command wrote",
    };
}
