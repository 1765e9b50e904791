using PdfSharp.Drawing;

namespace Beraterpool.Web.Features.Outreach;

/// <summary>Text in a column for the flyer and the cards: wrapped at spaces, cut with an ellipsis when lines run out.</summary>
public sealed class PdfText(XGraphics gfx, double left, double width)
{
    public double Y { get; set; }

    public void Line(string text, XFont font, XBrush? brush = null, double? height = null) =>
        Paragraph(text, font, brush, height, maxLines: 1);

    public void Paragraph(string text, XFont font, XBrush? brush = null, double? height = null, int maxLines = int.MaxValue)
    {
        var lineHeight = height ?? font.Size * 1.3;
        var lines = Wrap(text, font);
        for (var i = 0; i < lines.Count && i < maxLines; i++)
        {
            var line = i == maxLines - 1 && lines.Count > maxLines ? Fit(lines[i] + " …", font) : lines[i];
            gfx.DrawString(line, font, brush ?? XBrushes.Black, left, Y, XStringFormats.TopLeft);
            Y += lineHeight;
        }
    }

    private List<string> Wrap(string text, XFont font)
    {
        var lines = new List<string>();
        foreach (var part in text.Split('\n'))
        {
            var line = "";
            foreach (var word in part.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var next = line.Length == 0 ? word : line + " " + word;
                if (line.Length > 0 && gfx.MeasureString(next, font).Width > width)
                {
                    lines.Add(line);
                    line = word;
                }
                else line = next;
            }
            lines.Add(Fit(line, font));
        }
        return lines;
    }

    private string Fit(string text, XFont font)
    {
        if (gfx.MeasureString(text, font).Width <= width) return text;
        while (text.Length > 1 && gfx.MeasureString(text + "…", font).Width > width) text = text[..^1];
        return text + "…";
    }
}
