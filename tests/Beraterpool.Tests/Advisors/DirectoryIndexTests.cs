using Beraterpool.Web.Features.Advisors;
using Beraterpool.Web.Features.Advisors.Directory;

namespace Beraterpool.Tests.Advisors;

public sealed class DirectoryIndexTests
{
    private static readonly DirectoryTopic Trade = new(1, "fairer-handel", "Fairer Handel", null, null, 1);
    private static readonly DirectoryTopic Sdg = new(2, "agenda-2030", "Agenda 2030", null, null, 2);

    private static DirectoryAdvisor Advisor(int id, string first, string last, string? city = null, int[]? topics = null,
        string[]? languages = null, string[]? countries = null, string? expertise = null, string? bio = null) => new()
    {
        Id = id, Slug = $"{first}-{last}".ToLowerInvariant(), FirstName = first, LastName = last,
        CityKey = city is null ? null : $"k-{city}", CityName = city, TopicIds = topics,
        Languages = languages?.Select(l => new DirectoryLanguage(l, LanguageLevel.Fluent)).ToArray(),
        Countries = countries, Expertise = expertise, Bio = bio,
    };

    private static DirectoryIndex Index(params DirectoryAdvisor[] advisors) => DirectoryIndex.Build(1, [Trade, Sdg], advisors);

    private static string[] Names(DirectoryPage page) => page.Items.Select(a => a.LastName).ToArray();

    [Fact]
    public void Filters_intersect_topic_language_and_country()
    {
        var index = Index(
            Advisor(1, "A", "Ade", topics: [1], languages: ["fr", "de"], countries: ["SN"]),
            Advisor(2, "B", "Bah", topics: [1], languages: ["de"], countries: ["SN"]),
            Advisor(3, "C", "Cole", topics: [2], languages: ["fr"], countries: ["SN"]),
            Advisor(4, "D", "Diop", topics: [1, 2], languages: ["fr"], countries: ["GH"]));

        Assert.Equal(["Ade", "Diop"], Names(index.Query(new DirectoryQuery(Topic: "fairer-handel", Language: "fr"))));
        Assert.Equal(["Ade"], Names(index.Query(new DirectoryQuery(Topic: "fairer-handel", Language: "FR", Country: "sn"))));
        Assert.Empty(index.Query(new DirectoryQuery(Topic: "agenda-2030", Language: "de")).Items);
    }

    [Fact]
    public void Defect16_free_text_finds_published_topics_languages_and_countries_in_each_UI_language()
    {
        var index = Index(
            Advisor(1, "Kwame", "Asante", topics: [1], languages: ["tw"], countries: ["GH"]),
            Advisor(2, "Aïssatou", "Ba", topics: [2], languages: ["wo"], countries: ["SN"]));

        Assert.Equal(["Asante"], Names(index.Query(new DirectoryQuery(Text: "Ghana"))));
        Assert.Equal(["Asante"], Names(index.Query(new DirectoryQuery(Text: "twi fairer"))));
        Assert.Equal(["Ba"], Names(index.Query(new DirectoryQuery(Text: "Sénégal"))));
        Assert.Equal(["Ba"], Names(index.Query(new DirectoryQuery(Text: "agenda 2030 wolof"))));
        Assert.Empty(index.Query(new DirectoryQuery(Text: "Ghana Wolof")).Items);
    }

    [Fact]
    public void Unknown_filter_value_matches_nobody()
    {
        var index = Index(Advisor(1, "A", "Ade", topics: [1]));
        var page = index.Query(new DirectoryQuery(Topic: "gibt-es-nicht"));
        Assert.Equal(0, page.Total);
        Assert.Equal(1, page.PageCount);
    }

    [Fact]
    public void Text_search_folds_umlauts_accents_and_case_and_needs_every_word()
    {
        var index = Index(
            Advisor(1, "Jürgen", "Müller", expertise: "Faire Beschaffung"),
            Advisor(2, "Aïcha", "Côté", bio: "Straßenfeste und Öffentlichkeitsarbeit"),
            Advisor(3, "Paul", "Meyer", expertise: "Wasser"));

        Assert.Equal(["Müller"], Names(index.Query(new DirectoryQuery(Text: "mueller"))));
        Assert.Equal(["Müller"], Names(index.Query(new DirectoryQuery(Text: "MÜLLER"))));
        Assert.Equal(["Côté"], Names(index.Query(new DirectoryQuery(Text: "aicha cote"))));
        Assert.Equal(["Côté"], Names(index.Query(new DirectoryQuery(Text: "strassenfeste oeffentlichkeit"))));
        Assert.Equal(["Müller"], Names(index.Query(new DirectoryQuery(Text: "  beschaffung   jürgen "))));
        Assert.Empty(index.Query(new DirectoryQuery(Text: "müller wasser")).Items);
    }

    [Fact]
    public void Unpublished_text_is_not_searchable()
    {
        // Expertise and bio are null when not consented; the index never sees them.
        var index = Index(Advisor(1, "Jana", "Ott", expertise: null, bio: null));
        Assert.Empty(index.Query(new DirectoryQuery(Text: "geheim")).Items);
    }

    [Fact]
    public void Sorts_by_name_both_ways_and_by_city_with_unpublished_cities_last()
    {
        var index = Index(
            Advisor(1, "A", "Özdemir", city: "Köln", topics: [1]),
            Advisor(2, "B", "Bauer", city: "Aachen", topics: [1]),
            Advisor(3, "C", "Zander", topics: [1]),
            Advisor(4, "D", "Oduya", city: "Bonn"));

        Assert.Equal(["Bauer", "Oduya", "Özdemir", "Zander"], Names(index.Query(new DirectoryQuery())));
        Assert.Equal(["Zander", "Özdemir", "Oduya", "Bauer"], Names(index.Query(new DirectoryQuery(Sort: DirectorySort.NameDescending))));
        Assert.Equal(["Bauer", "Oduya", "Özdemir", "Zander"], Names(index.Query(new DirectoryQuery(Sort: DirectorySort.City))));
        Assert.Equal(["Bauer", "Özdemir", "Zander"], Names(index.Query(new DirectoryQuery(Topic: "fairer-handel", Sort: DirectorySort.City))));
    }

    [Fact]
    public void Pages_hold_twenty_and_an_out_of_range_page_shows_the_last()
    {
        var index = Index(Enumerable.Range(1, 45).Select(i => Advisor(i, "X", $"N{i:00}")).ToArray());

        var first = index.Query(new DirectoryQuery());
        Assert.Equal((45, 3, 20), (first.Total, first.PageCount, first.Items.Count));
        Assert.Equal("N01", first.Items[0].LastName);
        var third = index.Query(new DirectoryQuery(Page: 3));
        Assert.Equal(["N41", "N42", "N43", "N44", "N45"], Names(third));
        var beyond = index.Query(new DirectoryQuery(Page: 99));
        Assert.Equal(3, beyond.Page);
        Assert.Equal("N45", index.Query(new DirectoryQuery(Sort: DirectorySort.NameDescending)).Items[0].LastName);
        Assert.Equal(["N05", "N04", "N03", "N02", "N01"], Names(index.Query(new DirectoryQuery(Sort: DirectorySort.NameDescending, Page: 3))));
    }

    [Fact]
    public void Intersect_keeps_common_ordinals_in_order()
    {
        Assert.Equal([2, 5, 9], DirectoryIndex.Intersect([1, 2, 5, 7, 9], [2, 3, 5, 9, 11]));
        Assert.Empty(DirectoryIndex.Intersect([1, 3], [2, 4]));
    }

    [Fact]
    public void Filter_options_list_only_values_that_occur_sorted_by_their_name()
    {
        var index = Index(
            Advisor(1, "A", "Ade", city: "Köln", languages: ["sw", "de"], countries: ["KE"]),
            Advisor(2, "B", "Bah", city: "Aachen", languages: ["am"], countries: ["ET"]));
        var options = index.FilterOptions("de");
        Assert.Equal(["Amharisch", "Deutsch", "Suaheli"], options.Languages.Select(o => o.Label));
        Assert.Equal(["Äthiopien", "Kenia"], options.Countries.Select(o => o.Label));
        Assert.Equal(["Aachen", "Köln"], options.Cities.Select(o => o.Label));
        Assert.Equal(["fairer-handel", "agenda-2030"], options.Topics.Select(o => o.Value));
    }
}
