using System.Globalization;
using Beraterpool.Web.Features.Fees;
using Beraterpool.Web.Features.Shared;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Beraterpool.Web.Features.Events;

/// <summary>
/// The check-in list for the door, A4: everyone with a place, sorted by name (German order), with organisation, a box to
/// tick and a line to sign. German, like the pool's other printed material; as many pages as the names need.
/// </summary>
public static class CheckInListPdf
{
    public sealed record Row(string Name, string? Organisation, bool Present);

    private const double Left = 42, Right = 553, Top = 48, Bottom = 800, RowHeight = 26;
    private const double NumberX = Left, NameX = Left + 28, OrganisationX = Left + 210, TickX = Left + 370, SignatureX = Left + 405;
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");
    private static readonly XFont Title, Body, Bold, Small;
    private static readonly XPen Rule = new(XColors.Gray, 0.5), Box = new(XColors.Black, 0.75);

    static CheckInListPdf()
    {
        DejaVuFontResolver.Register();
        Title = new XFont(DejaVuFontResolver.Family, 15, XFontStyleEx.Bold);
        Body = new XFont(DejaVuFontResolver.Family, 9.5, XFontStyleEx.Regular);
        Bold = new XFont(DejaVuFontResolver.Family, 9.5, XFontStyleEx.Bold);
        Small = new XFont(DejaVuFontResolver.Family, 8, XFontStyleEx.Regular);
    }

    public static IReadOnlyList<Row> Sorted(IEnumerable<Row> rows) =>
        rows.OrderBy(r => r.Name, StringComparer.Create(German, CompareOptions.IgnoreCase)).ToList();

    public static byte[] Render(Event e, IEnumerable<Row> rows)
    {
        var sorted = Sorted(rows);
        using var document = new PdfDocument();
        document.Info.Title = $"Teilnahmeliste – {e.Title}";
        var start = ProgrammeTime.ToLocal(e.StartsAt);
        var when = $"{start.ToString("dddd, d. MMMM yyyy, HH:mm", German)}–{ProgrammeTime.ToLocal(e.EndsAt).ToString("HH:mm", German)} Uhr";
        var where = e.Place ?? (e.OnlineUrl is null ? null : "online");
        var index = 0;
        var pageNumber = 0;
        var pages = sorted.Count <= FirstPageRows ? 1 : 1 + (int)Math.Ceiling((sorted.Count - FirstPageRows) / (double)OtherPageRows);
        do
        {
            pageNumber++;
            var page = document.AddPage();
            page.Size = PdfSharp.PageSize.A4;
            using var gfx = XGraphics.FromPdfPage(page);
            var y = Top;
            if (pageNumber == 1)
            {
                gfx.DrawString("Teilnahmeliste", Small, XBrushes.DimGray, Left, y, XStringFormats.TopLeft);
                y += 14;
                gfx.DrawString(Clip(gfx, e.Title, Title, Right - Left), Title, XBrushes.Black, Left, y, XStringFormats.TopLeft);
                y += 22;
                gfx.DrawString(where is null ? when : $"{when} · {Clip(gfx, where, Body, 250)}", Body, XBrushes.Black, Left, y, XStringFormats.TopLeft);
                y += 14;
                gfx.DrawString($"{sorted.Count} Personen mit Platz", Body, XBrushes.Black, Left, y, XStringFormats.TopLeft);
                y += 24;
            }
            Header(gfx, y);
            y += 18;
            for (; index < sorted.Count && y + RowHeight <= Bottom; index++, y += RowHeight)
            {
                var r = sorted[index];
                var baseline = y + 8;
                gfx.DrawString($"{index + 1}", Body, XBrushes.Black, NumberX, baseline, XStringFormats.TopLeft);
                gfx.DrawString(Clip(gfx, r.Name, Body, OrganisationX - NameX - 6), Body, XBrushes.Black, NameX, baseline, XStringFormats.TopLeft);
                if (r.Organisation is { } org)
                    gfx.DrawString(Clip(gfx, org, Body, TickX - OrganisationX - 6), Body, XBrushes.Black, OrganisationX, baseline, XStringFormats.TopLeft);
                gfx.DrawRectangle(Box, TickX + 6, y + 6, 12, 12);
                // Someone checked in on the phone already has the tick.
                if (r.Present) gfx.DrawString("✓", Bold, XBrushes.Black, TickX + 8, baseline - 1, XStringFormats.TopLeft);
                gfx.DrawLine(Rule, Left, y + RowHeight, Right, y + RowHeight);
            }
            gfx.DrawString($"Seite {pageNumber} von {pages}", Small, XBrushes.DimGray, new XRect(Left, Bottom + 14, Right - Left, 10), XStringFormats.TopRight);
        } while (index < sorted.Count);
        using var output = new MemoryStream();
        document.Save(output);
        return output.ToArray();
    }

    // What fits below the title block (74 pt) and the column header (18 pt): the loop above draws the same.
    private const int FirstPageRows = (int)((Bottom - Top - 74 - 18) / RowHeight);
    private const int OtherPageRows = (int)((Bottom - Top - 18) / RowHeight);

    private static void Header(XGraphics gfx, double y)
    {
        gfx.DrawString("Nr.", Bold, XBrushes.Black, NumberX, y, XStringFormats.TopLeft);
        gfx.DrawString("Name", Bold, XBrushes.Black, NameX, y, XStringFormats.TopLeft);
        gfx.DrawString("Organisation", Bold, XBrushes.Black, OrganisationX, y, XStringFormats.TopLeft);
        gfx.DrawString("Da", Bold, XBrushes.Black, TickX + 4, y, XStringFormats.TopLeft);
        gfx.DrawString("Unterschrift", Bold, XBrushes.Black, SignatureX, y, XStringFormats.TopLeft);
        gfx.DrawLine(Box, Left, y + 14, Right, y + 14);
    }

    private static string Clip(XGraphics gfx, string text, XFont font, double width)
    {
        if (gfx.MeasureString(text, font).Width <= width) return text;
        while (text.Length > 1 && gfx.MeasureString(text + "…", font).Width > width) text = text[..^1];
        return text + "…";
    }
}
