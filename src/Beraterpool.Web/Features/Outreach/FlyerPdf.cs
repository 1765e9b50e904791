using Beraterpool.Web.Features.Fees;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Statistics;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Beraterpool.Web.Features.Outreach;

/// <summary>
/// The pool's flyer, one A4 page from live data: the offer, the frame (free of charge, the pool's day quota), the
/// steps of a consultation, the topics, the pool in figures (<see cref="PoolStatistics"/>: consented data only),
/// the contact and a QR code to the website. German, like the pool's other printed material.
/// </summary>
public static class FlyerPdf
{
    private const double Left = 56, Right = 539;
    private static readonly XFont Brand, Claim, Heading, Body, Bold, Figure, Small;

    static FlyerPdf()
    {
        DejaVuFontResolver.Register();
        Brand = new XFont(DejaVuFontResolver.Family, 26, XFontStyleEx.Bold);
        Claim = new XFont(DejaVuFontResolver.Family, 12, XFontStyleEx.Regular);
        Heading = new XFont(DejaVuFontResolver.Family, 13, XFontStyleEx.Bold);
        Body = new XFont(DejaVuFontResolver.Family, 10, XFontStyleEx.Regular);
        Bold = new XFont(DejaVuFontResolver.Family, 10, XFontStyleEx.Bold);
        Figure = new XFont(DejaVuFontResolver.Family, 20, XFontStyleEx.Bold);
        Small = new XFont(DejaVuFontResolver.Family, 8, XFontStyleEx.Regular);
    }

    /// <summary>The band and headings in the pool's primary colour, the big figures in its accent colour.</summary>
    public static byte[] Render(PoolInfo pool, BrandColours colours, PoolStatistics figures, string websiteUrl)
    {
        var primary = Brush(colours.Primary);
        var accent = Brush(colours.Accent);
        using var document = new PdfDocument();
        document.Info.Title = $"{pool.BrandName} – Flyer";
        document.Info.Author = pool.Name;
        var page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            // A band with the word mark across the top.
            gfx.DrawRectangle(primary, 0, 0, page.Width.Point, 120);
            var head = new PdfText(gfx, Left, Right - Left) { Y = 40 };
            head.Line(pool.BrandName, Brand, XBrushes.White, 34);
            head.Line(pool.Claim ?? pool.Name, Claim, XBrushes.White);

            var text = new PdfText(gfx, Left, Right - Left) { Y = 120 + 28 };
            Section(text, primary, "Unser Angebot");
            text.Paragraph("Berater*innen mit Migrationsgeschichte begleiten Kommunen in der Entwicklungspolitik: faire Beschaffung, "
                + "fairer Handel, Partnerschaften mit dem Globalen Süden und die Agenda 2030. Im dialogischen Gespräch entwickeln "
                + "Kommune und Berater*in gemeinsam Handlungsoptionen, die die Kommune selbst umsetzen kann.", Body);

            Section(text, primary, "Der Rahmen");
            text.Paragraph("• Kostenlos für Kommunen: Die Honorare trägt das Programm.", Body);
            text.Paragraph($"• Bis zu {pool.AnnualDayQuota} Beratungstage je Kommune und Kalenderjahr.", Body);
            text.Paragraph("• Ein Poolmitglied begleitet Ihre Kommune, bei Bedarf ein Tandem.", Body);

            Section(text, primary, "So läuft eine Beratung ab");
            string[] steps =
            [
                "Anfrage: Ihre Kommune beschreibt Ziel und Bedarf.",
                "Erstgespräch: Die Koordinierungsstelle klärt mit Ihnen das Anliegen.",
                "Vermittlung: Wir schlagen passende Berater*innen vor.",
                $"Begleitung: Ein Poolmitglied begleitet Ihre Kommune – bis zu {pool.AnnualDayQuota} Tage im Jahr.",
            ];
            for (var i = 0; i < steps.Length; i++) text.Paragraph($"{i + 1}. {steps[i]}", Body);

            if (figures.Topics.Count > 0)
            {
                Section(text, primary, "Unsere Themen");
                text.Paragraph(string.Join(" · ", figures.Topics), Body);
            }

            Section(text, primary, "Der Pool in Zahlen");
            Figures(gfx, text, accent, figures);

            Section(text, primary, "Kontakt");
            var contactTop = text.Y;
            text.Line(pool.Name, Bold);
            text.Line($"E-Mail: {pool.ContactEmail}", Body);
            text.Line($"Website: {websiteUrl}", Body);
            var qr = QrImage.For(websiteUrl);
            const double size = 96;
            gfx.DrawImage(qr, Right - size, contactTop - 6, size, size);
            gfx.DrawString("Zur Website", Small, XBrushes.DimGray, new XRect(Right - size, contactTop + size - 4, size, 10), XStringFormats.TopCenter);
        }
        using var output = new MemoryStream();
        document.Save(output);
        return output.ToArray();
    }

    public static XBrush Brush(string colour)
    {
        var (r, g, b) = BrandColours.Rgb(colour);
        return new XSolidBrush(XColor.FromArgb(r, g, b));
    }

    private static void Section(PdfText text, XBrush brush, string title)
    {
        text.Y += 10;
        text.Line(title, Heading, brush, 19);
    }

    /// <summary>Three big numbers in a row, then the lists; a list no advisor consented to is left out.</summary>
    private static void Figures(XGraphics gfx, PdfText text, XBrush accent, PoolStatistics s)
    {
        (string Value, string Label)[] big = [($"{s.Advisors}", "Berater*innen"), ($"{s.Women}", "Frauen"), ($"{s.Men}", "Männer")];
        for (var i = 0; i < big.Length; i++)
        {
            var x = Left + i * 120;
            gfx.DrawString(big[i].Value, Figure, accent, x, text.Y, XStringFormats.TopLeft);
            gfx.DrawString(big[i].Label, Body, XBrushes.Black, x, text.Y + 26, XStringFormats.TopLeft);
        }
        text.Y += 46;
        if (s.YoungestAge is { } young && s.OldestAge is { } old) text.Paragraph($"Alter: {young} bis {old} Jahre", Body);
        if (s.Cities.Count > 0) text.Paragraph($"Wohnorte: {string.Join(", ", s.Cities)}", Body, maxLines: 3);
        if (s.Countries.Count > 0) text.Paragraph($"Herkunftsländer: {string.Join(", ", s.Countries)}", Body, maxLines: 3);
        if (s.Languages.Count > 0) text.Paragraph($"Sprachen: {string.Join(", ", s.Languages)}", Body, maxLines: 3);
    }
}
