using System.Data.Common;
using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Gazetteer;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Cli;

/// <summary>The documented operations of an installation (README, "Commands of the app").</summary>
public static class Commands
{
    /// <summary>Migrates, imports, prints the report; exit code 0 on success, 1 otherwise.</summary>
    public static async Task<int> ImportGazetteerAsync(IServiceProvider services, string file, TextWriter output, TextWriter errors)
    {
        var path = Resolve(file);
        if (!File.Exists(path))
        {
            await errors.WriteLineAsync($"Datei nicht gefunden: {path}");
            return 1;
        }
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.MigrateAsync();
        await using var stream = File.OpenRead(path);
        var report = await scope.ServiceProvider.GetRequiredService<GazetteerImporter>().ImportAsync(stream, Path.GetFileName(path), userId: null);
        await (report.Imported ? output : errors).WriteLineAsync(report.ToText());
        return report.Imported ? 0 : 1;
    }

    /// <summary>
    /// Applies the pending migrations and the rest of a start's preparation (the shipped register when empty, the roles),
    /// whatever <c>Database:MigrateOnStart</c> says; prints what it applied. Exit code 0, or 1 when it failed.
    /// </summary>
    public static async Task<int> MigrateAsync(IServiceProvider services, IConfiguration config, IHostEnvironment env, TextWriter output, TextWriter errors)
    {
        try
        {
            List<string> pending;
            await using (var scope = services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                pending = await db.Database.CanConnectAsync() ? (await db.Database.GetPendingMigrationsAsync()).ToList()
                    : db.Database.GetMigrations().ToList();
            }
            await services.PrepareDatabaseAsync(config, env, migrate: true);
            await output.WriteLineAsync(pending.Count == 0
                ? "The database is up to date; no migrations to apply."
                : $"Applied {pending.Count} migrations: {string.Join(", ", pending)}");
            return 0;
        }
        catch (Exception e) when (e is DbException or InvalidOperationException)
        {
            await errors.WriteLineAsync($"Migration failed: {e.Message}");
            return 1;
        }
    }

    /// <summary>The first administrator of a fresh installation gets an invitation mail.</summary>
    public static async Task<int> InviteAdministratorAsync(WebApplication app, string email)
    {
        if (!email.Contains('@'))
        {
            await Console.Error.WriteLineAsync($"Not an e-mail address: {email}");
            return 2;
        }
        await app.Services.PrepareDatabaseAsync(app.Configuration, app.Environment);
        using var scope = app.Services.CreateScope();
        var invitations = scope.ServiceProvider.GetRequiredService<Invitations>();
        var result = await invitations.EnsureUserAsync(email, null, Roles.Administrator);
        if (result.User is null)
        {
            foreach (var e in result.Errors) await Console.Error.WriteLineAsync(e);
            return 1;
        }
        var link = await invitations.SendAsync(result.User, null);
        Console.WriteLine($"Invitation for {email} sent. Link (valid 3 days): {link}");
        return 0;
    }

    /// <summary>
    /// `dotnet run --project` may start the tool in another folder; a relative path the user typed is meant relative
    /// to their shell's folder, which the shell passes on as PWD.
    /// </summary>
    private static string Resolve(string path)
    {
        var full = Path.GetFullPath(path);
        if (File.Exists(full) || Path.IsPathRooted(path)) return full;
        var shellFolder = Environment.GetEnvironmentVariable("PWD");
        return string.IsNullOrEmpty(shellFolder) ? full : Path.GetFullPath(Path.Combine(shellFolder, path));
    }
}
