using System.Collections.Concurrent;

namespace Beraterpool.Web.Features.Shared;

/// <summary>Command-line verbs of the app: <c>import-gazetteer &lt;file&gt;</c>, <c>seed-synthetic &lt;n&gt;</c>.</summary>
public static class AppCommands
{
    // Concurrent: test hosts build the app in parallel, and each registers its commands.
    private static readonly ConcurrentDictionary<string, Func<WebApplication, string[], Task<int>>> Commands = new(StringComparer.OrdinalIgnoreCase);

    public static void Register(string verb, Func<WebApplication, string[], Task<int>> run) => Commands[verb] = run;

    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-') || args[0].Contains('=')) return false;
        if (!Commands.TryGetValue(args[0], out var run))
        {
            await Console.Error.WriteLineAsync($"Unknown command '{args[0]}'. Known: {string.Join(", ", Commands.Keys)}");
            Environment.ExitCode = 2;
            return true;
        }
        Environment.ExitCode = await run(app, args[1..]);
        return true;
    }
}
