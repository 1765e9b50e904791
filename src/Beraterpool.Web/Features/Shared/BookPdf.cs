using System.Globalization;
using Beraterpool.Web.Features.Fees;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Beraterpool.Web.Features.Shared;

/// <summary>What a book-like PDF names on its title page: the title, a line above it (the pool) and one below (version, date).</summary>
public sealed record BookInfo(string Title, string Overline, string Subtitle);

/// <summary>A chapter: its title, its text in Markdown, then its charts and a closing text (Markdown).</summary>
public sealed record BookChapter(string Title, string Markdown, IReadOnlyList<BookChart>? Charts = null, string? Closing = null);

/// <summary>A horizontal bar chart with a title; each bar says its value in words too, so the numbers are in the text.</summary>
public sealed record BookChart(string Title, IReadOnlyList<BookBar> Bars);

/// <summary>A bar: its label, its length (against the chart's largest value or, with a target, against the larger of both), the value as printed.</summary>
public sealed record BookBar(string Label, decimal Value, string Printed, decimal? Target = null);

/// <summary>
/// A document as an A4 PDF with a title page, a table of contents with page numbers and one chapter per section
/// (PDFsharp, the fee statements' fonts): the handbooks and the annual report. German headings ("Inhalt", "Seite").
/// </summary>
public static class BookPdf
{
    private const double Left = 60, Width = 475, Top = 60, Bottom = 780;
    private const int TocLinesPerPage = 38;
    private static readonly XFont Huge, Title, Heading, Subheading, Body, Small;

    static BookPdf()
    {
        DejaVuFontResolver.Register();
        Huge = new XFont(DejaVuFontResolver.Family, 22, XFontStyleEx.Bold);
        Title = new XFont(DejaVuFontResolver.Family, 15, XFontStyleEx.Bold);
        Heading = new XFont(DejaVuFontResolver.Family, 12, XFontStyleEx.Bold);
        Subheading = new XFont(DejaVuFontResolver.Family, 10, XFontStyleEx.Bold);
        Body = new XFont(DejaVuFontResolver.Family, 10, XFontStyleEx.Regular);
        Small = new XFont(DejaVuFontResolver.Family, 8, XFontStyleEx.Regular);
    }

    public static byte[] Write(BookInfo info, IReadOnlyList<BookChapter> chapters)
    {
        using var document = new PdfDocument();
        document.Info.Title = info.Title;
        document.Info.Subject = $"{info.Overline} · {info.Subtitle}";

        var titlePage = NewPage(document);
        using (var gfx = XGraphics.FromPdfPage(titlePage))
        {
            var writer = new Writer(gfx) { Y = 250 };
            writer.Wrapped(info.Overline, Heading, 18);
            writer.Y += 10;
            writer.Wrapped(info.Title, Huge, 28);
            writer.Y += 10;
            writer.Wrapped(info.Subtitle, Body, 14);
        }

        // The contents come second but are written last, once the chapters' pages are known.
        var tocPages = Enumerable.Range(0, Math.Max(1, (chapters.Count + TocLinesPerPage - 1) / TocLinesPerPage)).Select(_ => NewPage(document)).ToList();
        var starts = new List<int>();
        var pages = new ChapterPages(document);
        for (var i = 0; i < chapters.Count; i++)
        {
            var chapter = chapters[i];
            pages.NewPage();
            starts.Add(document.PageCount);
            pages.Paragraph($"{i + 1}. {chapter.Title}", Title, 20);
            pages.Y += 6;
            Blocks(pages, chapter.Markdown);
            foreach (var chart in chapter.Charts ?? []) pages.Chart(chart);
            if (chapter.Closing is { } closing) Blocks(pages, closing);
        }
        pages.Done();

        for (var p = 0; p < tocPages.Count; p++)
        {
            using var gfx = XGraphics.FromPdfPage(tocPages[p]);
            var writer = new Writer(gfx) { Y = Top };
            writer.Line(p == 0 ? "Inhalt" : "Inhalt (Fortsetzung)", Title, 30);
            for (var i = p * TocLinesPerPage; i < Math.Min(chapters.Count, (p + 1) * TocLinesPerPage); i++)
            {
                var entry = Fit(gfx, $"{i + 1}. {chapters[i].Title}", Body, Width - 50);
                gfx.DrawString(entry, Body, XBrushes.Black, new XRect(Left, writer.Y, Width - 50, 17), XStringFormats.TopLeft);
                gfx.DrawString(starts[i].ToString(CultureInfo.InvariantCulture), Body, XBrushes.Black, new XRect(Left, writer.Y, Width, 17), XStringFormats.TopRight);
                writer.Y += 17;
            }
        }
        for (var p = 1; p < document.PageCount; p++)
        {
            using var gfx = XGraphics.FromPdfPage(document.Pages[p]);
            gfx.DrawString($"{info.Title} · Seite {p + 1}", Small, XBrushes.Gray, new XRect(Left, Bottom + 20, Width, 12), XStringFormats.TopRight);
        }
        using var stream = new MemoryStream();
        document.Save(stream);
        return stream.ToArray();
    }

    private static void Blocks(ChapterPages pages, string markdown)
    {
        foreach (var block in MarkdownHtml.ToBlocks(markdown))
        {
            switch (block.Kind)
            {
                case MarkdownBlockKind.Heading:
                    pages.Y += 6;
                    pages.Paragraph(block.Text, block.Level <= 2 ? Heading : Subheading, 15);
                    break;
                case MarkdownBlockKind.ListItem:
                    pages.Paragraph(block.Text, Body, 13, indent: 14 * (block.Level - 1), marker: block.Marker);
                    break;
                case MarkdownBlockKind.Code:
                    pages.Paragraph(block.Text.Length == 0 ? " " : block.Text, Small, 10, indent: 10, after: 0);
                    break;
                default:
                    pages.Paragraph(block.Text, Body, 13);
                    break;
            }
        }
    }

    private static PdfPage NewPage(PdfDocument document)
    {
        var page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        return page;
    }

    private static string Fit(XGraphics gfx, string text, XFont font, double width)
    {
        if (gfx.MeasureString(text, font).Width <= width) return text;
        while (text.Length > 1 && gfx.MeasureString(text + "…", font).Width > width) text = text[..^1];
        return text + "…";
    }

    private class Writer(XGraphics? gfx)
    {
        public double Y;
        protected XGraphics? Gfx { get; set; } = gfx;

        public void Line(string text, XFont font, double height, double indent = 0)
        {
            Gfx!.DrawString(text, font, XBrushes.Black, new XRect(Left + indent, Y, Width - indent, height), XStringFormats.TopLeft);
            Y += height;
        }

        /// <summary>Wrapped at word boundaries; <see cref="ChapterPages"/> turns the page when a line does not fit.</summary>
        public void Wrapped(string text, XFont font, double lineHeight, double indent = 0, string? marker = null, double after = 4)
        {
            var width = Width - indent - (marker is null ? 0 : 16);
            var x = indent + (marker is null ? 0 : 16);
            var line = "";
            var first = true;
            foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (line.Length > 0 && Gfx!.MeasureString(candidate, font).Width > width)
                {
                    Emit(line, font, lineHeight, x, first ? marker : null, indent);
                    first = false;
                    line = word;
                }
                else line = candidate;
            }
            if (line.Length > 0 || first) Emit(line, font, lineHeight, x, first ? marker : null, indent);
            Y += after;
        }

        private void Emit(string line, XFont font, double height, double x, string? marker, double indent)
        {
            BeforeLine(height);
            if (marker is not null) Gfx!.DrawString(marker, font, XBrushes.Black, new XRect(Left + indent, Y, 16, height), XStringFormats.TopLeft);
            Line(line, font, height, x);
        }

        protected virtual void BeforeLine(double height) { }
    }

    private sealed class ChapterPages(PdfDocument document) : Writer(null)
    {
        public void NewPage()
        {
            Gfx?.Dispose();
            Gfx = XGraphics.FromPdfPage(BookPdf.NewPage(document));
            Y = Top;
        }

        public void Paragraph(string text, XFont font, double lineHeight, double indent = 0, string? marker = null, double after = 4) =>
            Wrapped(text, font, lineHeight, indent, marker, after);

        protected override void BeforeLine(double height)
        {
            if (Y + height > Bottom) NewPage();
        }

        /// <summary>Label, bar and printed value per row; a target is a dark mark across the bar. Kept on one page.</summary>
        public void Chart(BookChart chart)
        {
            const double row = 16, labelWidth = 150, valueWidth = 90;
            var plot = Width - labelWidth - valueWidth - 10;
            if (Y + 28 + row * Math.Max(1, chart.Bars.Count) > Bottom) NewPage();
            Y += 8;
            Paragraph(chart.Title, Subheading, 15);
            var max = Math.Max(1, chart.Bars.Select(b => b.Value).DefaultIfEmpty(0).Max());
            foreach (var bar in chart.Bars)
            {
                var scale = bar.Target is { } t ? Math.Max(Math.Max(bar.Value, t), 1) : max;
                Gfx!.DrawString(Fit(Gfx, bar.Label, Small, labelWidth - 6), Small, XBrushes.Black, new XRect(Left, Y + 2, labelWidth - 6, row), XStringFormats.TopLeft);
                var length = (double)(bar.Value / scale) * plot;
                if (length > 0) Gfx.DrawRectangle(BarBrush, Left + labelWidth, Y + 3, length, row - 6);
                if (bar.Target is { } target)
                {
                    var x = Left + labelWidth + (double)(target / scale) * plot;
                    Gfx.DrawLine(TargetPen, x, Y + 1, x, Y + row - 1);
                }
                Gfx.DrawString(bar.Printed, Small, XBrushes.Black, new XRect(Left + labelWidth + plot + 6, Y + 2, valueWidth, row), XStringFormats.TopLeft);
                Y += row;
            }
            Y += 6;
        }

        public void Done() => Gfx?.Dispose();
    }

    /// <summary>The KERN primary blue of the pages' charts; the target mark in near-black, as on the page.</summary>
    private static readonly XBrush BarBrush = new XSolidBrush(XColor.FromArgb(0x1a, 0x4f, 0x9c));
    private static readonly XPen TargetPen = new(XColor.FromArgb(0x17, 0x17, 0x17), 2);
}
