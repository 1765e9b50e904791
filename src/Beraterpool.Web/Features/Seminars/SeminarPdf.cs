using System.Globalization;
using Beraterpool.Web.Features.Fees;
using Beraterpool.Web.Features.Outreach;
using Beraterpool.Web.Features.Shared;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Beraterpool.Web.Features.Seminars;

/// <summary>One seminar line of the PDF: title, date, topics and what the person's attendance was.</summary>
public sealed record PdfSeminar(string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, IReadOnlyList<string> Topics, string Attendance);

/// <summary>What the PDF says; <see cref="Code"/> only on a certificate.</summary>
public sealed record CertificateDocument(string PoolName, string Holder, string Series, IReadOnlyList<PdfSeminar> Seminars, int Attended, int Total,
    DateTimeOffset IssuedAt, string? Signatory, string? Code, string? VerifyUrl);

/// <summary>
/// The certificate (German, A4, one page per 8 seminars): the pool, the person, the series, the seminars attended with
/// dates and topics, a signature line and the verification code with the public address that confirms it. Without a
/// code it is the attendance confirmation: it lists every seminar with the person's attendance and says it is no certificate.
/// </summary>
public static class SeminarPdf
{
    private const double Left = 70, Width = 455;
    private static readonly XFont Huge, Heading, Body, Bold, Small;

    static SeminarPdf()
    {
        DejaVuFontResolver.Register();
        Huge = new XFont(DejaVuFontResolver.Family, 24, XFontStyleEx.Bold);
        Heading = new XFont(DejaVuFontResolver.Family, 14, XFontStyleEx.Bold);
        Body = new XFont(DejaVuFontResolver.Family, 10.5, XFontStyleEx.Regular);
        Bold = new XFont(DejaVuFontResolver.Family, 10.5, XFontStyleEx.Bold);
        Small = new XFont(DejaVuFontResolver.Family, 8.5, XFontStyleEx.Regular);
    }

    public static byte[] Write(CertificateDocument d)
    {
        var de = CultureInfo.GetCultureInfo("de-DE");
        var isCertificate = d.Code is not null;
        using var document = new PdfDocument();
        document.Info.Title = isCertificate ? $"Zertifikat: {d.Series} – {d.Holder}" : $"Teilnahmebestätigung: {d.Series} – {d.Holder}";
        var page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        var gfx = XGraphics.FromPdfPage(page);
        var text = new PdfText(gfx, Left, Width) { Y = 70 };
        text.Line(d.PoolName, Heading, XBrushes.Gray);
        text.Y += 30;
        text.Line(isCertificate ? "Zertifikat" : "Teilnahmebestätigung", Huge, height: 34);
        text.Y += 10;
        text.Paragraph("Hiermit wird bestätigt, dass", Body);
        text.Y += 6;
        text.Paragraph(d.Holder, Heading, height: 20);
        text.Y += 6;
        text.Paragraph(isCertificate
            ? $"erfolgreich an der Seminarreihe „{d.Series}“ teilgenommen und {d.Attended} von {d.Total} Seminaren besucht hat:"
            : $"an der Seminarreihe „{d.Series}“ teilgenommen und {d.Attended} von {d.Total} Seminaren besucht hat:", Body);
        text.Y += 10;
        foreach (var s in d.Seminars)
        {
            if (text.Y > 680)
            {
                gfx.Dispose();
                page = document.AddPage();
                page.Size = PdfSharp.PageSize.A4;
                gfx = XGraphics.FromPdfPage(page);
                text = new PdfText(gfx, Left, Width) { Y = 70 };
            }
            var (start, end) = (ProgrammeTime.ToLocal(s.StartsAt), ProgrammeTime.ToLocal(s.EndsAt));
            var date = start.Date == end.Date ? start.ToString("d. MMMM yyyy", de) : $"{start.ToString("d. MMMM", de)} – {end.ToString("d. MMMM yyyy", de)}";
            text.Paragraph($"{s.Title}", Bold, height: 14);
            text.Paragraph($"{date} · {s.Attendance}", Small, height: 11);
            if (s.Topics.Count > 0) text.Paragraph("Themen: " + string.Join("; ", s.Topics), Small, height: 11);
            text.Y += 6;
        }
        if (!isCertificate)
        {
            text.Y += 4;
            text.Paragraph("Diese Bestätigung nennt die besuchten Seminare; sie ist kein Zertifikat der Reihe.", Small);
        }
        var y = Math.Max(text.Y + 30, 660);
        gfx.DrawString($"Ausgestellt am {ProgrammeTime.ToLocal(d.IssuedAt).ToString("d. MMMM yyyy", de)}", Body, XBrushes.Black, Left, y, XStringFormats.TopLeft);
        gfx.DrawLine(new XPen(XColors.Black, 0.6), Left + 250, y + 40, Left + Width, y + 40);
        gfx.DrawString(d.Signatory ?? $"Koordinierungsstelle {d.PoolName}", Small, XBrushes.Black, Left + 250, y + 44, XStringFormats.TopLeft);
        gfx.DrawString("Unterschrift", Small, XBrushes.Gray, Left + 250, y + 56, XStringFormats.TopLeft);
        if (d.Code is { } code)
        {
            gfx.DrawString($"Prüfcode: {SeminarProgram.FormatCode(code)}", Bold, XBrushes.Black, Left, y + 90, XStringFormats.TopLeft);
            if (d.VerifyUrl is { } url) gfx.DrawString($"Echtheit prüfen: {url}", Small, XBrushes.Black, Left, y + 106, XStringFormats.TopLeft);
        }
        gfx.Dispose();
        using var stream = new MemoryStream();
        document.Save(stream);
        return stream.ToArray();
    }
}
