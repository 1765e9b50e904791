namespace Beraterpool.Web.Features.Bench;

/// <summary>
/// The benchmark's only hook in the app (the seeding and the measuring live in src/Beraterpool.Cli and bench/):
/// <c>/plaintext</c>, mapped only when <c>Bench:Plaintext</c> is on, never in a normal start.
/// </summary>
public static class BenchSetup
{
    /// <summary>The server's own ceiling, measured in the same run as the directory (bench/run.sh).</summary>
    public static WebApplication MapBench(this WebApplication app)
    {
        if (app.Configuration.GetValue<bool>("Bench:Plaintext"))
            app.MapGet("/plaintext", () => Results.Text("Hello, World!")).AllowAnonymous();
        return app;
    }
}
