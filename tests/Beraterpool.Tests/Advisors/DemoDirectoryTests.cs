using System.Net;
using System.Text.Json;
using Beraterpool.Tests.Infrastructure;

namespace Beraterpool.Tests.Advisors;

/// <summary>The directory over the demo data (read-only).</summary>
public sealed class DemoDirectoryTests(DemoApp app)
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Default_pool_lists_the_twenty_NRW_advisors()
    {
        var text = Html.Text(await _client.GetStringAsync("/advisors", TestContext.Current.CancellationToken));
        Assert.Contains("20 Berater*innen gefunden", text);
        Assert.Contains("Amina Tesfaye", text);
        Assert.DoesNotContain("Leyla Haddad", text);
    }

    [Fact]
    public async Task Pool_prefix_shows_the_Baden_Wuerttemberg_pool()
    {
        var html = await _client.GetStringAsync("/pool/bw/advisors", TestContext.Current.CancellationToken);
        var text = Html.Text(html);
        Assert.Contains("6 Berater*innen gefunden", text);
        Assert.Contains("Leyla Haddad", text);
        Assert.DoesNotContain("Amina Tesfaye", text);
        Assert.Contains("href=\"/pool/bw/advisors/leyla-haddad\"", html);
        Assert.Contains("MiGlobe Baden-Württemberg", text);

        var profile = await _client.GetAsync("/pool/bw/advisors/leyla-haddad", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
        using var api = JsonDocument.Parse(await _client.GetStringAsync("/pool/bw/api/advisors", TestContext.Current.CancellationToken));
        Assert.Equal(6, api.RootElement.GetProperty("total").GetInt32());
        Assert.Equal("bw", api.RootElement.GetProperty("pool").GetProperty("slug").GetString());
    }

    [Fact]
    public async Task Profile_of_another_pool_is_404()
    {
        var response = await _client.GetAsync("/pool/bw/advisors/amina-tesfaye", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/advisors/leyla-haddad", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Open_data_omits_private_and_withheld_fields()
    {
        var json = await _client.GetStringAsync("/api/advisors", TestContext.Current.CancellationToken);
        Assert.DoesNotContain("@miglobe.local", json);
        Assert.DoesNotContain("birthYear", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("userId", json, StringComparison.OrdinalIgnoreCase);
        using var doc = JsonDocument.Parse(json);
        var items = doc.RootElement.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("slug").GetString()!);
        Assert.Equal(20, items.Count);
        Assert.False(items["emmanuel-adeyemi"].TryGetProperty("countries", out _), "he did not consent to publish his country of origin");
        Assert.False(items["jean-pierre-mbarga"].TryGetProperty("age", out _), "he did not consent to publish his age");
        Assert.Equal(23, items["marie-claire-uwase"].GetProperty("age").GetInt32());
        Assert.Equal("Côte d'Ivoire", items["serge-kouassi"].GetProperty("countries")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Directory_speaks_English_when_asked()
    {
        var text = Html.Text(await _client.GetStringAsync("/advisors?lang=en&topic=fairer-handel", TestContext.Current.CancellationToken));
        Assert.Contains("Our advisors", text);
        Assert.Contains("advisors found", text);
        Assert.Contains("Fair trade", text);
    }
}
