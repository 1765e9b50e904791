using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Resources;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Shared.Localization;

/// <summary>
/// One resource per feature and language: every type in <c>Beraterpool.Web.Features.X[.…]</c> and every view under
/// <c>/Features/X/…</c> reads <c>Features/X/X.en.resx</c> (and <c>.fr.resx</c>), then the shared resource
/// <c>Features/Shared/SharedResource.*.resx</c> (common words, glossary terms). German is the key and needs no file.
/// So a new page needs no resource file of its own, and <c>IStringLocalizer&lt;AnyPageModel&gt;</c>,
/// <c>IViewLocalizer</c> and DataAnnotations all find the same text.
/// </summary>
public sealed class FeatureStringLocalizerFactory : IStringLocalizerFactory
{
    public const string SharedFeature = "Shared";

    /// <summary>
    /// Sub-folders that read a resource of their own (<c>Features/Privacy/Retention/Retention.en.resx</c>), so that parts of one
    /// capability built side by side do not share one file. Everything else in the parent folder reads the parent's resource.
    /// </summary>
    public static readonly IReadOnlyList<string> NestedFeatures = ["Privacy.Retention"];
    private const string FeaturesNamespace = "Beraterpool.Web.Features.";

    private static readonly Assembly Assembly = typeof(FeatureStringLocalizerFactory).Assembly;
    private readonly ConcurrentDictionary<string, FeatureStringLocalizer> _byFeature = new();
    private readonly ResourceManager _shared = ResourceFor(SharedFeature);

    public IStringLocalizer Create(Type resourceSource) => ForName(resourceSource.FullName ?? "");

    /// <summary>The view localizer asks with the view's path turned into a name: "Beraterpool.Web.Features.Fees.Me.Index".</summary>
    public IStringLocalizer Create(string baseName, string location) => ForName(baseName);

    private FeatureStringLocalizer ForName(string fullName) =>
        _byFeature.GetOrAdd(FeatureOf(fullName), feature => new FeatureStringLocalizer(
            feature == SharedFeature ? [_shared] : [ResourceFor(feature), _shared]));

    /// <summary>"Beraterpool.Web.Features.Fees.Me.DetailsModel" → "Fees"; anything outside the features → "Shared".</summary>
    public static string FeatureOf(string fullName)
    {
        if (!fullName.StartsWith(FeaturesNamespace, StringComparison.Ordinal)) return SharedFeature;
        var rest = fullName[FeaturesNamespace.Length..];
        foreach (var nested in NestedFeatures)
        {
            if (rest.Length > nested.Length && rest.StartsWith(nested, StringComparison.Ordinal) && rest[nested.Length] is '.' or '+') return nested;
        }
        var end = rest.IndexOfAny(['.', '+']);
        return end < 0 ? SharedFeature : rest[..end];
    }

    private static ResourceManager ResourceFor(string feature) =>
        new(FeaturesNamespace + feature + "." + (feature == SharedFeature ? nameof(SharedResource) : feature.Split('.')[^1]), Assembly);
}

/// <summary>Looks a German key up in the feature's resource, then the shared one; German itself, or a miss, is the key.</summary>
internal sealed class FeatureStringLocalizer(IReadOnlyList<ResourceManager> resources) : IStringLocalizer
{
    public LocalizedString this[string name]
    {
        get
        {
            var value = Find(name, CultureInfo.CurrentUICulture);
            return new LocalizedString(name, value ?? name, resourceNotFound: value is null && !IsGerman(CultureInfo.CurrentUICulture));
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var format = this[name];
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, format.Value, arguments), format.ResourceNotFound);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures)
    {
        var seen = new HashSet<string>();
        foreach (var resource in resources)
        {
            foreach (var culture in Cultures(CultureInfo.CurrentUICulture, includeParentCultures))
            {
                var set = resource.GetResourceSet(culture, createIfNotExists: true, tryParents: false);
                if (set is null) continue;
                foreach (System.Collections.DictionaryEntry entry in set)
                {
                    if (entry.Key is string key && entry.Value is string value && seen.Add(key)) yield return new LocalizedString(key, value);
                }
            }
        }
    }

    private string? Find(string name, CultureInfo culture)
    {
        if (IsGerman(culture)) return null;
        foreach (var resource in resources)
        {
            foreach (var c in Cultures(culture, includeParents: true))
            {
                if (resource.GetResourceSet(c, createIfNotExists: true, tryParents: false)?.GetString(name) is { } value) return value;
            }
        }
        return null;
    }

    private static bool IsGerman(CultureInfo culture) => culture.TwoLetterISOLanguageName == "de" || culture.Equals(CultureInfo.InvariantCulture);

    /// <summary>"fr-CH", then "fr"; never the invariant culture (German, which has no resource).</summary>
    private static IEnumerable<CultureInfo> Cultures(CultureInfo culture, bool includeParents)
    {
        for (var c = culture; !c.Equals(CultureInfo.InvariantCulture); c = c.Parent)
        {
            yield return c;
            if (!includeParents) yield break;
        }
    }
}
