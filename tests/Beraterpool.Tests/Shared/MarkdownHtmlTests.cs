using Beraterpool.Web.Features.Shared;

namespace Beraterpool.Tests.Shared;

/// <summary>Coordinators' Markdown reaches public pages: formatting survives, script does not.</summary>
public sealed class MarkdownHtmlTests
{
    [Fact]
    public void Formatting_lists_tables_and_safe_links_survive()
    {
        var html = MarkdownHtml.ToHtml("# Ablauf\n\n**Kostenfrei** für Kommunen.\n\n- Erstgespräch\n- Begleitung\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n[Kontakt](mailto:info@example.org) und [Seite](/angebot)");

        Assert.Contains("<h2 id=\"ablauf\">Ablauf</h2>", html);
        Assert.Contains("<strong>Kostenfrei</strong>", html);
        Assert.Contains("<li>Erstgespräch</li>", html);
        Assert.Contains("<table>", html);
        Assert.Contains("href=\"mailto:info@example.org\"", html);
        Assert.Contains("href=\"/angebot\"", html);
    }

    [Fact]
    public void The_gender_star_stays_a_star_and_emphasis_still_works()
    {
        const string text = "Die Berater*innen arbeiten mit erfahrenen Kolleg*innen, *kursiv* und **fett**.";
        var html = MarkdownHtml.ToHtml(text);
        Assert.Contains("Die Berater*innen arbeiten mit erfahrenen Kolleg*innen, <em>kursiv</em> und <strong>fett</strong>.", html);
        Assert.Equal("Die Berater*innen arbeiten mit erfahrenen Kolleg*innen, kursiv und fett.", MarkdownHtml.ToPlainText(text));
        Assert.Equal("Die Berater*innen arbeiten mit erfahrenen Kolleg*innen, kursiv und fett.", Assert.Single(MarkdownHtml.ToBlocks(text)).Text);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "<script")]
    [InlineData("[klick](javascript:alert(1))", "javascript:")]
    [InlineData("<img src=x onerror=alert(1)>", "<img")]
    [InlineData("![bild](https://tracker.example/pixel.png)", "<img")]
    [InlineData("<a href=\"https://example.org\" onclick=\"x()\">a</a>", "<a href")]
    public void Script_and_foreign_images_never_reach_the_page(string markdown, string forbidden) =>
        Assert.DoesNotContain(forbidden, MarkdownHtml.ToHtml(markdown), StringComparison.OrdinalIgnoreCase);

    [Fact]
    public void Headings_start_at_the_level_the_page_asks_for_and_plain_text_drops_the_markup()
    {
        Assert.Contains("<h3", MarkdownHtml.ToHtml("# Titel\n\n## Unter", topHeading: 3));
        Assert.Contains("<h4", MarkdownHtml.ToHtml("# Titel\n\n## Unter", topHeading: 3));
        // A text whose highest heading is "##" starts at the asked level when the page says so (no skipped level).
        Assert.StartsWith("<h3", MarkdownHtml.ToHtml("## Freitag\n\n### Vormittag", topHeading: 3, fromHighest: true));
        Assert.Contains("<h4", MarkdownHtml.ToHtml("## Freitag\n\n### Vormittag", topHeading: 3, fromHighest: true));
        Assert.Equal("Titel\nfett", MarkdownHtml.ToPlainText("# Titel\n\n**fett**").Replace("\r", ""));
        Assert.Equal("", MarkdownHtml.ToHtml("  "));
    }
}
