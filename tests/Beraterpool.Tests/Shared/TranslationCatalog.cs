using System.Text.RegularExpressions;
using System.Xml.Linq;
using Beraterpool.Web.Features.Shared.Localization;

namespace Beraterpool.Tests.Shared;

/// <summary>A German text the code shows through a localizer, where it is, and which feature's resource it reads.</summary>
public sealed record LocalisedLiteral(string Key, string File, int Line, string Feature, bool SharedOnly)
{
    public override string ToString() => $"{File}:{Line} [{(SharedOnly ? "Shared" : Feature)}] „{Key}“";
}

/// <summary>The resource files as FeatureStringLocalizerFactory reads them, and every localised literal of the sources.</summary>
public sealed partial class TranslationCatalog
{
    public static readonly string[] Languages = ["en", "fr"];
    public static readonly TranslationCatalog Instance = new();

    public string Root { get; }
    public string Features { get; }
    /// <summary>feature → language → German key → text.</summary>
    public IReadOnlyDictionary<string, Dictionary<string, Dictionary<string, string>>> Resources { get; }
    /// <summary>Resource files that do not follow Features/X/X.lang.resx (the factory would never read them).</summary>
    public IReadOnlyList<string> StrayResourceFiles { get; }
    public IReadOnlyList<LocalisedLiteral> Literals { get; }
    /// <summary>All sources of the web project, to tell whether a key is still used anywhere.</summary>
    public IReadOnlyDictionary<string, string> Sources { get; }

    private TranslationCatalog()
    {
        Root = FindRoot();
        Features = Path.Combine(Root, "src", "Beraterpool.Web", "Features");
        var resources = new Dictionary<string, Dictionary<string, Dictionary<string, string>>>();
        var stray = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.resx", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var rel = Relative(file);
            var m = ResourceFile().Match(rel);
            var feature = m.Success ? m.Groups["feature"].Value.Replace('/', '.') : null;
            if (feature is not null && feature.Contains('.') && !FeatureStringLocalizerFactory.NestedFeatures.Contains(feature)) feature = null;
            var expected = feature == FeatureStringLocalizerFactory.SharedFeature ? "SharedResource" : feature?.Split('.')[^1];
            if (feature is null || m.Groups["name"].Value != expected) { stray.Add(rel); continue; }
            var byLanguage = resources.TryGetValue(feature, out var l) ? l : resources[feature] = [];
            byLanguage[m.Groups["lang"].Value] = XDocument.Load(file).Root!.Elements("data")
                .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);
        }
        Resources = resources;
        StrayResourceFiles = stray;

        var sources = Directory.EnumerateFiles(Path.Combine(Root, "src", "Beraterpool.Web"), "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal)) && !Relative(f).Contains("/obj/") && !Relative(f).Contains("/bin/"))
            .Order(StringComparer.Ordinal)
            .ToDictionary(Relative, File.ReadAllText);
        Sources = sources;
        var classes = ClassFeatures(sources);
        Literals = sources.SelectMany(s => s.Key.EndsWith(".cshtml", StringComparison.Ordinal) ? ScanView(s.Key, s.Value, classes) : ScanCode(s.Key, s.Value)).ToList();
    }

    /// <summary>What a user sees for <paramref name="key"/> in <paramref name="language"/>: the feature's text, else the shared one.</summary>
    public string? Resolve(string feature, bool sharedOnly, string language, string key)
    {
        if (!sharedOnly && Lookup(feature, language, key) is { } own) return own;
        return Lookup(FeatureStringLocalizerFactory.SharedFeature, language, key);
    }

    private string? Lookup(string feature, string language, string key) =>
        Resources.TryGetValue(feature, out var l) && l.TryGetValue(language, out var keys) && keys.TryGetValue(key, out var text) ? text : null;

    public string FeatureOfFile(string relativePath)
    {
        foreach (var nested in FeatureStringLocalizerFactory.NestedFeatures)
        {
            if (relativePath.StartsWith("src/Beraterpool.Web/Features/" + nested.Replace('.', '/') + "/", StringComparison.Ordinal)) return nested;
        }
        var m = FeatureFolder().Match(relativePath);
        return m.Success ? m.Groups[1].Value : FeatureStringLocalizerFactory.SharedFeature;
    }

    // Views: the global @Localizer (IViewLocalizer, the view's feature) and any injected IStringLocalizer<T> (T's feature).
    private IEnumerable<LocalisedLiteral> ScanView(string file, string text, IReadOnlyDictionary<string, string> classes)
    {
        var own = FeatureOfFile(file);
        var names = new Dictionary<string, (string Feature, bool SharedOnly)> { ["Localizer"] = (own, false) };
        foreach (Match m in ViewInject().Matches(text))
        {
            var type = m.Groups["type"].Value.Split('.')[^1];
            names[m.Groups["name"].Value] = m.Groups["type"].Success
                ? (classes.GetValueOrDefault(type, own), type == "SharedResource")
                : (own, false);
        }
        return Indexers(file, text, names);
    }

    // Code: localizer parameters, fields and locals; functions that pass their string argument on to a localizer;
    // DataAnnotations messages and display names (DataAnnotationLocalizerProvider: the model type's feature).
    private IEnumerable<LocalisedLiteral> ScanCode(string file, string text)
    {
        var own = FeatureOfFile(file);
        var names = new Dictionary<string, (string Feature, bool SharedOnly)>();
        foreach (Match m in CodeLocalizer().Matches(text))
            names[m.Groups["name"].Value] = (own, m.Groups["type"].Value.EndsWith("SharedResource", StringComparison.Ordinal));
        foreach (Match m in CreatedLocalizer().Matches(text))
            names[m.Groups["name"].Value] = (own, m.Groups["type"].Value == "SharedResource");
        foreach (var literal in Indexers(file, text, names)) yield return literal;

        // A forwarder reads the localizer its file makes (ProfileInput: SharedResource) or is given (the feature's).
        var forwardsToShared = CreatedLocalizer().Matches(text).Any(m => m.Groups["type"].Value == "SharedResource");
        foreach (Match m in Forwarder().Matches(text))
        {
            var call = new Regex($@"\b{m.Groups["name"].Value}\(\s*(?:\w+\s*,\s*)?""(?<key>(?:[^""\\]|\\.)*)""");
            foreach (Match c in call.Matches(text))
                yield return new(Unescape(c.Groups["key"].Value), file, LineOf(text, c.Index), own, forwardsToShared);
        }

        foreach (Match m in DataAnnotation().Matches(text))
            yield return new(Unescape(m.Groups["key"].Value), file, LineOf(text, m.Index), own, false);
    }

    private static IEnumerable<LocalisedLiteral> Indexers(string file, string text, Dictionary<string, (string Feature, bool SharedOnly)> names)
    {
        foreach (var (name, (feature, sharedOnly)) in names)
        {
            var indexer = new Regex($@"(?<![\w.]){Regex.Escape(name)}\s*\[\s*""(?<key>(?:[^""\\]|\\.)*)""");
            foreach (Match m in indexer.Matches(text))
                yield return new(Unescape(m.Groups["key"].Value), file, LineOf(text, m.Index), feature, sharedOnly);
        }
    }

    /// <summary>Class name → feature, for views that inject a localizer of another feature's type.</summary>
    private Dictionary<string, string> ClassFeatures(IReadOnlyDictionary<string, string> sources)
    {
        var classes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (file, text) in sources.Where(s => s.Key.EndsWith(".cs", StringComparison.Ordinal)))
            foreach (Match m in ClassDeclaration().Matches(text))
                classes.TryAdd(m.Groups[1].Value, FeatureOfFile(file));
        classes["SharedResource"] = FeatureStringLocalizerFactory.SharedFeature;
        return classes;
    }

    private string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');
    private static int LineOf(string text, int index) => text.AsSpan(0, index).Count('\n') + 1;
    private static string Unescape(string s) => s.Replace("\\\"", "\"").Replace("\\\\", "\\").Replace("\\n", "\n");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Beraterpool.slnx"))) return dir.FullName;
        throw new DirectoryNotFoundException("Beraterpool.slnx not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^src/Beraterpool\.Web/Features/(?<feature>[^/]+(?:/[^/]+)?)/(?<name>[^/.]+)\.(?<lang>[a-z]{2})\.resx$")]
    private static partial Regex ResourceFile();
    [GeneratedRegex(@"^src/Beraterpool\.Web/Features/([^/]+)/")]
    private static partial Regex FeatureFolder();
    [GeneratedRegex(@"@inject\s+[\w.]*I(?:String|Html|View)Localizer(?:<(?<type>[\w.]+)>)?\s+(?<name>\w+)")]
    private static partial Regex ViewInject();
    [GeneratedRegex(@"\bIStringLocalizer(?:<(?<type>[\w.]+)>)?\??\s+(?<name>\w+)\b(?!\s*\()")]
    private static partial Regex CodeLocalizer();
    [GeneratedRegex(@"\bvar\s+(?<name>\w+)\s*=[^;\n]*\bCreate\(typeof\((?<type>\w+)\)\)")]
    private static partial Regex CreatedLocalizer();
    [GeneratedRegex(@"\b(?<name>\w+)\s*\(\s*(?:IStringLocalizer\??\s+\w+\s*,\s*)?string\s+\w+\s*,\s*params\s+object\[\]\s+\w+\s*\)\s*=>[^;]*\[")]
    private static partial Regex Forwarder();
    [GeneratedRegex(@"(?:\bDisplay\(\s*Name|\bErrorMessage)\s*=\s*""(?<key>(?:[^""\\]|\\.)*)""")]
    private static partial Regex DataAnnotation();
    [GeneratedRegex(@"\b(?:class|record|struct)\s+(\w+)")]
    private static partial Regex ClassDeclaration();
}
