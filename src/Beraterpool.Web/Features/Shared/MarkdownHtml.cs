using Ganss.Xss;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Html;

namespace Beraterpool.Web.Features.Shared;

/// <summary>
/// The one way coordinators' Markdown (call texts, agendas, handbooks, event minutes, notices) becomes HTML on a page:
/// Markdig with raw HTML switched off, then HtmlSanitizer as a second line of defence — only plain formatting survives,
/// links keep only http(s), mailto, tel and site-relative targets, and headings start at the level the page asks for
/// so the page's own outline stays intact.
/// </summary>
public static partial class MarkdownHtml
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml().UseAutoLinks().UsePipeTables().UseAutoIdentifiers().Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    /// <summary>
    /// A star between two letters is the German gender star ("Berater*innen"), not emphasis: CommonMark would italicise
    /// everything between two of them ("Berater*innen … Kolleg*innen"), so it is escaped first.
    /// </summary>
    private static MarkdownDocument Parse(string markdown) => Markdown.Parse(GenderStar().Replace(markdown, @"\*"), Pipeline);

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=\p{L})\*(?=\p{L})")]
    private static partial System.Text.RegularExpressions.Regex GenderStar();

    /// <summary>
    /// Safe HTML for <paramref name="markdown"/>; "#" becomes h<paramref name="topHeading"/>, deeper levels follow. With
    /// <paramref name="fromHighest"/> the text's highest heading becomes h<paramref name="topHeading"/> (a short text under a
    /// section that starts with "##" must not skip a level).
    /// </summary>
    public static string ToHtml(string? markdown, int topHeading = 2, bool fromHighest = false)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return "";
        var document = Parse(markdown);
        var highest = fromHighest ? document.Descendants<HeadingBlock>().Select(h => h.Level).DefaultIfEmpty(1).Min() : 1;
        var shift = Math.Clamp(topHeading, 1, 6) - highest;
        foreach (var heading in document.Descendants<HeadingBlock>())
            heading.Level = Math.Min(6, heading.Level + shift);
        return Sanitizer.Sanitize(document.ToHtml(Pipeline));
    }

    /// <summary>For a view: <c>@MarkdownHtml.Render(Model.Text)</c>.</summary>
    public static IHtmlContent Render(string? markdown, int topHeading = 2, bool fromHighest = false) => new HtmlString(ToHtml(markdown, topHeading, fromHighest));

    /// <summary>The text alone (search, mails, PDF): Markdown without its markup.</summary>
    public static string ToPlainText(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? "" : Markdown.ToPlainText(GenderStar().Replace(markdown, @"\*"), Pipeline).Trim();

    /// <summary>
    /// The text block by block with its kind (PDF export): headings with their level, paragraphs, list items with their
    /// marker ("•", "1."), code lines; formatting dropped, link texts kept.
    /// </summary>
    public static IEnumerable<MarkdownBlock> ToBlocks(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) yield break;
        foreach (var leaf in Parse(markdown).Descendants<LeafBlock>())
        {
            switch (leaf)
            {
                case HeadingBlock h:
                    yield return new MarkdownBlock(MarkdownBlockKind.Heading, InlineText(h.Inline), h.Level);
                    break;
                case ParagraphBlock p when p.Parent is ListItemBlock item && item.IndexOf(p) == 0 && item.Parent is ListBlock list:
                    var marker = list.IsOrdered ? $"{item.Order}." : "•";
                    yield return new MarkdownBlock(MarkdownBlockKind.ListItem, InlineText(p.Inline), Depth(list), marker);
                    break;
                case ParagraphBlock p:
                    yield return new MarkdownBlock(MarkdownBlockKind.Paragraph, InlineText(p.Inline));
                    break;
                case CodeBlock code:
                    foreach (var line in code.Lines.Lines.Take(code.Lines.Count))
                        yield return new MarkdownBlock(MarkdownBlockKind.Code, line.Slice.ToString());
                    break;
            }
        }
    }

    private static int Depth(Block block)
    {
        var depth = 0;
        for (var b = block.Parent; b is not null; b = b.Parent) if (b is ListBlock) depth++;
        return depth;
    }

    private static string InlineText(ContainerInline? inline)
    {
        if (inline is null) return "";
        var text = new System.Text.StringBuilder();
        foreach (var i in inline.Descendants())
        {
            switch (i)
            {
                case LiteralInline l: text.Append(l.Content.ToString()); break;
                case CodeInline c: text.Append(c.Content); break;
                case AutolinkInline a: text.Append(a.Url); break;
                case LineBreakInline: text.Append(' '); break;
            }
        }
        return text.ToString().Trim();
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        foreach (var scheme in new[] { "http", "https", "mailto", "tel" }) sanitizer.AllowedSchemes.Add(scheme);
        sanitizer.AllowedTags.Remove("img"); // no images from elsewhere on our pages (privacy: no third-party requests)
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedAttributes.Add("id");
        return sanitizer;
    }
}

public enum MarkdownBlockKind { Heading, Paragraph, ListItem, Code }

/// <summary>One block of Markdown as plain text: a heading's level, or a list item's depth (0 = top level) and marker.</summary>
public sealed record MarkdownBlock(MarkdownBlockKind Kind, string Text, int Level = 0, string? Marker = null);
