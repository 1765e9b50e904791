using System.Globalization;
using System.Text;

namespace Beraterpool.Web.Features.Advisors.Directory;

/// <summary>
/// Folds text for search: lower case, umlauts spelled out (ä → ae, ß → ss) and other accents dropped, so
/// "Müller", "Mueller" and "MÜLLER" all meet, and "Côte" is found by "cote".
/// </summary>
public static class SearchText
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length + 8);
        foreach (var ch in text.ToLowerInvariant())
        {
            switch (ch)
            {
                case 'ä': sb.Append("ae"); break;
                case 'ö': sb.Append("oe"); break;
                case 'ü': sb.Append("ue"); break;
                case 'ß': sb.Append("ss"); break;
                default: sb.Append(char.IsWhiteSpace(ch) ? ' ' : ch); break;
            }
        }
        var decomposed = sb.ToString().Normalize(NormalizationForm.FormD);
        sb.Clear();
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.NonSpacingMark) sb.Append(ch);
        }
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>The folded words of a query; each must occur for an advisor to match.</summary>
    public static string[] Terms(string? query) =>
        Fold(query).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
