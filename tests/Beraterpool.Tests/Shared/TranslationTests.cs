using System.Text.RegularExpressions;
using Beraterpool.Web.Features.Fees;
using Beraterpool.Web.Features.Gazetteer;
using Beraterpool.Web.Features.Municipalities;
using Beraterpool.Web.Features.Shared.Localization;

namespace Beraterpool.Tests.Shared;

/// <summary>
/// Every German text the code localises has an English and a French translation in the resource its feature reads,
/// each German text is translated once, and no resource entry outlives its last use.
/// </summary>
public sealed partial class TranslationTests
{
    private static readonly TranslationCatalog Catalog = TranslationCatalog.Instance;

    /// <summary>German texts that mean different things in different features, so each feature keeps its own translation.</summary>
    private static readonly Dictionary<string, string> Homonyms = new()
    {
        ["Alle Länder"] = "countries of origin in the directory, federal states in the register",
        ["abgelehnt"] = "a declined proposal (FR feminine) and a rejected import (FR masculine)",
        ["abgeschlossen"] = "a closed engagement (FR masculine) and a completed request (FR feminine)",
        ["eingereicht am {0}"] = "a fee statement (FR masculine) and a request (FR feminine)",
        ["vorgeschlagen am {0}"] = "an engagement proposal (FR masculine) and a request (FR feminine)",
        ["Vorschläge"] = "suggestions of a search or matching list, and the proposals to advisors a mail group is about",
    };

    [Fact]
    public void Resources_are_one_file_per_feature_and_language()
    {
        Assert.Empty(Catalog.StrayResourceFiles);
        foreach (var (feature, languages) in Catalog.Resources)
        {
            Assert.Equal(TranslationCatalog.Languages, languages.Keys.Order());
            var english = languages["en"].Keys.ToHashSet();
            Assert.True(english.SetEquals(languages["fr"].Keys),
                $"{feature}: English and French differ in " + string.Join(", ", english.Except(languages["fr"].Keys).Concat(languages["fr"].Keys.Except(english))));
        }
    }

    [Fact]
    public void Every_localised_text_in_views_and_code_has_English_and_French()
    {
        Assert.True(Catalog.Literals.Count > 1000, $"the scan found only {Catalog.Literals.Count} localised texts");
        var missing = Catalog.Literals
            .SelectMany(l => TranslationCatalog.Languages.Where(lang => Catalog.Resolve(l.Feature, l.SharedOnly, lang, l.Key) is null).Select(lang => $"{l} has no {lang} text"))
            .Distinct().ToList();
        Assert.True(missing.Count == 0, string.Join(Environment.NewLine, missing));
    }

    [Fact]
    public void Texts_the_code_picks_at_run_time_have_English_and_French()
    {
        var chosen = new List<(string Feature, string Key)>();
        var typeCodes = Enumerable.Range(40, 30).Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var level in Enum.GetValues<MunicipalityLevel>())
            chosen.AddRange(typeCodes.Select(code => ("Municipalities", MunicipalityTypes.Describe(level, code))));
        chosen.AddRange(typeCodes.Select(MunicipalityTypes.DescribeAssociation).OfType<string>().Select(t => ("Municipalities", t)));
        chosen.AddRange(FeeTexts.AllStatuses.Select(s => ("Fees", FeeTexts.StatusDe(s))));
        chosen.AddRange(Web.Features.Engagements.EngagementNames.Kinds.Select(k => ("Fees", FeeTexts.KindDe(k))));
        chosen.AddRange(FeeHistory.Labels.Values.Select(l => ("Fees", l)));
        chosen.AddRange(Web.Features.Requests.Manage.DetailsModel.DeclineReasons.Select(r => ("Requests", r)));
        chosen.AddRange(new GazetteerImportReport { Source = "" }.Rows.Select(r => ("Gazetteer", r.Label)));
        chosen.AddRange(Web.Features.Privacy.Retention.RetentionKinds.All.SelectMany(k => new[] { k.Name, k.Action, k.LegalBasis, k.ComesWith }.OfType<string>()).Select(t => ("Privacy.Retention", t)));

        var missing = chosen.Distinct()
            .SelectMany(c => TranslationCatalog.Languages.Where(lang => Catalog.Resolve(c.Feature, false, lang, c.Key) is null).Select(lang => $"[{c.Feature}] „{c.Key}“ has no {lang} text"))
            .ToList();
        Assert.True(missing.Count == 0, string.Join(Environment.NewLine, missing));
    }

    [Fact]
    public void Every_mail_template_has_its_feature_name_and_audience_in_English_and_French()
    {
        // The mail list localises each template's Feature, Name and Audience through variables, so the scan of literals
        // cannot see them; they resolve where the list's view lives (Features/Email), then in Shared.
        var feature = Catalog.FeatureOfFile("src/Beraterpool.Web/Features/Email/Manage/Index.cshtml");
        Assert.Equal("Email", feature);
        var templates = typeof(Web.Features.Email.MailCatalog)
            .GetField(nameof(Web.Features.Email.MailCatalog.All), System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)!
            .GetValue(null) as IEnumerable<Web.Features.Email.MailTemplate>;
        Assert.NotNull(templates);
        var texts = templates.SelectMany(t => new (string Id, string Property, string Key)[]
            {
                (t.Id, nameof(t.Feature), t.Feature), (t.Id, nameof(t.Name), t.Name), (t.Id, nameof(t.Audience), t.Audience),
            }).ToList();
        Assert.NotEmpty(texts);

        var missing = texts
            .SelectMany(t => TranslationCatalog.Languages.Where(lang => Catalog.Resolve(feature, false, lang, t.Key) is null)
                .Select(lang => $"{t.Id}.{t.Property} [{feature}] „{t.Key}“ has no {lang} text"))
            .Distinct().ToList();
        Assert.True(missing.Count == 0, string.Join(Environment.NewLine, missing));
    }

    [Fact]
    public void One_German_text_has_one_translation_and_lives_in_one_resource()
    {
        var places = Catalog.Resources
            .SelectMany(f => f.Value["en"].Keys.Select(key => (Key: key, Feature: f.Key)))
            .GroupBy(p => p.Key)
            .Where(g => g.Count() > 1 && !Homonyms.ContainsKey(g.Key))
            .Select(g => $"„{g.Key}“ is in " + string.Join(", ", g.Select(p =>
                $"{p.Feature} ({string.Join(" / ", TranslationCatalog.Languages.Select(lang => Catalog.Resources[p.Feature][lang][p.Key]))})")) +
                ": keep it once, in Shared if several features use it")
            .ToList();
        Assert.True(places.Count == 0, string.Join(Environment.NewLine, places));
    }

    [Fact]
    public void Homonyms_are_really_translated_differently()
    {
        foreach (var key in Homonyms.Keys)
        {
            var texts = Catalog.Resources.Where(f => f.Value["en"].ContainsKey(key))
                .Select(f => string.Join(" / ", TranslationCatalog.Languages.Select(lang => f.Value[lang][key]))).ToList();
            Assert.True(texts.Distinct().Count() > 1, $"„{key}“ is no homonym any more ({string.Join("; ", texts)}): keep it once, in Shared");
        }
    }

    [Fact]
    public void Every_resource_entry_is_still_used_somewhere()
    {
        var literals = string.Join("\n", Catalog.Sources.Values);
        var unused = Catalog.Resources
            .SelectMany(f => f.Value["en"].Keys.Select(key => (Key: key, Feature: f.Key)))
            .Where(p => !literals.Contains('"' + p.Key.Replace("\\", "\\\\").Replace("\"", "\\\"") + '"', StringComparison.Ordinal))
            .Select(p => $"[{p.Feature}] „{p.Key}“")
            .ToList();
        Assert.True(unused.Count == 0, "Resource entries no code uses:" + Environment.NewLine + string.Join(Environment.NewLine, unused));
    }

    [Fact]
    public void Translations_keep_the_placeholders_of_the_German_text()
    {
        var broken = Catalog.Resources
            .SelectMany(f => f.Value.SelectMany(l => l.Value.Select(e => (Feature: f.Key, Language: l.Key, e.Key, e.Value))))
            .Where(e => !Placeholders(e.Key).SetEquals(Placeholders(e.Value)))
            .Select(e => $"[{e.Feature}.{e.Language}] „{e.Key}“ → „{e.Value}“")
            .ToList();
        Assert.True(broken.Count == 0, string.Join(Environment.NewLine, broken));
    }

    [Theory]
    [InlineData("Beraterpool.Web.Features.Requests.Manage.SomeNewPageModel", "Requests")]
    [InlineData("Beraterpool.Web.Features.Requests.NewModel+InputModel", "Requests")]
    [InlineData("Beraterpool.Web.Features.Fees.Me.Index", "Fees")]
    [InlineData("Beraterpool.Web.Features.Privacy.Retention.IndexModel+InputModel", "Privacy.Retention")]
    [InlineData("Beraterpool.Web.Features.Privacy.Retention.Index", "Privacy.Retention")]
    [InlineData("Beraterpool.Web.Features.Privacy.RetentionElsewhere", "Privacy")]
    [InlineData("Beraterpool.Web.Features.Shared._Layout", "Shared")]
    [InlineData("Beraterpool.Web.Features._ViewStart", "Shared")]
    [InlineData("Beraterpool.Web.Data.AppDbContext", "Shared")]
    public void A_type_or_view_reads_the_resource_of_its_feature_folder(string name, string feature) =>
        Assert.Equal(feature, FeatureStringLocalizerFactory.FeatureOf(name));

    [Theory]
    [InlineData("de", "Kommune", "Kommune")]
    [InlineData("en", "Kommune", "Municipality")]
    [InlineData("fr", "Kommune", "Commune")]
    [InlineData("fr-CH", "Kommune", "Commune")]
    [InlineData("en", "Gibt es nirgends", "Gibt es nirgends")]
    public void A_new_page_finds_shared_words_without_a_resource_file_of_its_own(string culture, string key, string expected)
    {
        var localizer = new FeatureStringLocalizerFactory().Create("Beraterpool.Web.Features.Requests.Manage.SomeNewPage", "Beraterpool.Web");
        var before = System.Globalization.CultureInfo.CurrentUICulture;
        try
        {
            System.Globalization.CultureInfo.CurrentUICulture = new(culture);
            Assert.Equal(expected, localizer[key].Value);
        }
        finally { System.Globalization.CultureInfo.CurrentUICulture = before; }
    }

    /// <summary>
    /// In a view, <c>Localizer["… {0}", x].Value</c> is the text before formatting (the HTML localizer formats on output):
    /// a page title read "Jahresbericht {0}: {1}". Code that needs the string uses <c>Localizer.GetString(…)</c>.
    /// </summary>
    [Fact]
    public void No_view_takes_the_unformatted_value_of_a_text_with_placeholders()
    {
        var wrong = Catalog.Sources.Where(s => s.Key.EndsWith(".cshtml", StringComparison.Ordinal))
            .SelectMany(s => UnformattedValue().Matches(s.Value).Select(m => $"{s.Key}: {m.Value}")).ToList();
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [GeneratedRegex(@"Localizer\[""[^""]*\{\d+\}[^""]*""\s*,[^\[\]]*\]\.Value")]
    private static partial Regex UnformattedValue();

    private static HashSet<string> Placeholders(string text) => Placeholder().Matches(text).Select(m => m.Groups[1].Value).ToHashSet();

    [GeneratedRegex(@"\{(\d+)(?:[:,][^}]*)?\}")]
    private static partial Regex Placeholder();
}
