using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Demo;

namespace Beraterpool.Tests.Shared;

/// <summary>
/// Follows every same-origin link (href, and the action of GET forms) breadth-first from the public home and the
/// role's own overview, as each demo account and as a visitor, and fails listing every link that answers 404 or
/// 5xx with the page it was found on. Links are generated from page names, so this is the net under a moved page.
/// </summary>
public sealed partial class LinkCrawlTests(DemoApp app, ITestOutputHelper output)
{
    private const int MaxPages = 400;
    // The directory and the lists generate a link per filter and page; a few of each path say enough.
    private const int MaxQueriesPerPath = 4;

    public static TheoryData<string> Accounts() => new(["visitor", .. DemoAccounts.All.Select(a => a.Email)]);

    [Theory]
    [MemberData(nameof(Accounts))]
    public async Task No_link_reachable_by_the_account_is_dead(string account)
    {
        var client = account == "visitor" ? app.CreateClient(new() { AllowAutoRedirect = false }) : await app.SignedInBrowserAsync(account);
        var start = new[] { "/", "/pool/bw/", "/manage", "/me/profile", "/municipality" };
        var watch = Stopwatch.StartNew();

        var (crawled, dead) = await CrawlAsync(client, start);

        output.WriteLine($"{account}: {crawled} addresses in {watch.Elapsed.TotalSeconds:0.0} s");
        Assert.True(crawled > 10, $"Only {crawled} addresses crawled as {account}.");
        Assert.True(dead.Count == 0, $"Dead links as {account}:\n" + string.Join('\n', dead));
    }

    [Fact]
    public async Task Links_on_a_pool_prefixed_page_keep_the_prefix()
    {
        var html = await app.CreateClient().GetStringAsync("/pool/bw/advisors", TestContext.Current.CancellationToken);
        var links = Links(html).Where(l => l.StartsWith('/') && !IsAsset(l)).ToList();
        Assert.Contains("/pool/bw/requests/new", links);
        Assert.Contains(links, l => l.StartsWith("/pool/bw/advisors/", StringComparison.Ordinal));
    }

    internal static async Task<(int Crawled, List<string> Dead)> CrawlAsync(HttpClient client, IEnumerable<string> start)
    {
        var ct = TestContext.Current.CancellationToken;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queriesPerPath = new Dictionary<string, int>(StringComparer.Ordinal);
        var queue = new Queue<(string Url, string From)>();
        var dead = new List<string>();
        foreach (var s in start) Enqueue(s, "(start)");

        var crawled = 0;
        while (queue.TryDequeue(out var item) && crawled < MaxPages)
        {
            crawled++;
            using var response = await client.GetAsync(item.Url, ct);
            var status = (int)response.StatusCode;
            if (status == 404 || status >= 500)
            {
                dead.Add($"{status} {item.Url}  (linked from {item.From})");
                continue;
            }
            if (status is >= 300 and < 400 && response.Headers.Location is { } location)
            {
                var target = location.IsAbsoluteUri ? location : new Uri(new Uri("http://localhost" + item.Url), location);
                if (target.Host == "localhost") Enqueue(target.PathAndQuery, item.Url + " (redirect)");
                continue;
            }
            if (response.Content.Headers.ContentType?.MediaType != "text/html") continue;
            var html = await response.Content.ReadAsStringAsync(ct);
            // A page name that no longer resolves renders as an empty href.
            if (html.Contains("href=\"\"", StringComparison.Ordinal)) dead.Add($"empty href on {item.Url}");
            var baseUri = new Uri("http://localhost" + item.Url);
            foreach (var link in Links(html))
            {
                if (!Uri.TryCreate(baseUri, link, out var uri) || uri.Scheme != "http" || uri.Host != "localhost") continue;
                Enqueue(uri.PathAndQuery, item.Url);
            }
        }
        return (crawled, dead);

        void Enqueue(string url, string from)
        {
            if (Skip(url) || !seen.Add(url)) return;
            var path = url.Split('?')[0];
            if (url.Contains('?'))
            {
                queriesPerPath[path] = queriesPerPath.GetValueOrDefault(path) + 1;
                if (queriesPerPath[path] > MaxQueriesPerPath) return;
            }
            queue.Enqueue((url, from));
        }
    }

    /// <summary>Same-page anchors, other schemes, and GETs that change something for the session.</summary>
    private static bool Skip(string url) =>
        url.Length == 0 || url.StartsWith('#')
        || url.Contains("/logout", StringComparison.OrdinalIgnoreCase)
        || url.StartsWith("/culture", StringComparison.OrdinalIgnoreCase)
        || url.Contains("/pool/", StringComparison.Ordinal) && url.Contains("/culture", StringComparison.Ordinal);

    private static bool IsAsset(string url) => url.StartsWith("/lib/") || url.StartsWith("/css/") || url.StartsWith("/js/") || url.StartsWith("/favicon");

    private static IEnumerable<string> Links(string html)
    {
        foreach (Match m in HrefRegex().Matches(html))
        {
            var href = WebUtility.HtmlDecode(m.Groups[1].Value);
            var hash = href.IndexOf('#');
            if (hash >= 0) href = href[..hash];
            if (href.Length > 0 && !href.StartsWith("mailto:") && !href.StartsWith("tel:") && !href.StartsWith("data:")) yield return href;
        }
        foreach (Match form in FormRegex().Matches(html))
        {
            var tag = form.Value;
            var method = MethodRegex().Match(tag);
            if (method.Success && !method.Groups[1].Value.Equals("get", StringComparison.OrdinalIgnoreCase)) continue;
            var action = ActionRegex().Match(tag);
            if (action.Success && action.Groups[1].Value.Length > 0) yield return WebUtility.HtmlDecode(action.Groups[1].Value);
        }
    }

    [GeneratedRegex("\\shref=\"([^\"]*)\"")]
    private static partial Regex HrefRegex();

    [GeneratedRegex("<form\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex FormRegex();

    [GeneratedRegex("\\smethod=\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex MethodRegex();

    [GeneratedRegex("\\saction=\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex ActionRegex();
}
