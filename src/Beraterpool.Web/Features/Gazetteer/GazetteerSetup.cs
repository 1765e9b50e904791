using System.Data.Common;
using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Gazetteer;

public static class GazetteerSetup
{
    public static IServiceCollection AddGazetteer(this IServiceCollection services)
    {
        services.AddScoped<GazetteerImporter>();
        AppCommands.Register("import-gazetteer", (app, args) => RunImportCommandAsync(app.Services, args, Console.Out, Console.Error));
        return services;
    }

    /// <summary>The copy of the register that ships with the app (<c>Gazetteer:File</c> overrides it).</summary>
    public static string ShippedFile(IConfiguration config) =>
        config["Gazetteer:File"] is { Length: > 0 } file ? file : Path.Combine(AppContext.BaseDirectory, "data", "gv-auszug.csv");

    /// <summary>At start: a fresh install imports the shipped register, so every municipality is there from the first page.</summary>
    public static async Task ImportShippedIfEmptyAsync(IServiceProvider services, IConfiguration config, CancellationToken ct = default)
    {
        if (!config.GetValue("Gazetteer:ImportOnStart", true)) return;
        var db = services.GetRequiredService<AppDbContext>();
        if (await db.Municipalities.AnyAsync(ct)) return;
        var log = services.GetRequiredService<ILogger<GazetteerImporter>>();
        var file = ShippedFile(config);
        if (!File.Exists(file))
        {
            log.LogWarning("No municipality register at {File}; the municipality search stays empty until one is imported", file);
            return;
        }
        try
        {
            await using var stream = File.OpenRead(file);
            var report = await services.GetRequiredService<GazetteerImporter>().ImportAsync(stream, Path.GetFileName(file), userId: null, ct);
            if (!report.Imported) log.LogError("The shipped municipality register was rejected: {Report}", report.ToText());
        }
        catch (Exception e) when (e is DbUpdateException or DbException)
        {
            // Several instances starting at once on a fresh database: one wins, the others serve what it imported.
            log.LogWarning(e, "Importing the shipped municipality register failed; another instance may have imported it at the same time");
        }
    }

    /// <summary>
    /// `dotnet run --project` starts the app in the project folder; a relative path the user typed is meant relative
    /// to their shell's folder, which the shell passes on as PWD.
    /// </summary>
    private static string Resolve(string path)
    {
        var full = Path.GetFullPath(path);
        if (File.Exists(full) || Path.IsPathRooted(path)) return full;
        var shellFolder = Environment.GetEnvironmentVariable("PWD");
        return string.IsNullOrEmpty(shellFolder) ? full : Path.GetFullPath(Path.Combine(shellFolder, path));
    }

    /// <summary><c>import-gazetteer &lt;file&gt;</c>: migrates, imports, prints the report; exit code 0 on success, 1 otherwise.</summary>
    public static async Task<int> RunImportCommandAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter errors)
    {
        if (args.Length != 1)
        {
            await errors.WriteLineAsync("Aufruf: import-gazetteer <Datei.csv>");
            return 1;
        }
        var path = Resolve(args[0]);
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
}
