using System.Text;

namespace Beraterpool.Web.Features.Gazetteer;

/// <summary>
/// A small RFC 4180 reader: comma-separated, fields in double quotes may hold commas, line breaks and doubled quotes.
/// It remembers the line each record starts on, so problems can name the line a person sees in an editor.
/// </summary>
public sealed class CsvRecordReader(TextReader reader)
{
    private int _nextLine = 1;

    /// <summary>1-based line on which the last record started.</summary>
    public int Line { get; private set; }

    /// <summary>True when the last record ended inside an open quote (the file ended first).</summary>
    public bool UnclosedQuote { get; private set; }

    /// <summary>The next record, skipping empty lines; null at the end.</summary>
    public string[]? Read()
    {
        while (true)
        {
            var record = ReadOne();
            if (record is null) return null;
            if (record.Length == 1 && record[0].Length == 0) continue;
            return record;
        }
    }

    private string[]? ReadOne()
    {
        var c = reader.Read();
        if (c == -1) return null;
        Line = _nextLine;
        UnclosedQuote = false;
        var fields = new List<string>(20);
        var field = new StringBuilder();
        var inQuotes = false;
        var fieldStart = true;
        while (true)
        {
            if (inQuotes)
            {
                if (c == -1)
                {
                    UnclosedQuote = true;
                    fields.Add(field.ToString());
                    return [.. fields];
                }
                if (c == '"')
                {
                    if (reader.Peek() == '"') { reader.Read(); field.Append('"'); }
                    else inQuotes = false;
                }
                else
                {
                    if (c == '\n') _nextLine++;
                    field.Append((char)c);
                }
            }
            else
            {
                switch (c)
                {
                    case -1:
                        fields.Add(field.ToString());
                        return [.. fields];
                    case ',':
                        fields.Add(field.ToString());
                        field.Clear();
                        fieldStart = true;
                        c = reader.Read();
                        continue;
                    case '\r' or '\n':
                        if (c == '\r' && reader.Peek() == '\n') reader.Read();
                        _nextLine++;
                        fields.Add(field.ToString());
                        return [.. fields];
                    case '"' when fieldStart:
                        inQuotes = true;
                        break;
                    default:
                        // A stray quote inside an unquoted field is kept as text (lenient, like spreadsheet programs).
                        field.Append((char)c);
                        break;
                }
            }
            fieldStart = false;
            c = reader.Read();
        }
    }
}
