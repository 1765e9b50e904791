using System.Globalization;
using System.Text;

namespace Beraterpool.Web.Features.Shared.Forms;

/// <summary>URL names from German text: "Aïcha Müller-Diallo" → "aicha-mueller-diallo".</summary>
public static class SlugText
{
    public static string From(string text, int maxLength = 60)
    {
        var folded = text.Trim().ToLowerInvariant()
            .Replace("ä", "ae").Replace("ö", "oe").Replace("ü", "ue").Replace("ß", "ss");
        var sb = new StringBuilder();
        foreach (var c in folded.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9') sb.Append(c);
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        var slug = sb.ToString().Trim('-');
        if (slug.Length > maxLength) slug = slug[..maxLength].TrimEnd('-');
        return slug.Length == 0 ? "x" : slug;
    }

    /// <summary>The slug, or slug-2, slug-3 … when taken.</summary>
    public static async Task<string> UniqueAsync(string text, Func<string, Task<bool>> taken, int maxLength = 60)
    {
        var slug = From(text, maxLength - 4);
        var candidate = slug;
        for (var n = 2; await taken(candidate); n++) candidate = $"{slug}-{n}";
        return candidate;
    }
}
