using System.Text.RegularExpressions;
using Beraterpool.Tests.Infrastructure;

namespace Beraterpool.Tests.Fees;

public static partial class FeeDecisions
{
    /// <summary>
    /// Like <see cref="Html.PostFormAsync"/>, and carries the statement's hidden <c>Version</c> the page showed, as a
    /// browser would: the coordinator's decisions are refused without it (a decision on a stale page).
    /// </summary>
    public static async Task<HttpResponseMessage> PostAsShownAsync(this HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields, string formPageUrl)
    {
        var html = await client.GetStringAsync(formPageUrl);
        var all = fields.ToList();
        if (VersionRegex().Match(html) is { Success: true } m && all.All(f => f.Key != "Version")) all.Add(new("Version", m.Groups[1].Value));
        all.Add(new("__RequestVerificationToken", Html.AntiforgeryToken(html)));
        return await client.PostAsync(url, new FormUrlEncodedContent(all));
    }

    /// <summary>The version a coordinator's page shows for the statement, or null when it offers no decision.</summary>
    public static async Task<string?> ShownVersionAsync(this HttpClient coordinator, int statementId) =>
        VersionRegex().Match(await coordinator.GetStringAsync($"/manage/fees/{statementId}")) is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex("name=\"Version\" value=\"(\\d+)\"")]
    private static partial Regex VersionRegex();
}
