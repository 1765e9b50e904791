using System.Net;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Pools;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Tests.Outreach;

/// <summary>The pool's brand colours: WCAG contrast checked when set, then used by the public pages, the flyer and the cards.</summary>
public sealed class BrandColourTests(OutreachApp app) : IClassFixture<OutreachApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string Coordinator = "koord-outreach@example.org";

    [Theory]
    [InlineData("#767676", "#ffffff", 4.54)]
    [InlineData("#777777", "#ffffff", 4.48)]
    [InlineData("#000000", "#ffffff", 21.0)]
    [InlineData("#ffffff", "#ffffff", 1.0)]
    [InlineData("#003b6e", "#ffffff", 11.35)]
    public void ContrastRatio_of_known_pairs_matches_WCAG(string colour, string background, double expected) =>
        Assert.Equal(expected, BrandColours.ContrastRatio(colour, background), 2);

    [Theory]
    [InlineData("#003B6E", "#003b6e")]
    [InlineData("7a1f5c", "#7a1f5c")]
    [InlineData("#abc", "#aabbcc")]
    [InlineData("#12345", null)]
    [InlineData("blue", null)]
    [InlineData("#gggggg", null)]
    public void Normalize_accepts_hex_only(string input, string? expected) => Assert.Equal(expected, BrandColours.Normalize(input));

    [Fact]
    public void FormatRatio_cuts_so_a_refused_ratio_never_reads_as_the_minimum() =>
        Assert.Equal("4,4", BrandColours.FormatRatio(4.48, Beraterpool.Web.Features.Shared.Money.German));

    private async Task<HttpResponseMessage> PostBrandAsync(HttpClient client, int poolId, string primary, string accent) =>
        await client.PostFormAsync($"/manage/pools/{poolId}/brand", [new("Input.PrimaryColor", primary), new("Input.AccentColor", accent)]);

    [Fact]
    public async Task A_too_light_colour_is_refused_with_its_ratio_and_the_input_is_kept()
    {
        var client = await app.SignInAsync(Coordinator);
        var response = await PostBrandAsync(client, app.PoolId, "FF9900", "#777777");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        var text = Html.Text(html);
        Assert.Contains("Kontrast 2,1 : 1 – mindestens 4,5 : 1 nötig", text);
        Assert.Contains("Kontrast 4,4 : 1 – mindestens 4,5 : 1 nötig", text);
        Assert.Contains("value=\"FF9900\"", html);
        Assert.Contains("value=\"#777777\"", html);
        var saved = await app.WithDbAsync(db => db.Pools.Where(p => p.Id == app.PoolId).Select(p => p.BrandPrimaryColor).SingleAsync(Ct));
        Assert.NotEqual("#ff9900", saved);
    }

    [Fact]
    public async Task Another_pools_brand_settings_answer_404()
    {
        var client = await app.SignInAsync(Coordinator);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/manage/pools/{app.OtherPoolId}/brand", Ct)).StatusCode);
        var own = await client.GetStringAsync($"/manage/pools/{app.PoolId}/brand", Ct);
        var post = await client.PostAsync($"/manage/pools/{app.OtherPoolId}/brand", new FormUrlEncodedContent(
            [new("Input.PrimaryColor", "#7a1f5c"), new("__RequestVerificationToken", Html.AntiforgeryToken(own))]), Ct);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Null(await app.WithDbAsync(db => db.Pools.Where(p => p.Id == app.OtherPoolId).Select(p => p.BrandPrimaryColor).SingleAsync(Ct)));
    }

    [Fact]
    public async Task A_saved_colour_is_in_the_public_pages_the_flyer_and_the_cards()
    {
        var client = await app.SignInAsync(Coordinator);
        var response = await PostBrandAsync(client, app.PoolId, "#7A1F5C", "#00695c");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "pool.brand.changed" && e.PoolId == app.PoolId, Ct)));

        // The public page links the pool's stylesheet with the colours in its address; the stylesheet sets the properties.
        var anonymous = app.CreateClient();
        var home = await anonymous.GetStringAsync("/", Ct);
        Assert.Contains("<meta name=\"theme-color\" content=\"#7a1f5c\">", home);
        Assert.Contains("href=\"/pools/outreach/brand.css?v=7a1f5c-00695c\"", home);
        var css = await anonymous.GetStringAsync("/pools/outreach/brand.css", Ct);
        Assert.Contains("--pool-primary: #7a1f5c;", css);
        Assert.Contains("--pool-accent: #00695c;", css);
        // The other pool keeps the standard look.
        Assert.DoesNotContain("brand.css", await anonymous.GetStringAsync("/pool/zweiter/", Ct));

        // Flyer: the headings in the primary colour, the big figures in the accent colour.
        using (var flyer = UglyToad.PdfPig.PdfDocument.Open(await anonymous.GetByteArrayAsync("/flyer.pdf", Ct)))
        {
            var letters = flyer.GetPage(1).Letters;
            Assert.Equal((0x7a, 0x1f, 0x5c), Rgb(letters.First(l => l.Value == "U" && l.PointSize > 12))); // "Unser Angebot"
            Assert.Contains(letters, l => l.PointSize > 19 && char.IsDigit(l.Value[0]) && Rgb(l) == (0x00, 0x69, 0x5c));
            Assert.DoesNotContain(letters, l => Rgb(l) == (0, 59, 110)); // the old fixed colour is gone
        }

        // Card: the word mark in the accent colour.
        using var card = UglyToad.PdfPig.PdfDocument.Open(await client.GetByteArrayAsync($"/manage/advisors/{app.Amara.Id}/card.pdf", Ct));
        var brandLetter = card.GetPage(1).Letters.First(l => l.Value == "M"); // "Marke outreach"
        Assert.Equal((0x00, 0x69, 0x5c), Rgb(brandLetter));
    }

    private static (int, int, int) Rgb(UglyToad.PdfPig.Content.Letter letter)
    {
        var (r, g, b) = letter.Color.ToRGBValues();
        return ((int)Math.Round(r * 255), (int)Math.Round(g * 255), (int)Math.Round(b * 255));
    }
}
