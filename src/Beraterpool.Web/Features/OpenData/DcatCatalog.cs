using System.Globalization;
using System.Text.Json.Nodes;
using Beraterpool.Web.Features.Pools;

namespace Beraterpool.Web.Features.OpenData;

/// <summary>
/// The pool's open data as a DCAT-AP.de catalogue in JSON-LD, which portals such as GovData harvest: every dataset with
/// its publisher (the pool), licence (dl-by-de/2.0, attribution to the pool), update date, theme and files.
/// </summary>
public static class DcatCatalog
{
    private static readonly JsonObject Context = new()
    {
        ["dcat"] = "http://www.w3.org/ns/dcat#",
        ["dct"] = "http://purl.org/dc/terms/",
        ["foaf"] = "http://xmlns.com/foaf/0.1/",
        ["vcard"] = "http://www.w3.org/2006/vcard/ns#",
        ["dcatde"] = "http://dcat-ap.de/def/dcatde/",
        ["xsd"] = "http://www.w3.org/2001/XMLSchema#",
    };

    private const string FileTypes = "http://publications.europa.eu/resource/authority/file-type/", MediaTypes = "https://www.iana.org/assignments/media-types/";

    public static JsonObject Write(PoolInfo pool, string site, IReadOnlyList<OpenDataset> datasets)
    {
        var catalog = site + "/opendata/catalog.jsonld";
        return JsonLd.Object(
            ("@context", Context.DeepClone()),
            ("@id", catalog), ("@type", "dcat:Catalog"),
            ("dct:title", German($"Offene Daten: {pool.Name}")),
            ("dct:description", German($"Öffentliche Daten des {pool.Name}: Kennzahlen, der Pool in Zahlen, das Verzeichnis der Berater*innen und die Veranstaltungen.")),
            ("dct:publisher", Publisher(pool, site)),
            ("dct:language", JsonLd.Id("http://publications.europa.eu/resource/authority/language/DEU")),
            ("dct:license", JsonLd.Id(OpenDataSets.License)),
            ("foaf:homepage", JsonLd.Id(site + "/opendata")),
            ("dct:modified", Date(datasets.Max(d => d.Modified))),
            ("dcat:dataset", new JsonArray(datasets.Select(d => (JsonNode)Dataset(d, pool, site)).ToArray())));
    }

    private static JsonObject Dataset(OpenDataset d, PoolInfo pool, string site) => JsonLd.Object(
        ("@id", $"{site}/opendata#{d.Key}"), ("@type", "dcat:Dataset"),
        ("dct:identifier", $"{pool.Slug}-{d.Key}"),
        ("dct:title", German(d.Title)), ("dct:description", German(d.Description)),
        ("dct:publisher", Publisher(pool, site)),
        ("dcat:contactPoint", JsonLd.Object(("@type", "vcard:Organization"), ("vcard:fn", pool.Name),
            ("vcard:hasEmail", JsonLd.Id("mailto:" + pool.ContactEmail)))),
        ("dct:license", JsonLd.Id(OpenDataSets.License)),
        ("dcatde:licenseAttributionByText", pool.Name),
        ("dct:modified", Date(d.Modified)),
        ("dcat:theme", JsonLd.Id(d.Theme)),
        ("dcat:landingPage", JsonLd.Id(site + "/opendata")),
        ("dcat:distribution", new JsonArray(d.Distributions.Select(x => (JsonNode)JsonLd.Object(
            ("@id", x.Url + "#distribution"), ("@type", "dcat:Distribution"),
            ("dct:title", German($"{d.Title} ({x.Format})")),
            ("dcat:accessURL", JsonLd.Id(x.Url)), ("dcat:downloadURL", JsonLd.Id(x.Url)),
            ("dct:format", JsonLd.Id(FileTypes + x.Format)),
            ("dcat:mediaType", JsonLd.Id(MediaTypes + x.MediaType)),
            ("dct:license", JsonLd.Id(OpenDataSets.License)),
            ("dct:modified", Date(d.Modified)))).ToArray())));

    private static JsonObject Publisher(PoolInfo pool, string site) => JsonLd.Object(
        ("@id", site + "/#organization"), ("@type", "foaf:Organization"), ("foaf:name", pool.Name),
        ("foaf:homepage", JsonLd.Id(site + "/")), ("foaf:mbox", JsonLd.Id("mailto:" + pool.ContactEmail)));

    private static JsonObject German(string text) => new() { ["@value"] = text, ["@language"] = "de" };

    private static JsonObject Date(DateOnly day) => new()
    {
        ["@value"] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["@type"] = "xsd:date",
    };
}
