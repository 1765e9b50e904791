using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Microsoft.AspNetCore.Html;

namespace Beraterpool.Web.Features.OpenData;

/// <summary>
/// Linked data (schema.org on the pages, DCAT-AP.de in the catalogue) written with System.Text.Json, so it is always
/// valid JSON. Letters stay readable; &lt;, &gt;, &amp; and quotes are always escaped (\u003C), so a "&lt;/script&gt;" in
/// a title cannot end the script block it sits in.
/// </summary>
public static class JsonLd
{
    public const string ContentType = "application/ld+json";

    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static string Serialize(JsonNode node) => node.ToJsonString(Options);

    /// <summary>A data block for the page's head: browsers do not execute it, so the CSP's script-src does not apply.</summary>
    public static IHtmlContent Script(JsonNode node) => new HtmlString($"<script type=\"{ContentType}\">{Serialize(node)}</script>");

    /// <summary>An object of the properties that have a value: a field not published is left out, never sent as null.</summary>
    public static JsonObject Object(params (string Key, JsonNode? Value)[] properties)
    {
        var o = new JsonObject();
        foreach (var (key, value) in properties)
            if (value is not null) o[key] = value;
        return o;
    }

    /// <summary>An IRI, not a literal (licence, theme, format): <c>{"@id": …}</c>.</summary>
    public static JsonObject Id(string iri) => new() { ["@id"] = iri };

    public static JsonArray? Array(IEnumerable<JsonNode?>? items) => items?.ToArray() is { Length: > 0 } a ? new JsonArray(a) : null;
}
