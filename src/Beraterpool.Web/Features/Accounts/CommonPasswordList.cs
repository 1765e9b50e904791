using System.Reflection;

namespace Beraterpool.Web.Features.Accounts;

/// <summary>The shipped list of common and leaked passwords (CommonPasswords/README.md), read once into a set.</summary>
public sealed class CommonPasswordList
{
    private const string ResourceName = "Beraterpool.Accounts.CommonPasswords.txt";
    private readonly HashSet<string> _passwords;

    public CommonPasswordList()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
                           ?? throw new InvalidOperationException($"The resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        _passwords = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
            if (line.Trim() is { Length: > 0 } password) _passwords.Add(password);
    }

    public int Count => _passwords.Count;

    public bool Contains(string password) => _passwords.Contains(password);
}
