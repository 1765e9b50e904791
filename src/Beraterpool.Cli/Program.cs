namespace Beraterpool.Cli;

// Not top-level statements: the web project's global `Program` is what the tests' WebApplicationFactory<Program> means.
internal static class Program
{
    /// <summary><c>dotnet run --project src/Beraterpool.Cli -- &lt;command&gt;</c>: the app's operations and benchmark helpers.</summary>
    private static Task<int> Main(string[] args) => CommandLine.Root().Parse(args).InvokeAsync();
}
