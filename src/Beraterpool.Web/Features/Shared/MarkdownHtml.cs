using Ganss.Xss;
using Markdig;
using Markdig.Syntax;
using Microsoft.AspNetCore.Html;

namespace Beraterpool.Web.Features.Shared;

/// <summary>
/// The one way coordinators' Markdown (call texts, agendas, handbooks, event minutes, notices) becomes HTML on a page:
/// Markdig with raw HTML switched off, then HtmlSanitizer as a second line of defence — only plain formatting survives,
/// links keep only http(s), mailto, tel and site-relative targets, and headings start at the level the page asks for
/// so the page's own outline stays intact.
/// </summary>
public static class MarkdownHtml
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml().UseAutoLinks().UsePipeTables().UseAutoIdentifiers().Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    /// <summary>Safe HTML for <paramref name="markdown"/>; "#" becomes h<paramref name="topHeading"/>, deeper levels follow.</summary>
    public static string ToHtml(string? markdown, int topHeading = 2)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return "";
        var document = Markdown.Parse(markdown, Pipeline);
        var shift = Math.Clamp(topHeading, 1, 6) - 1;
        foreach (var heading in document.Descendants<HeadingBlock>())
            heading.Level = Math.Min(6, heading.Level + shift);
        return Sanitizer.Sanitize(document.ToHtml(Pipeline));
    }

    /// <summary>For a view: <c>@MarkdownHtml.Render(Model.Text)</c>.</summary>
    public static IHtmlContent Render(string? markdown, int topHeading = 2) => new HtmlString(ToHtml(markdown, topHeading));

    /// <summary>The text alone (search, mails, PDF): Markdown without its markup.</summary>
    public static string ToPlainText(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? "" : Markdown.ToPlainText(markdown, Pipeline).Trim();

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
