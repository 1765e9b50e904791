using Beraterpool.Web.Features.Shared;
using System.Globalization;
using Beraterpool.Web.Data;
using ClosedXML.Excel;
using CsvHelper;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Fees;

public sealed record ExportRow(string Reference, string Pool, string Advisor, string AccountHolder, string Street, string PostalCode, string City,
    string Iban, string Bic, string TaxNumber, string InvoiceNumber, string PaymentReference, string Period, string Status, string PaidOn, decimal Days, decimal DayRate, decimal Fee, decimal Travel,
    decimal Other, decimal Total);

/// <summary>
/// The approved and paid statements of a period for the accounting office, one row per statement. It carries the
/// full IBAN (the office pays from it), so every export is audited by the caller. The IBAN is the one the statement
/// was submitted and approved with, not whatever the bank details say at export time.
/// </summary>
public sealed class FeeExport(AppDbContext db, FeeStatements statements, IbanProtector protector)
{
    public static readonly string[] Headers =
    [
        "Abrechnungsnummer", "Pool", "Berater*in", "Kontoinhaber*in", "Straße", "PLZ", "Ort", "IBAN", "BIC", "Steuernummer", "Rechnungsnummer", "Verwendungszweck", "Zeitraum", "Status",
        "Bezahlt am", "Tage", "Tagessatz", "Honorar", "Reisekosten", "Sonstige Kosten", "Gesamt",
    ];

    /// <summary>Reads "yyyy-MM" into (year, month); null when it is not a month.</summary>
    public static (int Year, int Month)? ParseMonth(string? value) =>
        DateOnly.TryParseExact(value + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? (d.Year, d.Month) : null;

    public async Task<List<ExportRow>> RowsAsync(int[] poolIds, (int Year, int Month) from, (int Year, int Month) to, CancellationToken ct)
    {
        var first = from.Year * 100 + from.Month;
        var last = to.Year * 100 + to.Month;
        var list = await db.FeeStatements.AsNoTracking()
            .Where(s => poolIds.Contains(s.PoolId) && (s.Status == FeeStatementStatus.Approved || s.Status == FeeStatementStatus.Paid)
                        && s.Year * 100 + s.Month >= first && s.Year * 100 + s.Month <= last)
            .OrderBy(s => s.Year).ThenBy(s => s.Month).ThenBy(s => s.Id)
            .Select(s => new
            {
                s.Id, s.Year, s.Month, s.Status, s.DayRate, s.OtherCosts, s.PaidOn, s.AdvisorId, s.PayeeAccountHolder, s.PayeeIbanProtected, s.PayeeBic, s.InvoiceNumber,
                Pool = db.Pools.Where(p => p.Id == s.PoolId).Select(p => p.Name).First(),
                Advisor = db.Advisors.Where(a => a.Id == s.AdvisorId).Select(a => a.FirstName + " " + a.LastName).First(),
            })
            .ToListAsync(ct);
        var totals = await statements.TotalsAsync(list.Select(s => (s.Id, s.DayRate, s.OtherCosts)).ToList(), ct);
        var advisorIds = list.Select(s => s.AdvisorId).Distinct().ToList();
        var banks = await db.AdvisorBankDetails.AsNoTracking().Where(b => advisorIds.Contains(b.AdvisorId)).ToDictionaryAsync(b => b.AdvisorId, ct);
        return list.Select(s =>
        {
            var t = totals[s.Id];
            banks.TryGetValue(s.AdvisorId, out var b);
            // The statement's own payee, kept since submission; the bank details only for statements from before.
            var ibanProtected = s.PayeeIbanProtected ?? b?.IbanProtected;
            var holder = s.PayeeIbanProtected is null ? b?.AccountHolder : s.PayeeAccountHolder;
            var bic = s.PayeeIbanProtected is null ? b?.Bic : s.PayeeBic;
            var reference = FeeStatements.Reference(s.Year, s.Month, s.Id);
            var iban = ibanProtected is null ? "" : protector.Unprotect(ibanProtected) is { } plain ? Iban.Format(plain) : "(nicht lesbar)";
            return new ExportRow(reference, s.Pool, s.Advisor, holder ?? "", b?.Street ?? "",
                b?.PostalCode ?? "", b?.City ?? "", iban, bic ?? "", b?.TaxNumber ?? "", s.InvoiceNumber ?? "",
                FeeStatements.PaymentReference(s.Year, s.Month, s.InvoiceNumber ?? reference, s.Advisor), $"{s.Month:00}/{s.Year}", FeeTexts.StatusDe(s.Status),
                s.PaidOn?.ToString("dd.MM.yyyy") ?? "", t.Days, t.DayRate, t.Fee, t.Travel, t.Other, t.Total);
        }).ToList();
    }

    /// <summary>Semicolons, decimal commas and a byte-order mark: what a German Excel opens without an import dialog.</summary>
    public static byte[] Csv(IEnumerable<ExportRow> rows)
    {
        var options = new CsvWriterOptions { Separator = ';', Injection = CsvInjection.Escape, WriteByteOrderMark = true, FormatProvider = Money.German };
        using var ms = new MemoryStream();
        using (var csv = CsvWriter.Create(ms, options, leaveOpen: true))
        {
            csv.WriteRecord(Headers);
            foreach (var r in rows)
                csv.WriteRecord([
                    r.Reference, r.Pool, r.Advisor, r.AccountHolder, r.Street, r.PostalCode, r.City, r.Iban, r.Bic, r.TaxNumber, r.InvoiceNumber,
                    r.PaymentReference, r.Period, r.Status, r.PaidOn, Money.Plain(r.Days), Money.Plain(r.DayRate), Money.Plain(r.Fee), Money.Plain(r.Travel), Money.Plain(r.Other), Money.Plain(r.Total),
                ]);
        }
        return ms.ToArray();
    }

    public static byte[] Xlsx(IReadOnlyList<ExportRow> rows)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("Honorare");
        for (var c = 0; c < Headers.Length; c++)
        {
            sheet.Cell(1, c + 1).SetValue(Headers[c]);
            sheet.Cell(1, c + 1).Style.Font.Bold = true;
        }
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            var row = i + 2;
            string[] texts = [r.Reference, r.Pool, r.Advisor, r.AccountHolder, r.Street, r.PostalCode, r.City, r.Iban, r.Bic, r.TaxNumber, r.InvoiceNumber,
                r.PaymentReference, r.Period, r.Status, r.PaidOn];
            for (var c = 0; c < texts.Length; c++)
            {
                // Text cells stay text: a postcode or a reference must not turn into a number or a date.
                var cell = sheet.Cell(row, c + 1);
                cell.SetValue(texts[c]);
                cell.DataType = XLDataType.Text;
            }
            decimal[] amounts = [r.Days, r.DayRate, r.Fee, r.Travel, r.Other, r.Total];
            for (var c = 0; c < amounts.Length; c++)
            {
                var cell = sheet.Cell(row, texts.Length + c + 1);
                cell.SetValue(amounts[c]);
                cell.Style.NumberFormat.Format = c == 0 ? "0.0" : "#,##0.00 \"€\"";
            }
        }
        // Fixed widths: measuring text (AdjustToContents) needs System.Drawing, which does not run on Linux.
        double[] widths = [20, 18, 24, 24, 24, 8, 18, 30, 13, 16, 12, 48, 10, 12, 12, 8, 12, 12, 12, 14, 12];
        for (var c = 0; c < widths.Length; c++) sheet.Column(c + 1).Width = widths[c];
        sheet.SheetView.FreezeRows(1);
        using var ms = new MemoryStream();
        workbook.SaveAs(ms);
        return ms.ToArray();
    }
}
