using Beraterpool.Web.Features.Shared;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace Beraterpool.Web.Features.Fees;

/// <summary>Serves DejaVu Sans from the app's own resources, so the PDF looks the same on every server.</summary>
public sealed class DejaVuFontResolver : IFontResolver
{
    public const string Family = "DejaVu Sans";

    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        // Every family asked for gets DejaVu: the statement uses no other, and a missing font must not break it.
        new(isBold ? "DejaVuSans-Bold" : "DejaVuSans");

    public byte[]? GetFont(string faceName)
    {
        using var stream = typeof(DejaVuFontResolver).Assembly.GetManifestResourceStream($"Beraterpool.Fees.Fonts.{faceName}.ttf");
        if (stream is null) return null;
        using var ms = new MemoryStream();
        stream.CopyTo(ms);
        return ms.ToArray();
    }

    private static readonly Lock Gate = new();

    /// <summary>PDFsharp's resolver is process-wide and may be set only once.</summary>
    public static void Register()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is null) GlobalFontSettings.FontResolver = new DejaVuFontResolver();
        }
    }
}

/// <summary>
/// The statement as a German invoice (§ 14 UStG) for the advisor and the accounting office: the pool's letterhead, the
/// advisor as issuer with address and tax number, the paying agency as recipient, invoice number and date, the service
/// period, each billed day by municipality, travel and other costs, the sums in euros, bank details, tax note, status.
/// The accounting office's copy (<c>fullIban</c>) carries the whole IBAN, the advisor's copy only its last digits.
/// </summary>
public static class FeePdf
{
    private const double Left = 50, Right = 545, Top = 50, Bottom = 780;
    private static readonly XFont Title, Heading, Body, Bold, Small;

    static FeePdf()
    {
        // The resolver must be in place before the first font is created.
        DejaVuFontResolver.Register();
        Title = new XFont(DejaVuFontResolver.Family, 18, XFontStyleEx.Bold);
        Heading = new XFont(DejaVuFontResolver.Family, 11, XFontStyleEx.Bold);
        Body = new XFont(DejaVuFontResolver.Family, 9.5, XFontStyleEx.Regular);
        Bold = new XFont(DejaVuFontResolver.Family, 9.5, XFontStyleEx.Bold);
        Small = new XFont(DejaVuFontResolver.Family, 8, XFontStyleEx.Regular);
    }

    public static byte[] Render(StatementView s, bool fullIban = false, IReadOnlyList<ReceiptFile>? receipts = null)
    {
        using var document = new PdfDocument();
        document.Info.Title = $"Rechnung {s.InvoiceNumber ?? s.Reference}";
        document.Info.Author = s.AdvisorName;
        var writer = new Writer(document);
        var totals = s.Totals;
        var billing = s.Billing;

        // Letterhead of the pool.
        writer.Text(s.PoolName, Heading, 14);
        if (billing is not null) writer.Text(Join(" · ", billing.Recipient, billing.Street, Join(" ", billing.PostalCode, billing.City), billing.ContactEmail), Small, 12);
        writer.Rule();
        writer.Y += 4;

        // Issuer (the advisor) on the left, invoice data on the right.
        var headerTop = writer.Y;
        writer.Text("Rechnungssteller*in", Small, 12);
        writer.Text(s.AdvisorName, Bold);
        if (s.Bank is { } address)
        {
            if (!string.IsNullOrWhiteSpace(address.Street)) writer.Text(address.Street, Body);
            if (!string.IsNullOrWhiteSpace(address.PostalCode) || !string.IsNullOrWhiteSpace(address.City)) writer.Text(Join(" ", address.PostalCode, address.City), Body);
            if (!string.IsNullOrWhiteSpace(address.TaxNumber)) writer.Text($"Steuernummer: {address.TaxNumber}", Body);
        }
        writer.Text(s.AdvisorEmail, Body);
        writer.Y += 8;
        writer.Text("Rechnungsempfänger", Small, 12);
        writer.Text(billing?.Recipient is { Length: > 0 } recipient ? recipient : s.PoolName, Bold);
        if (billing is not null && billing.Recipient is { Length: > 0 }) writer.Text($"für {s.PoolName}", Body);
        if (!string.IsNullOrWhiteSpace(billing?.Street)) writer.Text(billing.Street, Body);
        if (!string.IsNullOrWhiteSpace(billing?.PostalCode) || !string.IsNullOrWhiteSpace(billing?.City)) writer.Text(Join(" ", billing?.PostalCode, billing?.City), Body);
        var leftEnd = writer.Y;
        writer.Y = headerTop;
        writer.Pair("Rechnungsnummer", s.InvoiceNumber ?? "bei Einreichung");
        writer.Pair("Rechnungsdatum", s.SubmittedAt is { } submitted ? Date(submitted) : "bei Einreichung");
        var first = new DateOnly(s.Year, s.Month, 1);
        writer.Pair("Leistungszeitraum", $"{first:dd.MM.yyyy} – {first.AddMonths(1).AddDays(-1):dd.MM.yyyy}");
        writer.Pair("Abrechnungsnummer", s.Reference);
        writer.Pair("Status", FeeTexts.StatusDe(s.Status));
        writer.Y = Math.Max(leftEnd, writer.Y) + 12;

        writer.Text($"Rechnung · Honorarabrechnung {FeeTexts.PeriodDe(s.Year, s.Month)}", Title, 26);

        writer.Text("Beratungstage", Heading, 18);
        double[] cols = [Left, Left + 70, Left + 250, Right - 150, Right];
        writer.Row(cols, ["Datum", "Kommune", "Art", "Tage", "Betrag"], Bold, line: true);
        if (s.Activities.Count == 0) writer.Text("Keine Beratungstage abgerechnet.", Body);
        foreach (var group in s.Activities.GroupBy(a => (a.EngagementId, a.Municipality)).OrderBy(g => g.Min(a => a.Date)))
        {
            foreach (var a in group.OrderBy(a => a.Date))
                writer.Row(cols, [a.Date.ToString("dd.MM.yyyy"), a.Municipality, FeeTexts.KindDe(a.Kind),
                    Money.Days(FeeCalculator.Days(a.HalfDays)), Money.Format(FeeCalculator.Fee(a.HalfDays, s.DayRate))], Body);
        }
        writer.Rule();
        writer.Row([Left, Left + 70, Right - 151, Right - 150, Right],
            ["", $"Honorar: {Money.Days(totals.Days)} Tage × {Money.Format(s.DayRate)}", "", Money.Days(totals.Days), Money.Format(totals.Fee)], Bold);
        writer.Y += 12;

        writer.Text("Reisekosten", Heading, 18);
        if (s.Travel.Count == 0) writer.Text("Keine Reisekosten.", Body);
        double[] travelCols = [Left, Left + 70, Right - 150, Right - 1, Right];
        foreach (var t in s.Travel)
            writer.Row(travelCols, [t.Date.ToString("dd.MM.yyyy"), t.Description,
                t.Kilometres is { } km ? $"{km.ToString("0.#", Money.German)} km" : "Ticket", "", Money.Format(t.Amount)], Body);
        writer.Row(travelCols, ["", "Summe Reisekosten", "", "", Money.Format(totals.Travel)], Bold, line: s.Travel.Count > 0);
        writer.Y += 12;

        if (totals.Other > 0 || !string.IsNullOrWhiteSpace(s.OtherCostsNote))
        {
            writer.Text("Sonstige Kosten", Heading, 18);
            writer.Row(travelCols, ["", s.OtherCostsNote ?? "", "", "", Money.Format(totals.Other)], Body);
            writer.Y += 12;
        }

        writer.Rule();
        double[] sumCols = [Left, Right - 200, Right - 100, Right - 1, Right];
        writer.Row(sumCols, ["Honorar", "", "", "", Money.Format(totals.Fee)], Body);
        writer.Row(sumCols, ["Reisekosten", "", "", "", Money.Format(totals.Travel)], Body);
        writer.Row(sumCols, ["Sonstige Kosten", "", "", "", Money.Format(totals.Other)], Body);
        writer.Row(sumCols, ["Gesamtbetrag", "", "", "", Money.Format(totals.Total)], Heading, line: true);
        writer.Y += 16;

        writer.Text("Bankverbindung", Heading, 16);
        if (s.Bank is { } bank)
        {
            writer.Text($"Kontoinhaber*in: {bank.AccountHolder}", Body);
            writer.Text($"IBAN: {(fullIban && bank.Iban is { } iban ? Iban.Format(iban) : bank.IbanMasked)}", Body);
            if (!string.IsNullOrWhiteSpace(bank.Bic)) writer.Text($"BIC: {bank.Bic}", Body);
            writer.Text($"Verwendungszweck: {s.PaymentReference}", Body);
        }
        else
        {
            writer.Text("Noch keine Bankverbindung hinterlegt.", Body);
        }
        writer.Y += 10;
        if (!string.IsNullOrWhiteSpace(s.TaxNote)) writer.Paragraph(s.TaxNote, Body);
        writer.Y += 6;
        var status = s.Status switch
        {
            FeeStatementStatus.Approved => $"Freigegeben am {Date(s.ApprovedAt)}",
            FeeStatementStatus.Paid => $"Freigegeben am {Date(s.ApprovedAt)}, bezahlt am {s.PaidOn?.ToString("dd.MM.yyyy")}",
            FeeStatementStatus.Submitted => $"Eingereicht am {Date(s.SubmittedAt)}, noch nicht freigegeben",
            _ => $"{FeeTexts.StatusDe(s.Status)} – noch nicht eingereicht",
        };
        writer.Text($"Status: {status}", Bold);

        writer.Finish(s.InvoiceNumber is { } number ? $"Rechnung {number}" : s.Reference);
        var attachment = 0;
        foreach (var receipt in receipts ?? []) Attach(document, receipt, ++attachment);
        using var output = new MemoryStream();
        document.Save(output);
        return output.ToArray();
    }


    /// <summary>
    /// A receipt after the invoice, as "Anlage n": an image drawn on its own page, scaled to fit; a PDF with its pages
    /// imported. A receipt that cannot be read still gets its page, saying so, so the office knows one is missing.
    /// </summary>
    private static void Attach(PdfDocument document, ReceiptFile receipt, int number)
    {
        var caption = $"Anlage {number}: Beleg „{receipt.FileName}“ – {receipt.Date:dd.MM.yyyy}, {receipt.Description}";
        try
        {
            if (receipt.ContentType == "application/pdf")
            {
                using var source = PdfReader.Open(new MemoryStream(receipt.Content), PdfDocumentOpenMode.Import);
                for (var i = 0; i < source.PageCount; i++)
                {
                    var page = document.AddPage(source.Pages[i]);
                    if (i == 0)
                    {
                        using var gfx = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
                        gfx.DrawString(caption, Small, XBrushes.DimGray, new XRect(20, 8, page.Width.Point - 40, 12), XStringFormats.TopLeft);
                    }
                }
                return;
            }
            using var image = XImage.FromStream(new MemoryStream(receipt.Content));
            var imagePage = document.AddPage();
            imagePage.Size = PdfSharp.PageSize.A4;
            using var g = XGraphics.FromPdfPage(imagePage);
            g.DrawString(caption, Heading, XBrushes.Black, Left, Top, XStringFormats.TopLeft);
            double maxWidth = Right - Left, maxHeight = Bottom - Top - 30;
            var scale = Math.Min(1, Math.Min(maxWidth / image.PointWidth, maxHeight / image.PointHeight));
            g.DrawImage(image, Left, Top + 30, image.PointWidth * scale, image.PointHeight * scale);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A damaged or unusual file (the upload only checked its first bytes) must not cost the whole invoice.
            var page = document.AddPage();
            page.Size = PdfSharp.PageSize.A4;
            using var g = XGraphics.FromPdfPage(page);
            g.DrawString(caption, Heading, XBrushes.Black, Left, Top, XStringFormats.TopLeft);
            g.DrawString("Dieser Beleg konnte nicht in die PDF-Datei übernommen werden; er ist als eigene Datei bei der Abrechnung gespeichert.",
                Body, XBrushes.Black, Left, Top + 24, XStringFormats.TopLeft);
        }
    }

    private static string Join(string separator, params string?[] parts) =>
        string.Join(separator, parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()));

    private static string Date(DateTimeOffset? at) => at is { } v ? Shared.ProgrammeTime.ToLocal(v).ToString("dd.MM.yyyy") : "";

    /// <summary>A cursor over pages: starts a new page when the next line would not fit.</summary>
    private sealed class Writer
    {
        private readonly PdfDocument _document;
        private XGraphics _gfx = null!;
        public double Y;

        public Writer(PdfDocument document)
        {
            _document = document;
            NewPage();
        }

        private void NewPage()
        {
            _gfx?.Dispose();
            var page = _document.AddPage();
            page.Size = PdfSharp.PageSize.A4;
            _gfx = XGraphics.FromPdfPage(page);
            Y = Top;
        }

        private void Ensure(double height)
        {
            if (Y + height > Bottom) NewPage();
        }

        public void Text(string text, XFont font, double height = 14)
        {
            Ensure(height);
            _gfx.DrawString(Fit(text, font, Right - Left), font, XBrushes.Black, Left, Y, XStringFormats.TopLeft);
            Y += height;
        }

        /// <summary>A label and value in the right half of the header.</summary>
        public void Pair(string label, string value)
        {
            _gfx.DrawString(label, Small, XBrushes.DimGray, 330, Y, XStringFormats.TopLeft);
            _gfx.DrawString(value, Bold, XBrushes.Black, 440, Y - 1, XStringFormats.TopLeft);
            Y += 14;
        }

        /// <summary>Cells between the given x positions; the last two columns (days, amount) are right-aligned.</summary>
        public void Row(double[] cols, string[] cells, XFont font, bool line = false)
        {
            Ensure(15);
            if (line) _gfx.DrawLine(XPens.Gray, Left, Y - 2, Right, Y - 2);
            for (var i = 0; i < cells.Length; i++)
            {
                if (cells[i].Length == 0) continue;
                var x = cols[i];
                var width = (i + 1 < cols.Length ? cols[i + 1] : Right) - x - 6;
                if (i >= cells.Length - 2)
                {
                    // Days end 90 pt before the right margin, amounts at it: numbers line up on their last digit.
                    var rightEdge = i == cells.Length - 1 ? Right : Right - 90;
                    _gfx.DrawString(cells[i], font, XBrushes.Black, new XRect(rightEdge - 80, Y, 80, 14), XStringFormats.TopRight);
                }
                else
                {
                    _gfx.DrawString(Fit(cells[i], font, width), font, XBrushes.Black, x, Y, XStringFormats.TopLeft);
                }
            }
            Y += 15;
        }

        public void Rule()
        {
            Ensure(6);
            _gfx.DrawLine(XPens.Gray, Left, Y, Right, Y);
            Y += 6;
        }

        /// <summary>Wraps a longer text at spaces.</summary>
        public void Paragraph(string text, XFont font)
        {
            var line = "";
            foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var next = line.Length == 0 ? word : line + " " + word;
                if (_gfx.MeasureString(next, font).Width > Right - Left && line.Length > 0)
                {
                    Text(line, font, 13);
                    line = word;
                }
                else line = next;
            }
            if (line.Length > 0) Text(line, font, 13);
        }

        private string Fit(string text, XFont font, double width)
        {
            if (_gfx.MeasureString(text, font).Width <= width) return text;
            while (text.Length > 1 && _gfx.MeasureString(text + "…", font).Width > width) text = text[..^1];
            return text + "…";
        }

        /// <summary>Page numbers in the footer, once the number of pages is known.</summary>
        public void Finish(string reference)
        {
            _gfx.Dispose();
            var count = _document.PageCount;
            for (var i = 0; i < count; i++)
            {
                using var gfx = XGraphics.FromPdfPage(_document.Pages[i], XGraphicsPdfPageOptions.Append);
                gfx.DrawString($"{reference} · Seite {i + 1} von {count}", Small, XBrushes.DimGray,
                    new XRect(Left, 805, Right - Left, 12), XStringFormats.TopRight);
            }
        }
    }
}
