using System.Net;
using System.Text.RegularExpressions;

namespace Beraterpool.Tests.Infrastructure;

public static partial class Html
{
    /// <summary>The anti-forgery token of the first form on a page.</summary>
    public static string AntiforgeryToken(string html)
    {
        var m = TokenRegex().Match(html);
        Assert.True(m.Success, "The page has no anti-forgery token.");
        return WebUtility.HtmlDecode(m.Groups[1].Value);
    }

    /// <summary>GETs a page, then POSTs a form to it with the page's token and the given fields.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields, string? formPageUrl = null)
    {
        var page = await client.GetAsync(formPageUrl ?? url);
        var html = await page.Content.ReadAsStringAsync();
        var all = new List<KeyValuePair<string, string>>(fields);
        if (all.All(f => f.Key != "__RequestVerificationToken")) all.Add(new("__RequestVerificationToken", AntiforgeryToken(html)));
        return await client.PostAsync(url, new FormUrlEncodedContent(all));
    }

    /// <summary>Visible text without tags, whitespace collapsed: what a reader sees.</summary>
    public static string Text(string html) =>
        WebUtility.HtmlDecode(Spaces().Replace(Tags().Replace(Scripts().Replace(html, " "), " "), " ")).Trim();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex("<(script|style)[^>]*>.*?</\\1>", RegexOptions.Singleline)]
    private static partial Regex Scripts();

    [GeneratedRegex("\\s+")]
    private static partial Regex Spaces();
}
