using System.Net;
using System.Text.RegularExpressions;

namespace Beraterpool.Tests.Infrastructure;

/// <summary>
/// What a browser would submit from a form of a page: inputs (checked boxes only), selected options,
/// textareas. Tests change a few fields and post the rest as the page rendered them.
/// </summary>
public static partial class FormFields
{
    /// <summary>The fields of the first form whose opening tag contains <paramref name="formMarker"/>.</summary>
    public static List<KeyValuePair<string, string>> Of(string html, string formMarker)
    {
        var form = FormRegex().Matches(html).FirstOrDefault(m => m.Groups[1].Value.Contains(formMarker))
                   ?? throw new InvalidOperationException($"No form with '{formMarker}' on the page.");
        var body = form.Groups[2].Value;
        var fields = new List<KeyValuePair<string, string>>();
        foreach (Match m in InputRegex().Matches(body))
        {
            var attrs = Attributes(m.Groups[1].Value);
            if (!attrs.TryGetValue("name", out var name)) continue;
            var type = attrs.GetValueOrDefault("type", "text");
            if (type is "file" or "submit" or "button") continue;
            if (type is "checkbox" or "radio" && !attrs.ContainsKey("checked")) continue;
            fields.Add(new(name, attrs.GetValueOrDefault("value", type is "checkbox" ? "on" : "")));
        }
        foreach (Match m in TextareaRegex().Matches(body))
        {
            if (Attributes(m.Groups[1].Value).TryGetValue("name", out var name))
                fields.Add(new(name, WebUtility.HtmlDecode(m.Groups[2].Value.TrimStart('\n', '\r'))));
        }
        foreach (Match m in SelectRegex().Matches(body))
        {
            var attrs = Attributes(m.Groups[1].Value);
            if (!attrs.TryGetValue("name", out var name)) continue;
            var options = OptionRegex().Matches(m.Groups[2].Value).Select(o => Attributes(o.Groups[1].Value)).ToList();
            var selected = options.Where(o => o.ContainsKey("selected")).ToList();
            if (selected.Count == 0 && !attrs.ContainsKey("multiple") && options.Count > 0) selected.Add(options[0]);
            foreach (var o in selected) fields.Add(new(name, o.GetValueOrDefault("value", "")));
        }
        return fields;
    }

    public static List<KeyValuePair<string, string>> Set(this List<KeyValuePair<string, string>> fields, string name, params string[] values)
    {
        fields.RemoveAll(f => f.Key == name);
        fields.AddRange(values.Select(v => new KeyValuePair<string, string>(name, v)));
        return fields;
    }

    public static List<KeyValuePair<string, string>> Without(this List<KeyValuePair<string, string>> fields, string name, string value)
    {
        fields.RemoveAll(f => f.Key == name && f.Value == value);
        return fields;
    }

    public static MultipartFormDataContent Multipart(this IEnumerable<KeyValuePair<string, string>> fields, string? fileField = null, byte[]? file = null, string fileName = "upload.bin", string contentType = "application/octet-stream")
    {
        var content = new MultipartFormDataContent();
        foreach (var (k, v) in fields) content.Add(new StringContent(v), k);
        if (fileField is not null && file is not null)
        {
            var part = new ByteArrayContent(file);
            part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
            content.Add(part, fileField, fileName);
        }
        return content;
    }

    private static Dictionary<string, string> Attributes(string s) =>
        AttrRegex().Matches(s).ToDictionary(a => a.Groups[1].Value, a => WebUtility.HtmlDecode(a.Groups[3].Success ? a.Groups[3].Value : ""), StringComparer.OrdinalIgnoreCase)
            .GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex("<form([^>]*)>(.*?)</form>", RegexOptions.Singleline)]
    private static partial Regex FormRegex();

    [GeneratedRegex("<input\\b([^>]*)>", RegexOptions.Singleline)]
    private static partial Regex InputRegex();

    [GeneratedRegex("<textarea\\b([^>]*)>(.*?)</textarea>", RegexOptions.Singleline)]
    private static partial Regex TextareaRegex();

    [GeneratedRegex("<select\\b([^>]*)>(.*?)</select>", RegexOptions.Singleline)]
    private static partial Regex SelectRegex();

    [GeneratedRegex("<option\\b([^>]*)>", RegexOptions.Singleline)]
    private static partial Regex OptionRegex();

    [GeneratedRegex("([a-zA-Z_:][-a-zA-Z0-9_:.]*)(=\"([^\"]*)\")?")]
    private static partial Regex AttrRegex();
}
