using Beraterpool.Web.Features.Fees;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Beraterpool.Web.Features.Privacy.Processing;

/// <summary>The records of processing activities as an A4 PDF, one block per activity; same fonts as the fee statements.</summary>
public static class ProcessingPdf
{
    private const double Left = 50, Width = 495, Top = 50, Bottom = 790;
    private static readonly XFont Title, Heading, Label, Body;

    static ProcessingPdf()
    {
        DejaVuFontResolver.Register();
        Title = new XFont(DejaVuFontResolver.Family, 14, XFontStyleEx.Bold);
        Heading = new XFont(DejaVuFontResolver.Family, 11, XFontStyleEx.Bold);
        Label = new XFont(DejaVuFontResolver.Family, 8.5, XFontStyleEx.Bold);
        Body = new XFont(DejaVuFontResolver.Family, 8.5, XFontStyleEx.Regular);
    }

    public static byte[] Render(IReadOnlyList<ProcessingActivity> activities, string installation, DateOnly asOf)
    {
        using var document = new PdfDocument();
        document.Info.Title = "Verzeichnis von Verarbeitungstätigkeiten";
        var page = new PageWriter(document);
        page.Line("Verzeichnis von Verarbeitungstätigkeiten (Art. 30 Abs. 1 DSGVO)", Title, 24);
        page.Line($"{installation} · Stand {asOf:dd.MM.yyyy} · {activities.Count} Tätigkeiten", Body, 20);
        var n = 0;
        foreach (var a in activities)
        {
            page.Ensure(80);
            page.Paragraph($"{++n}. {a.Purpose}", Heading, 15);
            foreach (var (label, value) in Fields(a))
            {
                page.Line(label, Label, 11);
                page.Paragraph(value, Body);
            }
            page.Y += 8;
        }
        using var stream = new MemoryStream();
        document.Save(stream);
        return stream.ToArray();
    }

    public static IEnumerable<(string Label, string Value)> Fields(ProcessingActivity a) =>
    [
        ("Betroffene Personen", a.DataSubjects),
        ("Datenarten", a.DataKinds),
        ("Empfänger", a.Recipients),
        ("Löschfrist", a.Retention),
        ("Rechtsgrundlage", a.LegalBasis),
        ("Technische und organisatorische Maßnahmen", a.Measures),
    ];

    private sealed class PageWriter(PdfDocument document)
    {
        private XGraphics? _gfx;
        public double Y = Bottom;

        public void Ensure(double height)
        {
            if (_gfx is not null && Y + height <= Bottom) return;
            _gfx?.Dispose();
            var p = document.AddPage();
            p.Size = PdfSharp.PageSize.A4;
            _gfx = XGraphics.FromPdfPage(p);
            Y = Top;
        }

        public void Line(string text, XFont font, double height)
        {
            Ensure(height);
            _gfx!.DrawString(text, font, XBrushes.Black, new XRect(Left, Y, Width, height), XStringFormats.TopLeft);
            Y += height;
        }

        /// <summary>Wrapped at word boundaries, line by line, so a long text continues on the next page.</summary>
        public void Paragraph(string text, XFont font, double lineHeight = 11)
        {
            Ensure(11);
            var line = "";
            foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (line.Length > 0 && _gfx!.MeasureString(candidate, font).Width > Width)
                {
                    Line(line, font, lineHeight);
                    line = word;
                }
                else line = candidate;
            }
            if (line.Length > 0) Line(line, font, lineHeight);
            Y += 3;
        }
    }
}
