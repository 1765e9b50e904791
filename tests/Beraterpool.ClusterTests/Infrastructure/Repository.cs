namespace Beraterpool.ClusterTests.Infrastructure;

/// <summary>Where the repository and the built app are, seen from this test assembly's output folder.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>Debug or Release: the configuration this assembly was built in, so the instances run the same build.</summary>
    public static string Configuration { get; } =
        Path.GetFileName(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory))) is { Length: > 0 } name ? name : "Debug";

    public static string WebDll => Built("Beraterpool.Web");
    public static string CliDll => Built("Beraterpool.Cli");
    public static string WebContentRoot => Path.Combine(Root, "src", "Beraterpool.Web");

    private static string Built(string project)
    {
        var dll = Path.Combine(Root, "src", project, "bin", Configuration, "net10.0", project + ".dll");
        if (!File.Exists(dll)) throw new InvalidOperationException($"{dll} is missing: build the solution first (dotnet build Beraterpool.slnx -c {Configuration}).");
        return dll;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Beraterpool.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Beraterpool.slnx not found above " + AppContext.BaseDirectory);
    }
}
