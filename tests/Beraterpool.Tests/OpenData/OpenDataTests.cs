using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Beraterpool.Tests.Infrastructure;

namespace Beraterpool.Tests.OpenData;

public sealed partial class OpenDataTests(OpenDataWorld app) : IClassFixture<OpenDataWorld>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/")]
    [InlineData("/impact")]
    public async Task Home_and_impact_describe_the_pool_as_a_schema_org_Organization(string page)
    {
        var org = Single(await app.Browser().GetStringAsync(page, Ct), "Organization");
        Assert.Equal("https://schema.org", org.GetProperty("@context").GetString());
        Assert.Equal("Testpool", org.GetProperty("name").GetString());
        Assert.Equal("http://localhost/", org.GetProperty("url").GetString());
        Assert.Equal("pool@test.local", org.GetProperty("email").GetString());
        var logo = org.GetProperty("logo").GetString()!;
        Assert.Equal("http://localhost/pools/test/logo", logo);
        Assert.Equal(HttpStatusCode.OK, (await app.Browser().GetAsync(logo, Ct)).StatusCode);
    }

    [Fact]
    public async Task The_profile_describes_the_advisor_as_a_Person_with_the_consented_fields_and_no_origin_or_age()
    {
        var html = await app.Browser().GetStringAsync("/advisors/" + OpenDataWorld.Everything, Ct);
        var person = Single(html, "Person");
        Assert.Equal("https://schema.org", person.GetProperty("@context").GetString());
        Assert.Equal("Alle Angaben", person.GetProperty("name").GetString());
        Assert.Equal("Berater*in im Testpool", person.GetProperty("jobTitle").GetString());
        Assert.Equal(["de", "tr"], person.GetProperty("knowsLanguage").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(["Fairer Handel"], person.GetProperty("knowsAbout").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("Köln", person.GetProperty("homeLocation").GetProperty("name").GetString());
        Assert.Equal("http://localhost/#organization", person.GetProperty("memberOf").GetProperty("@id").GetString());
        Assert.Equal("http://localhost/advisors/alle-angaben", person.GetProperty("url").GetString());
        // The directory shows countries, gender and age with consent; the Person block never carries them.
        var names = person.EnumerateObject().Select(p => p.Name).ToList();
        Assert.DoesNotContain(names, n => n is "gender" or "birthDate" or "nationality" or "homeCountry");
        Assert.DoesNotContain("Türkei", Block(html, "Person"));
        Assert.DoesNotContain("1980", Block(html, "Person"));
        // A title that tries to close the script block stays inside it, escaped, and reads back unchanged.
        Assert.Equal(OpenDataWorld.Breakout, person.GetProperty("description").GetString());
        Assert.DoesNotContain("</script><script>alert(1)", html);
        Assert.Contains("\\u003C/script\\u003E", Block(html, "Person"));
    }

    [Fact]
    public async Task An_advisor_without_the_city_consent_has_no_homeLocation_and_no_country_appears()
    {
        var html = await app.Browser().GetStringAsync("/advisors/" + OpenDataWorld.NoCity, Ct);
        var person = Single(html, "Person");
        Assert.False(person.TryGetProperty("homeLocation", out _));
        var block = Block(html, "Person");
        Assert.DoesNotContain("Bonn", block);
        Assert.DoesNotContain("Senegal", block);
        Assert.DoesNotContain("\"SN\"", block);
        Assert.Equal(["fr"], person.GetProperty("knowsLanguage").EnumerateArray().Select(l => l.GetString()));
        Assert.False(person.TryGetProperty("knowsAbout", out _));
    }

    [Fact]
    public async Task An_event_page_describes_the_Event_with_local_times_and_their_offset()
    {
        var winter = Single(await app.Browser().GetStringAsync($"/events/{app.Winter}", Ct), "Event");
        Assert.Equal("https://schema.org", winter.GetProperty("@context").GetString());
        Assert.Equal("Dialogforum im Winter", winter.GetProperty("name").GetString());
        Assert.Equal("2026-01-20T18:00:00+01:00", winter.GetProperty("startDate").GetString());
        Assert.Equal("2026-01-20T20:00:00+01:00", winter.GetProperty("endDate").GetString());
        Assert.Equal("https://schema.org/EventScheduled", winter.GetProperty("eventStatus").GetString());
        Assert.Equal("https://schema.org/OfflineEventAttendanceMode", winter.GetProperty("eventAttendanceMode").GetString());
        Assert.Equal("Place", winter.GetProperty("location").GetProperty("@type").GetString());
        Assert.Equal("Rathaus Köln", winter.GetProperty("location").GetProperty("name").GetString());
        Assert.Equal("Testpool", winter.GetProperty("organizer").GetProperty("name").GetString());

        var summer = Single(await app.Browser().GetStringAsync($"/events/{app.Summer}", Ct), "Event");
        Assert.Equal("2026-07-02T18:00:00+02:00", summer.GetProperty("startDate").GetString());

        // The join link goes to registered people only: the virtual location is the public event page.
        var html = await app.Browser().GetStringAsync($"/events/{app.Cancelled}", Ct);
        var cancelled = Single(html, "Event");
        Assert.Equal("https://schema.org/EventCancelled", cancelled.GetProperty("eventStatus").GetString());
        Assert.Equal("https://schema.org/OnlineEventAttendanceMode", cancelled.GetProperty("eventAttendanceMode").GetString());
        Assert.Equal("VirtualLocation", cancelled.GetProperty("location").GetProperty("@type").GetString());
        Assert.Equal($"http://localhost/events/{app.Cancelled}", cancelled.GetProperty("location").GetProperty("url").GetString());
        Assert.DoesNotContain("geheimer-raum", html);
    }

    [Fact]
    public async Task The_catalogue_lists_four_datasets_and_every_file_answers_with_its_media_type()
    {
        var response = await app.Browser().GetAsync("/opendata/catalog.jsonld", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/ld+json", response.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var catalog = doc.RootElement;
        Assert.Equal("http://www.w3.org/ns/dcat#", catalog.GetProperty("@context").GetProperty("dcat").GetString());
        Assert.Equal("dcat:Catalog", catalog.GetProperty("@type").GetString());
        var datasets = catalog.GetProperty("dcat:dataset").EnumerateArray().ToList();
        Assert.Equal(4, datasets.Count);
        foreach (var d in datasets)
        {
            Assert.Equal("dcat:Dataset", d.GetProperty("@type").GetString());
            Assert.False(string.IsNullOrWhiteSpace(d.GetProperty("dct:title").GetProperty("@value").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(d.GetProperty("dct:description").GetProperty("@value").GetString()));
            Assert.Equal("foaf:Organization", d.GetProperty("dct:publisher").GetProperty("@type").GetString());
            Assert.Equal("Testpool", d.GetProperty("dct:publisher").GetProperty("foaf:name").GetString());
            Assert.Equal("http://dcat-ap.de/def/licenses/dl-by-de/2.0", d.GetProperty("dct:license").GetProperty("@id").GetString());
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", d.GetProperty("dct:modified").GetProperty("@value").GetString()!);
            Assert.StartsWith("http://publications.europa.eu/resource/authority/data-theme/", d.GetProperty("dcat:theme").GetProperty("@id").GetString());
            foreach (var file in d.GetProperty("dcat:distribution").EnumerateArray())
            {
                var url = file.GetProperty("dcat:downloadURL").GetProperty("@id").GetString()!;
                Assert.Equal(url, file.GetProperty("dcat:accessURL").GetProperty("@id").GetString());
                Assert.StartsWith("http://publications.europa.eu/resource/authority/file-type/", file.GetProperty("dct:format").GetProperty("@id").GetString());
                var type = file.GetProperty("dcat:mediaType").GetProperty("@id").GetString()!.Replace("https://www.iana.org/assignments/media-types/", "");
                var answer = await app.Browser().GetAsync(url, Ct);
                Assert.True(answer.StatusCode == HttpStatusCode.OK, $"{url}: {answer.StatusCode}");
                Assert.Equal(type, answer.Content.Headers.ContentType?.MediaType);
            }
        }
        // Events last changed on 1 February (their records say so); the indicators are counted live, so as of today.
        Assert.Equal("2026-02-01", Modified(datasets, "events"));
        Assert.Equal("2026-06-15", Modified(datasets, "indicators"));
    }

    [Fact]
    public async Task Another_pool_has_its_own_catalogue_under_its_prefix()
    {
        using var doc = JsonDocument.Parse(await app.Browser().GetStringAsync($"/pool/{OpenDataWorld.Second}/opendata/catalog.jsonld", Ct));
        var dataset = doc.RootElement.GetProperty("dcat:dataset")[0];
        Assert.Equal($"Pool {OpenDataWorld.Second}", dataset.GetProperty("dct:publisher").GetProperty("foaf:name").GetString());
        var url = dataset.GetProperty("dcat:distribution")[0].GetProperty("dcat:downloadURL").GetProperty("@id").GetString()!;
        Assert.StartsWith($"http://localhost/pool/{OpenDataWorld.Second}/opendata/", url);
        Assert.Equal(HttpStatusCode.OK, (await app.Browser().GetAsync(url, Ct)).StatusCode);
    }

    [Fact]
    public async Task The_indicator_files_hold_only_the_published_indicators_for_this_and_last_year()
    {
        var bytes = await app.Browser().GetByteArrayAsync("/opendata/indicators.csv", Ct);
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("Schlüssel;Kennzahl;Einheit;Jahr;Wert", lines[0]);
        var rows = lines[1..].Select(l => l.Split(';')).ToList();
        Assert.Equal(["beratungstage|2025", "beratungstage|2026", "veranstaltungen|2025", "veranstaltungen|2026"],
            rows.Select(r => $"{r[0]}|{r[3]}").Order());
        // Winter, summer and the event by invitation; not the cancelled one.
        Assert.Equal("3", rows.Single(r => r[0] == "veranstaltungen" && r[3] == "2026")[4]);

        using var json = JsonDocument.Parse(await app.Browser().GetStringAsync("/opendata/indicators.json", Ct));
        var keys = json.RootElement.GetProperty("indicators").EnumerateArray().Select(i => i.GetProperty("key").GetString()).Distinct().Order();
        Assert.Equal(["beratungstage", "veranstaltungen"], keys);
    }

    [Fact]
    public async Task The_pool_in_figures_counts_only_consented_fields()
    {
        using var json = JsonDocument.Parse(await app.Browser().GetStringAsync("/opendata/statistics.json", Ct));
        var s = json.RootElement.GetProperty("statistics");
        Assert.Equal(2, s.GetProperty("advisors").GetInt32());
        Assert.Equal(["Köln"], s.GetProperty("cities").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(["Türkei"], s.GetProperty("countries").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("http://dcat-ap.de/def/licenses/dl-by-de/2.0", json.RootElement.GetProperty("license").GetString());
    }

    [Fact]
    public async Task The_open_data_page_lists_the_datasets_with_licence_and_is_linked_from_the_footer()
    {
        var home = await app.Browser().GetStringAsync("/", Ct);
        Assert.Contains("href=\"/opendata\"", home);
        var html = await app.Browser().GetStringAsync("/opendata", Ct);
        Assert.Equal(4, DatasetItem().Matches(html).Count);
        Assert.Contains("Datenlizenz Deutschland – Namensnennung – Version 2.0", Html.Text(html));
        Assert.Contains("href=\"http://localhost/opendata/indicators.csv\"", html);
        Assert.Contains("href=\"http://localhost/api/advisors\"", html);
        Assert.Contains("href=\"http://localhost/events.ics\"", html);
        Assert.Contains("href=\"/opendata/catalog.jsonld\"", html);
    }

    private static string? Modified(List<JsonElement> datasets, string key) =>
        datasets.Single(d => d.GetProperty("@id").GetString()!.EndsWith("#" + key)).GetProperty("dct:modified").GetProperty("@value").GetString();

    /// <summary>Every JSON-LD block of the page must parse; the one of the type asked for is returned.</summary>
    private static JsonElement Single(string html, string type)
    {
        var blocks = JsonLdBlock().Matches(html).Select(m => JsonDocument.Parse(m.Groups[1].Value).RootElement.Clone()).ToList();
        return Assert.Single(blocks, b => b.GetProperty("@type").GetString() == type);
    }

    private static string Block(string html, string type) =>
        JsonLdBlock().Matches(html).Select(m => m.Groups[1].Value).Single(b => b.Contains($"\"@type\":\"{type}\"", StringComparison.Ordinal));

    [GeneratedRegex("<script type=\"application/ld\\+json\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex JsonLdBlock();

    [GeneratedRegex("<li id=\"[a-z]+\" data-dataset=")]
    private static partial Regex DatasetItem();
}
