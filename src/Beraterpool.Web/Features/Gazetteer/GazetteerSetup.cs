using System.Data.Common;
using Beraterpool.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Gazetteer;

public static class GazetteerSetup
{
    public static IServiceCollection AddGazetteer(this IServiceCollection services)
    {
        services.AddScoped<GazetteerImporter>();
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
}
