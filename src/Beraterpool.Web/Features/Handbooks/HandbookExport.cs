using System.Net;
using System.Text;
using Beraterpool.Web.Features.Shared;

namespace Beraterpool.Web.Features.Handbooks;

/// <summary>What an export names besides the content: the pool, the handbook's address, the version and its date.</summary>
public sealed record ExportInfo(string PoolName, string Slug, int Number, DateTimeOffset At)
{
    public string FileName(string extension) => $"{Slug}-version-{Number}.{extension}";
    public string Stand => $"Version {Number}, Stand {ProgrammeTime.ToLocal(At):dd.MM.yyyy}";
}

/// <summary>
/// A handbook version as a file: a standalone HTML page (the same sanitised HTML as the site), or an A4 PDF with a title
/// page, a table of contents with page numbers and the chapters (PDFsharp, the fee statements' fonts). German: the
/// handbooks are written in German.
/// </summary>
public static class HandbookExport
{
    public static string Html(HandbookSnapshot handbook, ExportInfo info)
    {
        static string E(string s) => WebUtility.HtmlEncode(s);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"de\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(E(handbook.Title)).Append("</title>\n")
            .Append("<style>body{font-family:sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;line-height:1.5}</style>\n</head>\n<body>\n")
            .Append("<header>\n<p>").Append(E(info.PoolName)).Append("</p>\n<h1>").Append(E(handbook.Title)).Append("</h1>\n<p>").Append(E(info.Stand)).Append("</p>\n</header>\n")
            .Append("<nav aria-labelledby=\"toc\">\n<h2 id=\"toc\">Inhalt</h2>\n<ol>\n");
        for (var i = 0; i < handbook.Chapters.Count; i++)
            html.Append("<li><a href=\"#kapitel-").Append(i + 1).Append("\">").Append(E(handbook.Chapters[i].Title)).Append("</a></li>\n");
        html.Append("</ol>\n</nav>\n<main>\n");
        for (var i = 0; i < handbook.Chapters.Count; i++)
        {
            html.Append("<section aria-labelledby=\"kapitel-").Append(i + 1).Append("\">\n<h2 id=\"kapitel-").Append(i + 1).Append("\">")
                .Append(i + 1).Append(". ").Append(E(handbook.Chapters[i].Title)).Append("</h2>\n")
                .Append(MarkdownHtml.ToHtml(handbook.Chapters[i].Markdown, topHeading: 3, fromHighest: true)).Append("\n</section>\n");
        }
        return html.Append("</main>\n</body>\n</html>\n").ToString();
    }

    /// <summary>An A4 PDF: title page, contents with page numbers, one chapter per section (<see cref="BookPdf"/>).</summary>
    public static byte[] Pdf(HandbookSnapshot handbook, ExportInfo info) =>
        BookPdf.Write(new BookInfo(handbook.Title, info.PoolName, info.Stand), handbook.Chapters.Select(c => new BookChapter(c.Title, c.Markdown)).ToList());
}
