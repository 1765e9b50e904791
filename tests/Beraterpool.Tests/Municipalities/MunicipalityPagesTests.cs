using System.Net;
using System.Text.Json;
using Beraterpool.Tests.Infrastructure;

namespace Beraterpool.Tests.Municipalities;

public sealed class MunicipalityPagesTests(MunicipalityPagesTests.RegisterApp app) : IClassFixture<MunicipalityPagesTests.RegisterApp>
{
    /// <summary>Read-only tests over the full register, imported once for the class.</summary>
    public sealed class RegisterApp() : TestApp(importGazetteer: true);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> TextOfAsync(string url)
    {
        var response = await app.CreateClient().GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Html.Text(await response.Content.ReadAsStringAsync(Ct));
    }

    [Theory]
    [InlineData("köln")]
    [InlineData("Koeln")]
    [InlineData("05315000")]
    [InlineData("50667")]
    public async Task Search_finds_Koeln(string query)
    {
        var html = await app.CreateClient().GetStringAsync("/municipalities?q=" + Uri.EscapeDataString(query), Ct);
        Assert.Contains("href=\"/municipalities/05315000\"", html);
        Assert.Contains("1.087.863", Html.Text(html));
    }

    [Theory]
    [InlineData("Kreis Lippe", "05766")]
    [InlineData("Landkreis München", "09184")]
    [InlineData("Stadt Köln", "05315000")]
    [InlineData("Köln, Stadt", "05315000")]
    public async Task Defect8_Kreis_Landkreis_and_Stadt_forms_find_their_entry_first(string query, string key)
    {
        var html = await app.CreateClient().GetStringAsync("/municipalities?q=" + Uri.EscapeDataString(query), Ct);
        var first = System.Text.RegularExpressions.Regex.Match(html, "<tbody.*?href=\"/municipalities/(\\d+)\"", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.Equal(key, first.Groups[1].Value);
    }

    [Fact]
    public async Task Defect8_a_district_free_city_is_listed_once_and_the_hint_names_the_town_hall_postcode()
    {
        var html = await app.CreateClient().GetStringAsync("/municipalities?q=hamm&state=05", Ct);
        Assert.Contains("href=\"/municipalities/05915000\"", html);
        // The district record of the same city would be a second row (its link is followed by the row's postcode span).
        Assert.DoesNotMatch("href=\"/municipalities/05915\">[^<]*</a> <span class=\"muted\">", html);
        var none = Html.Text(await app.CreateClient().GetStringAsync("/municipalities?q=50931", Ct));
        Assert.Contains("nur eine Postleitzahl, die des Rathauses", none);
        Assert.Contains("Bitte suchen Sie mit dem Namen", none);
    }

    [Fact]
    public async Task Search_by_name_lists_exact_match_first_with_type_district_and_state()
    {
        var html = await app.CreateClient().GetStringAsync("/municipalities?q=neustadt", Ct);
        var text = Html.Text(html);
        Assert.Matches(@"\d+ Treffer", text);
        Assert.Contains("Seite 1 von", text);
        Assert.Contains("rel=\"next\"", html);

        var koelnHtml = await app.CreateClient().GetStringAsync("/municipalities?q=k%C3%B6ln", Ct);
        var firstLink = System.Text.RegularExpressions.Regex.Match(koelnHtml, "<tbody.*?href=\"/municipalities/(\\d+)\"", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.Equal("05315000", firstLink.Groups[1].Value);
        var koeln = Html.Text(koelnHtml);
        Assert.Contains("Kreisfreie Stadt", koeln);
        Assert.Contains("Nordrhein-Westfalen", koeln);
    }

    [Fact]
    public async Task Search_can_be_limited_to_a_state_and_pages_through_results()
    {
        var page1 = await TextOfAsync("/municipalities?state=05");
        Assert.Contains("427 Treffer", page1); // 396 municipalities + 31 districts (the 22 district-free cities once, as municipalities)
        Assert.Contains("Seite 1 von 22", page1);
        var page2 = await app.CreateClient().GetStringAsync("/municipalities?state=05&page=2", Ct);
        Assert.Contains("Seite 2 von 22", Html.Text(page2));
        Assert.Contains("rel=\"prev\"", page2);
        var results = Html.Text(page2)[Html.Text(page2).IndexOf("Treffer", StringComparison.Ordinal)..];
        Assert.Contains("Nordrhein-Westfalen", results);
        Assert.DoesNotContain("Bayern", results, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_without_hits_says_so()
    {
        var text = await TextOfAsync("/municipalities?q=Atlantis");
        Assert.Contains("Keine Kommune gefunden", text);
        Assert.Contains("„Atlantis“", text);
    }

    [Fact]
    public async Task Municipality_page_shows_name_type_district_and_population()
    {
        var html = await app.CreateClient().GetStringAsync("/municipalities/05362012", Ct); // Brühl
        var text = Html.Text(html);
        Assert.Contains("Brühl", text);
        Assert.Contains("44.126", text);
        Assert.Contains("Stadt", text);
        Assert.Contains("Rhein-Erft-Kreis", text);
        Assert.Contains("Nordrhein-Westfalen", text);
        Assert.Contains("Reg.-Bez. Köln", text);
        Assert.Contains("50321", text);
        Assert.Contains("href=\"/municipalities/05362\"", html);

        var koeln = await TextOfAsync("/municipalities/05315000");
        Assert.Contains("Köln", koeln);
        Assert.Contains("1.087.863", koeln);
        Assert.Contains("Kreisfreie Stadt", koeln);
    }

    [Fact]
    public async Task District_page_lists_its_municipalities_with_paging()
    {
        var html = await app.CreateClient().GetStringAsync("/municipalities/05766", Ct); // Kreis Lippe, 16 municipalities
        var text = Html.Text(html);
        Assert.Contains("Lippe", text);
        Assert.Contains("Gemeinden im Kreis (16)", text);
        Assert.Contains("Detmold", text);
        Assert.Contains("Kreis", text);

        var large = await TextOfAsync("/municipalities/09184?page=2"); // Landkreis München, 29 municipalities
        Assert.Contains("Seite 2 von 2", large);
    }

    [Theory]
    [InlineData("/municipalities/99999999")]
    [InlineData("/municipalities/0531")]
    [InlineData("/municipalities/abcdefgh")]
    public async Task Unknown_key_answers_404(string url)
    {
        var response = await app.CreateClient().GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Pages_are_translated_to_English()
    {
        var text = await TextOfAsync("/municipalities?q=k%C3%B6ln&lang=en");
        Assert.Contains("Find municipalities", text);
        Assert.Contains("District-free city", text);
    }

    [Fact]
    public async Task Type_ahead_api_answers_with_at_most_ten_hits()
    {
        var json = await app.CreateClient().GetStringAsync("/api/municipalities?q=k%C3%B6ln", Ct);
        using var doc = JsonDocument.Parse(json);
        var hits = doc.RootElement.EnumerateArray().ToList();
        Assert.InRange(hits.Count, 1, 10);
        var koeln = hits.First(h => h.GetProperty("key").GetString() == "05315000");
        Assert.Equal("Köln", koeln.GetProperty("name").GetString());
        Assert.Equal("50667", koeln.GetProperty("postcode").GetString());
        Assert.Equal("Nordrhein-Westfalen", koeln.GetProperty("state").GetString());
        Assert.Equal("Köln, Stadt", koeln.GetProperty("district").GetString());

        using var many = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/api/municipalities?q=berg", Ct));
        Assert.Equal(10, many.RootElement.GetArrayLength());
    }

    [Fact]
    public async Task About_page_names_source_licence_and_last_import()
    {
        var html = await app.CreateClient().GetStringAsync("/about-data", Ct);
        var text = Html.Text(html);
        Assert.Contains("Statistisches Bundesamt (Destatis), Gemeindeverzeichnis", text);
        Assert.Contains("Datenlizenz Deutschland – Namensnennung – 2.0", text);
        Assert.Contains("href=\"https://www.govdata.de/dl-de/by-2-0\"", html);
        Assert.Contains("2020", text);
        Assert.Contains(DateTime.UtcNow.Year.ToString(), text[text.IndexOf("Letzter Import", StringComparison.Ordinal)..]);
        Assert.Contains("/api/advisors", text);
    }
}
