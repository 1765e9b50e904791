using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Accounts;

namespace Beraterpool.Tests.Site;

/// <summary>What a German public body's site must have (BITV 2.0): an accessibility statement and the offer in Leichte Sprache, linked from every page.</summary>
public sealed class PublicSiteTests(PublicSiteTests.App app) : IClassFixture<PublicSiteTests.App>
{
    public sealed class App() : TestApp(importGazetteer: false);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_accessibility_statement_is_public_and_names_status_feedback_contact_and_enforcement_body()
    {
        var pool = await app.CreatePoolAsync("site-bitv");
        var text = Html.Text(await app.CreateClient().GetStringAsync($"/pool/{pool.Slug}/barrierefreiheit", Ct));
        Assert.Contains("Erklärung zur Barrierefreiheit", text);
        Assert.Contains("teilweise vereinbar", text);
        Assert.Contains("Nicht barrierefreie Inhalte", text);
        Assert.Contains(pool.ContactEmail, text);
        Assert.Contains("Schlichtungsstelle nach § 16 des Behindertengleichstellungsgesetzes", text);
        Assert.Contains("info@schlichtungsstelle-bgg.de", text);
    }

    [Fact]
    public async Task The_offer_in_Leichte_Sprache_is_public_german_in_every_language_and_states_the_frame()
    {
        var pool = await app.CreatePoolAsync("site-ls");
        var client = app.CreateClient();
        var html = await client.GetStringAsync($"/pool/{pool.Slug}/leichte-sprache", Ct);
        var text = Html.Text(html);
        Assert.Contains("Die Beratung kostet nichts.", text);
        Assert.Contains($"bis zu {pool.AnnualDayQuota} Tage Beratung im Jahr", text);
        Assert.Contains("Die Stadt sagt uns: Das wollen wir erreichen.", text);
        Assert.Contains(pool.ContactEmail, text);
        // Leichte Sprache is German whatever the reader's language: the text says so for screen readers.
        Assert.Contains("<div lang=\"de\"", html);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/events")]
    [InlineData("/impressum")]
    public async Task Every_page_footer_links_the_statement_and_Leichte_Sprache(string path)
    {
        await app.CreatePoolAsync("site-footer" + path.Trim('/'));
        var html = await app.CreateClient().GetStringAsync(path, Ct);
        Assert.Contains("href=\"/barrierefreiheit\"", html);
        Assert.Contains("href=\"/leichte-sprache\"", html);
    }

    [Fact]
    public async Task A_signed_in_page_links_them_too()
    {
        await app.CreatePoolAsync("site-signed-in");
        var client = await app.SignedInAsync("site-beraterin@example.org", Roles.Advisor);
        var html = await client.GetStringAsync("/me", Ct);
        Assert.Contains("href=\"/barrierefreiheit\"", html);
        Assert.Contains("href=\"/leichte-sprache\"", html);
    }
}
