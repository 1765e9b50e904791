using ClosedXML.Excel;
using CsvHelper;

namespace Beraterpool.Web.Features.Shared;

/// <summary>A cell of an exported table: text stays text (a key like 05315000 must not become a number), numbers are numbers.</summary>
public readonly record struct ExportCell(string? Text, decimal? Number = null)
{
    public static implicit operator ExportCell(string? text) => new(text);
    public static implicit operator ExportCell(decimal number) => new(null, number);
    public static implicit operator ExportCell(int number) => new(null, number);
}

/// <summary>
/// Any list as a file for the office: CSV with semicolons, decimal commas and a byte-order mark (what a German Excel opens
/// without an import dialog; formula-like cells escaped), or XLSX with German headers, a bold frozen header row and numbers as numbers.
/// </summary>
public static class TableExport
{
    public const string CsvType = "text/csv; charset=utf-8";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Csv(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<ExportCell>> rows)
    {
        var options = new CsvWriterOptions { Separator = ';', Injection = CsvInjection.Escape, WriteByteOrderMark = true, FormatProvider = Money.German };
        using var ms = new MemoryStream();
        using (var csv = CsvWriter.Create(ms, options, leaveOpen: true))
        {
            csv.WriteRecord(headers.ToArray());
            foreach (var row in rows)
                csv.WriteRecord(row.Select(c => c.Number is { } n ? n.ToString("0.##", Money.German) : c.Text ?? "").ToArray());
        }
        return ms.ToArray();
    }

    public static byte[] Xlsx(string sheetName, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<ExportCell>> rows)
    {
        using var workbook = new XLWorkbook();
        // Excel refuses these characters and more than 31 in a sheet's name ("Berater*innen").
        var name = new string(sheetName.Select(c => "[]:*?/\\".Contains(c) ? ' ' : c).ToArray());
        var sheet = workbook.Worksheets.Add(name.Length > 31 ? name[..31] : name);
        for (var c = 0; c < headers.Count; c++)
        {
            sheet.Cell(1, c + 1).SetValue(headers[c]);
            sheet.Cell(1, c + 1).Style.Font.Bold = true;
            // Fixed widths: measuring text (AdjustToContents) needs System.Drawing, which does not run on Linux.
            sheet.Column(c + 1).Width = c == 0 ? 40 : 18;
        }
        var r = 2;
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Count; c++)
            {
                var cell = sheet.Cell(r, c + 1);
                if (row[c].Number is { } n)
                {
                    cell.SetValue(n);
                    cell.Style.NumberFormat.Format = "#,##0.##";
                }
                else
                {
                    cell.SetValue(row[c].Text ?? "");
                    cell.DataType = XLDataType.Text;
                }
            }
            r++;
        }
        sheet.SheetView.FreezeRows(1);
        using var ms = new MemoryStream();
        workbook.SaveAs(ms);
        return ms.ToArray();
    }
}
