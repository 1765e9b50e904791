using System.Net;
using System.Text.RegularExpressions;
using Beraterpool.Tests.Infrastructure;

namespace Beraterpool.Tests.Shared;

/// <summary>Browsers find an icon: the pages link the SVG, and the classic /favicon.ico answers instead of 404.</summary>
public sealed class FaviconTests(DemoApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Pages_link_the_svg_icon_and_both_icons_are_served()
    {
        var client = app.CreateClient();
        // The link carries the fingerprinted address of the static asset (cached for good).
        var link = Regex.Match(await client.GetStringAsync("/", Ct), "<link rel=\"icon\" href=\"(/favicon[^\"]*\\.svg)\" type=\"image/svg\\+xml\">");
        Assert.True(link.Success);

        var svg = await client.GetAsync(link.Groups[1].Value, Ct);
        Assert.Equal(HttpStatusCode.OK, svg.StatusCode);
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<svg", await svg.Content.ReadAsStringAsync(Ct));

        var ico = await client.GetAsync("/favicon.ico", Ct);
        Assert.Equal(HttpStatusCode.OK, ico.StatusCode);
        var bytes = await ico.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal(new byte[] { 0, 0, 1, 0 }, bytes[..4]);
    }
}
