using System.Text.RegularExpressions;
using Beraterpool.Web.Features.Demo;

namespace Beraterpool.Tests.Demo;

/// <summary>The README's demo accounts table is what people copy to sign in: it must match the seed.</summary>
public sealed class ReadmeTests
{
    [Fact]
    public void Readme_lists_exactly_the_seeded_demo_accounts_and_their_password()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        var section = readme[readme.IndexOf("## Demo accounts", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", 3, StringComparison.Ordinal)];

        var listed = Regex.Matches(section, @"^\|[^|]+\|\s*`([^`]+@[^`]+)`\s*\|", RegexOptions.Multiline).Select(m => m.Groups[1].Value);

        Assert.Equal(DemoAccounts.All.Select(a => a.Email), listed);
        Assert.Contains($"`{DemoAccounts.Password}`", section);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Beraterpool.slnx"))) return dir.FullName;
        throw new DirectoryNotFoundException("Beraterpool.slnx not found above " + AppContext.BaseDirectory);
    }
}
