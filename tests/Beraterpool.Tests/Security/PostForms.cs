using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Beraterpool.Tests.Security;

/// <summary>One field of a form as the page rendered it.</summary>
public sealed record FormField(string Name, string Type, string Value);

/// <summary>A POST form found on a page: where it goes, how it is encoded and what a browser would send.</summary>
public sealed partial record PostForm(string Page, string Action, bool Multipart, IReadOnlyList<FormField> Fields)
{
    public IEnumerable<FormField> Files => Fields.Where(f => f.Type == "file");
    public IEnumerable<FormField> Values => Fields.Where(f => f.Type != "file" && f.Name != "__RequestVerificationToken");

    /// <summary>Forms that differ only in the record they name are the same form to a fuzzer.</summary>
    public string Shape => $"{Digits().Replace(Action.Split('#')[0], "N")} {string.Join(',', Fields.Select(f => f.Name).Distinct().Order(StringComparer.Ordinal))}";

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Digits();

    public static IEnumerable<PostForm> On(string page, string html)
    {
        foreach (Match form in FormRegex().Matches(html))
        {
            var attrs = Attributes(form.Groups[1].Value);
            if (!attrs.GetValueOrDefault("method", "get").Equals("post", StringComparison.OrdinalIgnoreCase)) continue;
            var action = attrs.TryGetValue("action", out var a) && a.Length > 0 ? a : page;
            if (!action.StartsWith('/')) action = new Uri(new Uri("http://localhost" + page), action).PathAndQuery;
            var body = form.Groups[2].Value;
            var fields = new List<FormField>();
            foreach (Match m in InputRegex().Matches(body))
            {
                var input = Attributes(m.Groups[1].Value);
                if (!input.TryGetValue("name", out var name)) continue;
                var type = input.GetValueOrDefault("type", "text").ToLowerInvariant();
                if (type is "submit" or "button" or "image" or "reset") continue;
                if (type is "checkbox" or "radio" && !input.ContainsKey("checked")) { fields.Add(new(name, type + "-unchecked", input.GetValueOrDefault("value", "on"))); continue; }
                fields.Add(new(name, type, input.GetValueOrDefault("value", type == "checkbox" ? "on" : "")));
            }
            foreach (Match m in TextareaRegex().Matches(body))
                if (Attributes(m.Groups[1].Value).TryGetValue("name", out var name)) fields.Add(new(name, "textarea", WebUtility.HtmlDecode(m.Groups[2].Value.TrimStart('\r', '\n'))));
            foreach (Match m in SelectRegex().Matches(body))
            {
                var select = Attributes(m.Groups[1].Value);
                if (!select.TryGetValue("name", out var name)) continue;
                var options = OptionRegex().Matches(m.Groups[2].Value).Select(o => Attributes(o.Groups[1].Value)).ToList();
                var chosen = options.FirstOrDefault(o => o.ContainsKey("selected")) ?? options.FirstOrDefault();
                fields.Add(new(name, "select", chosen?.GetValueOrDefault("value", "") ?? ""));
            }
            // A button with a formaction (asp-page-handler) submits the same fields to another handler: one more form.
            var actions = new List<string> { action };
            foreach (Match m in ButtonRegex().Matches(body))
            {
                var button = Attributes(m.Groups[1].Value);
                if (button.TryGetValue("name", out var name) && name.Length > 0) fields.Add(new(name, "button", button.GetValueOrDefault("value", "")));
                if (button.TryGetValue("formaction", out var to) && to.Length > 0)
                    actions.Add(to.StartsWith('/') ? to : new Uri(new Uri("http://localhost" + page), to).PathAndQuery);
            }
            var multipart = attrs.GetValueOrDefault("enctype", "").Contains("multipart", StringComparison.OrdinalIgnoreCase);
            foreach (var target in actions.Distinct()) yield return new PostForm(page, target, multipart, fields);
        }
    }

    /// <summary>The body a browser would send, with <paramref name="value"/> chosen per field (null leaves the field out).</summary>
    public HttpContent Body(Func<FormField, string?> value, Func<FormField, (byte[] Bytes, string FileName, string ContentType)?>? file = null)
    {
        var pairs = Fields.Where(f => f.Type != "file" && !f.Type.EndsWith("-unchecked", StringComparison.Ordinal))
            .Select(f => (f.Name, Value: value(f))).Where(p => p.Value is not null).Select(p => new KeyValuePair<string, string>(p.Name, p.Value!)).ToList();
        if (!Multipart) return new FormUrlEncodedContent(pairs);
        var content = new MultipartFormDataContent();
        foreach (var (name, v) in pairs) content.Add(new StringContent(v, Encoding.UTF8), name);
        foreach (var f in Files)
        {
            if (file?.Invoke(f) is not { } upload) continue;
            var part = new ByteArrayContent(upload.Bytes);
            part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(upload.ContentType);
            content.Add(part, f.Name, upload.FileName);
        }
        return content;
    }

    private static Dictionary<string, string> Attributes(string s)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match a in AttrRegex().Matches(s))
            result.TryAdd(a.Groups[1].Value, WebUtility.HtmlDecode(a.Groups[3].Success ? a.Groups[3].Value : a.Groups[4].Success ? a.Groups[4].Value : ""));
        return result;
    }

    [GeneratedRegex("<form\\b([^>]*)>(.*?)</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormRegex();

    [GeneratedRegex("<input\\b([^>]*)>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex InputRegex();

    [GeneratedRegex("<textarea\\b([^>]*)>(.*?)</textarea>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex TextareaRegex();

    [GeneratedRegex("<select\\b([^>]*)>(.*?)</select>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex SelectRegex();

    [GeneratedRegex("<option\\b([^>]*)>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex OptionRegex();

    [GeneratedRegex("<button\\b([^>]*)>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ButtonRegex();

    [GeneratedRegex("([a-zA-Z_:][-a-zA-Z0-9_:.]*)(=(?:\"([^\"]*)\"|'([^']*)'))?")]
    private static partial Regex AttrRegex();
}
