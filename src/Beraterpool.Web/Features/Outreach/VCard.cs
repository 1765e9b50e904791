using System.Text;

namespace Beraterpool.Web.Features.Outreach;

/// <summary>
/// A vCard 4.0 (RFC 6350) written by hand: the format is a few lines of text, a package would add more than it saves.
/// Lines end in CRLF and are folded at 75 octets without splitting a UTF-8 character (§3.2); text values escape
/// backslash, comma, semicolon and line breaks (§3.4).
/// </summary>
public sealed class VCard
{
    public const string ContentType = "text/vcard; charset=utf-8";
    private const int MaxOctets = 75;
    private readonly List<string> _lines = ["BEGIN:VCARD", "VERSION:4.0"];

    /// <summary>A property whose value is already in vCard syntax (a URI, a language tag, a compound value).</summary>
    public VCard Raw(string name, string value)
    {
        _lines.Add($"{name}:{value}");
        return this;
    }

    public VCard Text(string name, string? text) => string.IsNullOrWhiteSpace(text) ? this : Raw(name, Escape(text.Trim()));

    /// <summary>A structured value such as N or ADR: components separated by semicolons, each escaped.</summary>
    public VCard Compound(string name, params string?[] components) =>
        Raw(name, string.Join(';', components.Select(c => Escape(c ?? ""))));

    /// <summary>A list such as CATEGORIES: values separated by commas, each escaped.</summary>
    public VCard List(string name, IReadOnlyCollection<string> values) =>
        values.Count == 0 ? this : Raw(name, string.Join(',', values.Select(Escape)));

    public string Write()
    {
        var sb = new StringBuilder();
        foreach (var line in _lines.Append("END:VCARD")) Fold(sb, line);
        return sb.ToString();
    }

    public byte[] WriteUtf8() => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(Write());

    public static string Escape(string value) => value
        .Replace("\\", "\\\\").Replace(",", "\\,").Replace(";", "\\;")
        .Replace("\r\n", "\\n").Replace("\n", "\\n").Replace("\r", "\\n");

    /// <summary>Continuation lines begin with one space, which counts towards their 75 octets.</summary>
    private static void Fold(StringBuilder sb, string line)
    {
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > MaxOctets)
            {
                sb.Append("\r\n ");
                octets = 1;
            }
            sb.Append(rune.ToString());
            octets += size;
        }
        sb.Append("\r\n");
    }
}
