using System.Net;
using Beraterpool.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Beraterpool.BrowserTests.Shared;

/// <summary>
/// Every public page stays under 100 KB on the wire (issue 3): the compressed HTML plus everything a first visit
/// loads (CSS, fonts, images). The test host serves CSS from the build output uncompressed, whereas a published app
/// serves precompressed Brotli copies (MapStaticAssets), so text assets are counted at their Brotli size.
/// </summary>
public sealed class PageWeightTests(BrowserApp app)
{
    private const int Budget = 100 * 1024;

    [Theory]
    [InlineData("/")]
    [InlineData("/advisors")]
    [InlineData("/advisors/serge-kouassi")]
    [InlineData("/statistics")]
    [InlineData("/municipalities?q=K%C3%B6ln")]
    [InlineData("/municipalities/05315000")]
    [InlineData("/about-data")]
    [InlineData("/account/login")]
    public async Task Public_page_is_under_100_KB_on_the_wire(string path)
    {
        var ct = TestContext.Current.CancellationToken;
        using var http = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = new Uri(app.BaseUrl) };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "br, gzip");
        using var response = await http.SendAsync(request, ct);
        var html = (await response.Content.ReadAsByteArrayAsync(ct)).Length;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(response.Content.Headers.ContentEncoding, e => e is "br" or "gzip");

        var (context, page) = await app.NewPageAsync();
        await using var _ = context;
        var finished = new List<IRequest>();
        page.RequestFinished += (_, r) => finished.Add(r);
        await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.NetworkIdle });
        // Web fonts load once the layout asks for them; count them too.
        await page.EvaluateAsync("() => document.fonts.ready.then(() => true)");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        long total = html;
        var parts = new List<string> { $"HTML {html / 1024.0:0.0} KB" };
        foreach (var r in finished.ToList())
        {
            if (r.ResourceType == "document") continue;
            var asset = await r.ResponseAsync();
            if (asset is null) continue;
            var body = await asset.BodyAsync();
            var bytes = r.ResourceType is "stylesheet" or "script" ? Brotli(body) : body.Length;
            total += bytes;
            parts.Add($"{new Uri(r.Url).AbsolutePath} {bytes / 1024.0:0.0} KB");
        }

        var summary = $"{path}: {total / 1024.0:0.0} KB in all ({string.Join(", ", parts)})";
        TestContext.Current.TestOutputHelper?.WriteLine(summary);
        Assert.True(total < Budget, summary);
    }

    private static int Brotli(byte[] body)
    {
        var output = new byte[body.Length + 1024];
        Assert.True(System.IO.Compression.BrotliEncoder.TryCompress(body, output, out var written, quality: 11, window: 22));
        return written;
    }
}
