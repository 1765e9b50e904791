namespace Beraterpool.Tests.Infrastructure;

/// <summary>The real municipality register: ../shared/data/gemeindeverzeichnis/gv-auszug.csv, else the repository's copy.</summary>
public static class RegisterFile
{
    public static string Path { get; } = Locate();

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var shared = System.IO.Path.Combine(dir.FullName, "shared", "data", "gemeindeverzeichnis", "gv-auszug.csv");
            if (File.Exists(shared)) return shared;
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var shipped = System.IO.Path.Combine(dir.FullName, "data", "gv-auszug.csv");
            if (File.Exists(shipped) && File.Exists(System.IO.Path.Combine(dir.FullName, "Beraterpool.slnx"))) return shipped;
        }
        throw new FileNotFoundException("The municipality register (gv-auszug.csv) was not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The file's lines (BOM kept on the first), for tests that build variants of it.</summary>
    public static string[] Lines() => File.ReadAllLines(Path);
}
