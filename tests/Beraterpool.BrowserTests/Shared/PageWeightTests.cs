using System.Net;
using Beraterpool.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Beraterpool.BrowserTests.Shared;

/// <summary>
/// Every public page stays under 100 KB on the wire (issue 3). Asserted for the compressed HTML document; the
/// whole first visit (HTML, CSS, fonts, images as Chromium counts the encoded bytes) is written to the test output.
/// It is not asserted here: the test host serves CSS from the build output, uncompressed, whereas a published
/// app serves the precompressed copies — see docs/performance.md for the published figures.
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
        var total = 0L;
        var parts = new List<string>();
        foreach (var r in finished.ToList())
        {
            var sizes = await r.SizesAsync();
            var bytes = sizes.ResponseBodySize + sizes.ResponseHeadersSize;
            total += bytes;
            parts.Add($"{new Uri(r.Url).AbsolutePath} {bytes / 1024.0:0.0} KB");
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{path}: HTML {html / 1024.0:0.0} KB compressed; all {finished.Count} requests {total / 1024.0:0.0} KB ({string.Join(", ", parts)})");
        Assert.True(html < Budget, $"{path}: the HTML alone is {html} bytes compressed");
    }
}
