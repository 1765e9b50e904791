using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Globalization;

namespace Beraterpool.Web.Features.Advisors.Directory;

/// <summary>
/// An immutable, in-memory snapshot of one pool's public directory. Advisors are numbered in name order, so
/// every posting list (sorted ordinals per topic, language, country, city) is already in name order: a query
/// intersects the lists of its filters, scans the folded search text of the survivors, and pages — no database,
/// no sorting for the default order. Built from public (consented) data only.
/// </summary>
public sealed class DirectoryIndex
{
    private static readonly StringComparer German = StringComparer.Create(CultureInfo.GetCultureInfo("de-DE"), CompareOptions.IgnoreCase);

    private readonly DirectoryAdvisor[] _advisors;
    private readonly int[] _all;
    private readonly string[] _searchText;
    private readonly FrozenDictionary<string, int> _bySlug;
    private readonly FrozenDictionary<string, int[]> _byTopic;
    private readonly FrozenDictionary<string, int[]> _byLanguage;
    private readonly FrozenDictionary<string, int[]> _byCountry;
    private readonly FrozenDictionary<string, int[]> _byCity;
    private readonly int[] _cityOrder;
    private readonly int[] _cityRank;
    private readonly FrozenDictionary<int, DirectoryTopic> _topicsById;
    private readonly ConcurrentDictionary<string, DirectoryFilterOptions> _filterOptions = new();

    public int PoolId { get; }
    public IReadOnlyList<DirectoryTopic> Topics { get; }
    public int Count => _advisors.Length;

    private DirectoryIndex(int poolId, IReadOnlyList<DirectoryTopic> topics, IEnumerable<DirectoryAdvisor> advisors)
    {
        PoolId = poolId;
        Topics = topics.OrderBy(t => t.SortOrder).ThenBy(t => t.NameDe, German).ToArray();
        _topicsById = Topics.ToFrozenDictionary(t => t.Id);
        _advisors = advisors.OrderBy(a => a.LastName, German).ThenBy(a => a.FirstName, German).ThenBy(a => a.Id).ToArray();
        _all = Enumerable.Range(0, _advisors.Length).ToArray();
        _searchText = _advisors.Select(a => SearchText.Fold(string.Join(' ', Searchable(a)))).ToArray();
        _bySlug = _all.ToFrozenDictionary(i => _advisors[i].Slug, StringComparer.OrdinalIgnoreCase);

        var topicSlugs = Topics.ToDictionary(t => t.Id, t => t.Slug);
        _byTopic = Postings(i => _advisors[i].TopicIds?.Where(topicSlugs.ContainsKey).Select(id => topicSlugs[id]));
        _byLanguage = Postings(i => _advisors[i].Languages?.Select(l => l.Code));
        _byCountry = Postings(i => _advisors[i].Countries);
        _byCity = Postings(i => _advisors[i].CityKey is { } key ? [key] : null);

        // City order: by city name, then name; advisors without a published city last.
        _cityOrder = _all.OrderBy(i => _advisors[i].CityName is null ? 1 : 0)
            .ThenBy(i => _advisors[i].CityName ?? "", German).ThenBy(i => i).ToArray();
        _cityRank = new int[_advisors.Length];
        for (var r = 0; r < _cityOrder.Length; r++) _cityRank[_cityOrder[r]] = r;
    }

    /// <summary>
    /// What the free text finds (defect 16): the name, expertise and bio, and the published topics, languages and
    /// countries of origin in all three UI languages — "Ghana", "Twi" or "faire Beschaffung" finds the person.
    /// </summary>
    private IEnumerable<string?> Searchable(DirectoryAdvisor a)
    {
        yield return a.FirstName;
        yield return a.LastName;
        yield return a.Expertise;
        yield return a.Bio;
        foreach (var id in a.TopicIds ?? [])
            if (_topicsById.TryGetValue(id, out var t)) { yield return t.NameDe; yield return t.NameEn; yield return t.NameFr; }
        foreach (var l in a.Languages ?? [])
            if (Shared.Reference.Languages.Find(l.Code) is { } language) { yield return language.De; yield return language.En; yield return language.Fr; }
        foreach (var code in a.Countries ?? [])
        {
            if (Shared.Reference.Countries.Find(code) is { } country) { yield return country.De; yield return country.En; yield return country.Fr; }
            foreach (var alias in Shared.Reference.Countries.Aliases(code)) yield return alias;
        }
    }

    public static DirectoryIndex Build(int poolId, IReadOnlyList<DirectoryTopic> topics, IEnumerable<DirectoryAdvisor> advisors) =>
        new(poolId, topics, advisors);

    public static DirectoryIndex Empty(int poolId) => new(poolId, [], []);

    public DirectoryAdvisor? Find(string slug) => _bySlug.TryGetValue(slug, out var i) ? _advisors[i] : null;

    public DirectoryTopic? Topic(int id) => _topicsById.GetValueOrDefault(id);

    public DirectoryPage Query(DirectoryQuery query)
    {
        var matches = Match(query);
        var pageSize = Math.Clamp(query.PageSize, 1, 100);
        var pageCount = Math.Max(1, (matches.Length + pageSize - 1) / pageSize);
        var page = Math.Clamp(query.Page, 1, pageCount);
        var skip = (page - 1) * pageSize;
        var take = Math.Max(0, Math.Min(pageSize, matches.Length - skip));
        var items = new DirectoryAdvisor[take];

        if (query.Sort == DirectorySort.City)
        {
            // Small result sets are sorted by rank; for the whole pool the precomputed order serves directly.
            int[] ordered;
            if (ReferenceEquals(matches, _all)) ordered = _cityOrder;
            else
            {
                ordered = (int[])matches.Clone();
                var ranks = new int[ordered.Length];
                for (var k = 0; k < ordered.Length; k++) ranks[k] = _cityRank[ordered[k]];
                Array.Sort(ranks, ordered);
            }
            for (var k = 0; k < take; k++) items[k] = _advisors[ordered[skip + k]];
        }
        else if (query.Sort == DirectorySort.NameDescending)
        {
            for (var k = 0; k < take; k++) items[k] = _advisors[matches[matches.Length - 1 - skip - k]];
        }
        else
        {
            for (var k = 0; k < take; k++) items[k] = _advisors[matches[skip + k]];
        }
        return new DirectoryPage(matches.Length, page, pageSize, items);
    }

    /// <summary>The ordinals (name order) that pass every filter of the query.</summary>
    private int[] Match(DirectoryQuery query)
    {
        var lists = new List<int[]>(4);
        if (!Add(lists, _byTopic, query.Topic) || !Add(lists, _byLanguage, query.Language)
            || !Add(lists, _byCountry, query.Country) || !Add(lists, _byCity, query.City))
        {
            return [];
        }

        var candidates = _all;
        if (lists.Count > 0)
        {
            lists.Sort((a, b) => a.Length.CompareTo(b.Length));
            candidates = lists[0];
            for (var k = 1; k < lists.Count && candidates.Length > 0; k++) candidates = Intersect(candidates, lists[k]);
        }

        var terms = SearchText.Terms(query.Text);
        if (terms.Length == 0) return candidates;
        var found = new List<int>();
        foreach (var i in candidates)
        {
            var text = _searchText[i];
            var all = true;
            foreach (var term in terms)
            {
                if (!text.Contains(term, StringComparison.Ordinal)) { all = false; break; }
            }
            if (all) found.Add(i);
        }
        return found.ToArray();
    }

    /// <summary>Adds the posting list of a filter value; false when the value matches nobody (result is empty).</summary>
    private static bool Add(List<int[]> lists, FrozenDictionary<string, int[]> postings, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return true;
        if (!postings.TryGetValue(value.Trim(), out var list)) return false;
        lists.Add(list);
        return true;
    }

    /// <summary>Merge of two sorted ordinal lists.</summary>
    public static int[] Intersect(int[] a, int[] b)
    {
        var result = new int[Math.Min(a.Length, b.Length)];
        int i = 0, j = 0, n = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] < b[j]) i++;
            else if (a[i] > b[j]) j++;
            else { result[n++] = a[i]; i++; j++; }
        }
        Array.Resize(ref result, n);
        return result;
    }

    private FrozenDictionary<string, int[]> Postings(Func<int, IEnumerable<string>?> values)
    {
        var map = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        foreach (var i in _all)
        {
            foreach (var value in (values(i) ?? []).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                if (!map.TryGetValue(value, out var list)) map[value] = list = [];
                list.Add(i);
            }
        }
        return map.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Filter values for one UI culture, sorted by their displayed name; computed once per snapshot.</summary>
    public DirectoryFilterOptions FilterOptions(string culture) => _filterOptions.GetOrAdd(culture, c =>
    {
        var comparer = StringComparer.Create(CultureInfo.GetCultureInfo(c), CompareOptions.IgnoreCase);
        return new DirectoryFilterOptions(
            new(Topics.Select(t => new FilterOption(t.Slug, t.Name(c)))),
            new(_byLanguage.Keys.Select(code => new FilterOption(code, DirectoryAdvisor.LanguageName(code, c))).OrderBy(o => o.Label, comparer)),
            new(_byCountry.Keys.Select(code => new FilterOption(code, DirectoryAdvisor.CountryName(code, c))).OrderBy(o => o.Label, comparer)),
            new(_byCity.Keys.Select(key => new FilterOption(key, _advisors[_byCity[key][0]].CityName ?? key)).OrderBy(o => o.Label, comparer)));
    });
}
