using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Beraterpool.Web.Features.Privacy.Notices;

/// <summary>
/// Turns a coordinator's Markdown into HTML that is safe on a public page: raw HTML is not interpreted (it shows as text),
/// and links or images go only to http(s), mailto, tel or addresses on this site — a <c>javascript:</c> link loses its target.
/// </summary>
public static class NoticeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().UseAutoLinks().UsePipeTables().Build();

    public static string ToHtml(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!IsSafe(link.Url)) link.Url = null;
        }
        foreach (var link in document.Descendants<AutolinkInline>())
        {
            if (!IsSafe(link.Url)) link.Url = "";
        }
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    private static bool IsSafe(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return true;
        var u = url.Trim();
        if (u.StartsWith('/') && !u.StartsWith("//", StringComparison.Ordinal)) return true;
        if (u.StartsWith('#')) return true;
        return Uri.TryCreate(u, UriKind.Absolute, out var abs) && abs.Scheme is "http" or "https" or "mailto" or "tel";
    }
}
