using System.Net;
using System.Text.RegularExpressions;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Advisors;

namespace Beraterpool.Tests.Advisors;

/// <summary>One app with a small arranged pool: two advisors to find, one paused, 25 others for paging.</summary>
public sealed class DirectoryPageFixture : IAsyncLifetime
{
    public TestApp App { get; } = new(importGazetteer: false);

    public async ValueTask InitializeAsync() => await App.WithDbAsync(async db =>
    {
        var pool = await DirectoryArrange.PoolAsync(db);
        await DirectoryArrange.AdvisorAsync(db, pool, "Jürgen", "Müller", DirectoryArrange.Koeln, ["fairer-handel"], ["de", "sw"], ["KE"],
            "Faire Beschaffung in Kommunen", "Ich berate zu fair gehandeltem Kaffee.", birthYear: DateTime.Today.Year - 40, gender: Gender.Male);
        await DirectoryArrange.AdvisorAsync(db, pool, "Ana", "Silva", DirectoryArrange.Bonn, ["agenda-2030"], ["pt", "de"], ["AO"], "Wasserpartnerschaften");
        await DirectoryArrange.AdvisorAsync(db, pool, "Paula", "Pausiert", DirectoryArrange.Koeln, ["fairer-handel"], ["de", "sw"], ["KE"],
            "Kaffee", status: AdvisorStatus.Paused);
        // Active, but nothing published beyond the name: not in the directory yet.
        await DirectoryArrange.AdvisorAsync(db, pool, "Emil", "Leerprofil", DirectoryArrange.Koeln, languages: ["de"]);
        for (var i = 1; i <= 25; i++)
        {
            await DirectoryArrange.AdvisorAsync(db, pool, "Filler", $"Zz{i:00}", topics: ["agenda-2030"], languages: ["en"]);
        }
        return 0;
    });

    public ValueTask DisposeAsync() => App.DisposeAsync();
}

public sealed partial class DirectoryPageTests(DirectoryPageFixture fixture) : IClassFixture<DirectoryPageFixture>
{
    private readonly HttpClient _client = fixture.App.CreateClient();

    private async Task<string> GetAsync(string url)
    {
        var response = await _client.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }

    private static string[] CardNames(string html) =>
        CardLink().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToArray();

    [GeneratedRegex("<a class=\"kern-link kern-link--stretched\" href=\"[^\"]+\">([^<]+)</a>")]
    private static partial Regex CardLink();

    [Theory]
    [InlineData("/advisors?topic=fairer-handel")]
    [InlineData("/advisors?language=sw")]
    [InlineData("/advisors?country=KE")]
    [InlineData("/advisors?city=05315000")]
    [InlineData("/advisors?q=mueller")]
    [InlineData("/advisors?q=M%C3%BCller")]
    [InlineData("/advisors?q=kaffee")]
    [InlineData("/advisors?topic=fairer-handel&language=de&country=KE&city=05315000&q=beschaffung")]
    public async Task Each_filter_finds_the_active_advisor_that_matches(string url)
    {
        var html = await GetAsync(url);
        Assert.Equal(["Jürgen Müller"], CardNames(html));
        Assert.Contains("1 Berater*in gefunden", Html.Text(html));
    }

    [Fact]
    public async Task Language_filter_for_portuguese_finds_only_the_portuguese_speaker()
    {
        Assert.Equal(["Ana Silva"], CardNames(await GetAsync("/advisors?language=pt")));
        Assert.Equal(["Ana Silva"], CardNames(await GetAsync("/advisors?city=05314000")));
    }

    [Fact]
    public async Task Paused_advisor_is_neither_listed_nor_reachable()
    {
        var html = await GetAsync("/advisors?q=pausiert");
        Assert.Empty(CardNames(html));
        Assert.Contains("Keine Berater*innen gefunden", Html.Text(html));
        Assert.Contains("href=\"/advisors\"", html);
        var profile = await _client.GetAsync("/advisors/paula-pausiert", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, profile.StatusCode);
    }

    [Fact]
    public async Task Directory_pages_by_twenty_with_the_current_page_marked()
    {
        var first = await GetAsync("/advisors");
        Assert.Contains("27 Berater*innen gefunden", Html.Text(first));
        Assert.Equal(20, CardNames(first).Length);
        Assert.Contains("href=\"/advisors?page=2\"", first);
        Assert.Matches("<a class=\"kern-link pager__current\" href=\"/advisors\" aria-current=\"page\"", first);

        var second = await GetAsync("/advisors?page=2");
        Assert.Equal(7, CardNames(second).Length);
        Assert.Equal("Filler Zz25", CardNames(second)[^1]);
        Assert.Contains("aria-current=\"page\" aria-label=\"Seite 2\"", second);
        Assert.Empty(CardNames(first).Intersect(CardNames(second)));
    }

    [Fact]
    public async Task Paging_links_keep_the_filters_and_the_sort()
    {
        var html = await GetAsync("/advisors?topic=agenda-2030&sort=-name");
        Assert.Contains("href=\"/advisors?topic=agenda-2030&amp;sort=-name&amp;page=2\"", html);
        Assert.Equal("Filler Zz25", CardNames(html)[0]);
    }

    [Fact]
    public async Task Filter_form_offers_only_values_that_occur_and_keeps_the_selection()
    {
        var html = await GetAsync("/advisors?language=sw");
        Assert.Contains("<option value=\"sw\" selected=\"selected\">Suaheli</option>", html);
        Assert.Contains("<option value=\"AO\">Angola</option>", html);
        Assert.DoesNotContain("value=\"GH\"", html);
        Assert.Contains("<label class=\"kern-label\" for=\"topic\">Thema</label>", html);
    }

    [Fact]
    public async Task Profile_shows_the_consented_fields()
    {
        var text = Html.Text(await GetAsync("/advisors/juergen-mueller"));
        Assert.Contains("Jürgen Müller", text);
        Assert.Contains("Köln", text);
        Assert.Contains("männlich", text);
        Assert.Contains("40 Jahre", text);
        Assert.Contains("Kenia", text);
        Assert.Contains("Suaheli (fließend)", text);
        Assert.Contains("Fairer Handel", text);
        Assert.Contains("Faire Beschaffung in Kommunen", text);
        Assert.Contains("fair gehandeltem Kaffee", text);
    }

    [Fact]
    public async Task Defect16_an_active_profile_with_nothing_published_but_the_name_is_not_listed_yet()
    {
        Assert.Empty(CardNames(await GetAsync("/advisors?q=Leerprofil")));
        var response = await _client.GetAsync("/advisors/emil-leerprofil", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Defect16_back_to_the_directory_returns_to_the_filtered_list()
    {
        var list = await GetAsync("/advisors?language=sw&sort=-name");
        Assert.Contains("href=\"/advisors/juergen-mueller?language=sw&amp;sort=-name\"", list);
        var profile = await GetAsync("/advisors/juergen-mueller?language=sw&sort=-name&next=//evil.example");
        Assert.Contains("href=\"/advisors?language=sw&amp;sort=-name\">Zurück zum Verzeichnis", profile);
        Assert.DoesNotContain("href=\"//evil.example", profile);
    }

    [Fact]
    public async Task Unknown_profile_is_404()
    {
        var response = await _client.GetAsync("/advisors/niemand", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Open_data_api_filters_and_pages_like_the_page()
    {
        using var doc = System.Text.Json.JsonDocument.Parse(await GetAsync("/api/advisors?language=sw"));
        var root = doc.RootElement;
        Assert.Equal(1, root.GetProperty("total").GetInt32());
        var item = root.GetProperty("items")[0];
        Assert.Equal("Jürgen Müller", item.GetProperty("name").GetString());
        Assert.Equal(40, item.GetProperty("age").GetInt32());
        Assert.Equal("KE", item.GetProperty("countries")[0].GetProperty("code").GetString());
        Assert.False(item.TryGetProperty("email", out _));
        Assert.False(item.TryGetProperty("birthYear", out _));

        using var paged = System.Text.Json.JsonDocument.Parse(await GetAsync("/api/advisors?page=2"));
        Assert.Equal(27, paged.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(2, paged.RootElement.GetProperty("pageCount").GetInt32());
        Assert.Equal(7, paged.RootElement.GetProperty("items").GetArrayLength());
        Assert.False(paged.RootElement.TryGetProperty("next", out _));
        Assert.True(paged.RootElement.TryGetProperty("previous", out _));
    }
}
