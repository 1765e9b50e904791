using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Shared;

namespace Beraterpool.Cli;

/// <summary>
/// The app's services and configuration without Kestrel: the same registrations as src/Beraterpool.Web/Program.cs,
/// on the web project's content root, so <c>App_Data/beraterpool.db</c> and appsettings are the app's own.
/// </summary>
public static class AppHost
{
    public static WebApplication Build()
    {
        var contentRoot = ContentRoot();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(AppDbContext).Assembly.GetName().Name,
            ContentRootPath = contentRoot,
            // Run from the repository it is the developer's copy, like ./run.sh (the demo key-ring certificate in
            // App_Data); published it is Production and needs the app's certificate, unless ASPNETCORE_ENVIRONMENT says otherwise.
            EnvironmentName = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
                              ?? (File.Exists(Path.Combine(contentRoot, "Beraterpool.Web.csproj")) ? Environments.Development : null),
        });
        builder.AddStructuredLogging();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddAppDatabase(builder.Configuration, builder.Environment);
        builder.Services.AddKeyRing(builder.Configuration, builder.Environment);
        builder.Services.AddAccounts(builder.Configuration);
        builder.Services.AddWebUi();
        builder.Services.AddPools();
        builder.Services.AddFeatures(builder.Configuration);
        return builder.Build();
    }

    /// <summary>
    /// ASPNETCORE_CONTENTROOT when set; run from the repository, the web project's folder (where `dotnet run` starts
    /// the app); published, the folder of the executable, which carries the app's appsettings and register.
    /// </summary>
    private static string ContentRoot()
    {
        if (Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT") is { Length: > 0 } configured) return Path.GetFullPath(configured);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var web = Path.Combine(dir.FullName, "src", "Beraterpool.Web");
            if (File.Exists(Path.Combine(web, "Beraterpool.Web.csproj"))) return web;
        }
        return AppContext.BaseDirectory;
    }
}
