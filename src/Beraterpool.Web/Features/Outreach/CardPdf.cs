using Beraterpool.Web.Features.Fees;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Beraterpool.Web.Features.Outreach;

/// <summary>
/// An advisor's business card, 85 × 55 mm: name, role, topics, languages, city and contact as published, and a QR
/// code with the same vCard as the public profile. Also as a print sheet: ten cards on A4 with crop marks.
/// </summary>
public static class CardPdf
{
    public static readonly XUnit Width = XUnit.FromMillimeter(85), Height = XUnit.FromMillimeter(55);
    private const int Columns = 2, Rows = 5;
    private static readonly XPen CropPen = new(XColors.Black, 0.25);
    private static readonly XFont Brand, Name, Body, Small;

    static CardPdf()
    {
        DejaVuFontResolver.Register();
        Brand = new XFont(DejaVuFontResolver.Family, 7, XFontStyleEx.Bold);
        Name = new XFont(DejaVuFontResolver.Family, 11.5, XFontStyleEx.Bold);
        Body = new XFont(DejaVuFontResolver.Family, 6.5, XFontStyleEx.Regular);
        Small = new XFont(DejaVuFontResolver.Family, 5.5, XFontStyleEx.Regular);
    }

    public static byte[] Card(AdvisorCard card)
    {
        using var document = Document(card);
        var page = document.AddPage();
        page.Width = Width;
        page.Height = Height;
        using (var gfx = XGraphics.FromPdfPage(page)) Draw(gfx, card, QrImage.For(card.ToVCard().Write()), 0, 0);
        return Save(document);
    }

    /// <summary>
    /// Ten cards edge to edge, centred on A4 (2 × 5 = 170 × 275 mm), cut along the grid: the marks sit in the margin
    /// with a gap of 2 mm, so no mark shows on a card that is cut a little off.
    /// </summary>
    public static byte[] Sheet(AdvisorCard card)
    {
        using var document = Document(card);
        var page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        double w = Width.Point, h = Height.Point;
        var left = (page.Width.Point - Columns * w) / 2;
        var top = (page.Height.Point - Rows * h) / 2;
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            var qr = QrImage.For(card.ToVCard().Write());
            for (var row = 0; row < Rows; row++)
            for (var column = 0; column < Columns; column++)
                Draw(gfx, card, qr, left + column * w, top + row * h);
            double gap = XUnit.FromMillimeter(2).Point, mark = XUnit.FromMillimeter(5).Point;
            for (var column = 0; column <= Columns; column++)
            {
                var x = left + column * w;
                gfx.DrawLine(CropPen, x, top - gap - mark, x, top - gap);
                gfx.DrawLine(CropPen, x, top + Rows * h + gap, x, top + Rows * h + gap + mark);
            }
            for (var row = 0; row <= Rows; row++)
            {
                var y = top + row * h;
                gfx.DrawLine(CropPen, left - gap - mark, y, left - gap, y);
                gfx.DrawLine(CropPen, left + Columns * w + gap, y, left + Columns * w + gap + mark, y);
            }
        }
        return Save(document);
    }

    private static PdfDocument Document(AdvisorCard card)
    {
        var document = new PdfDocument();
        document.Info.Title = $"Visitenkarte {card.Name}";
        document.Info.Author = card.Brand;
        return document;
    }

    private static byte[] Save(PdfDocument document)
    {
        using var output = new MemoryStream();
        document.Save(output);
        return output.ToArray();
    }

    /// <summary>One card with its top-left corner at (x, y): text on the left, the QR code on the right.</summary>
    private static void Draw(XGraphics gfx, AdvisorCard card, XImage qr, double x, double y)
    {
        const double margin = 10, qrSize = 70;
        double w = Width.Point, h = Height.Point;
        // The line across the top in the pool's primary colour, the word mark in its accent colour.
        gfx.DrawRectangle(FlyerPdf.Brush(card.Colours.Primary), x, y, w, 4);
        var text = new PdfText(gfx, x + margin, w - 2 * margin - qrSize - 6) { Y = y + margin };
        text.Line(card.Brand, Brand, FlyerPdf.Brush(card.Colours.Accent), 12);
        text.Paragraph(card.Name, Name, maxLines: 2);
        text.Paragraph(card.Role, Body, XBrushes.DimGray, maxLines: 2);
        text.Y += 4;
        if (card.Topics.Count > 0) text.Paragraph($"Themen: {string.Join(", ", card.Topics)}", Body, maxLines: 2);
        if (card.Languages.Count > 0) text.Paragraph($"Sprachen: {string.Join(", ", card.LanguageNames)}", Body, maxLines: 2);
        if (card.City is not null) text.Line($"Wohnort: {card.City}", Body);

        // The contact sits at the foot of the card, across its whole width below the QR code.
        var foot = new PdfText(gfx, x + margin, w - 2 * margin) { Y = y + h - margin - (card.ProfileUrl is null ? 8 : 15) };
        foot.Line($"Kontakt: {card.PoolEmail}", Small);
        if (card.ProfileUrl is not null) foot.Line(card.ProfileUrl, Small);
        gfx.DrawImage(qr, x + w - margin - qrSize + 4, y + margin + 4, qrSize, qrSize);
    }
}
