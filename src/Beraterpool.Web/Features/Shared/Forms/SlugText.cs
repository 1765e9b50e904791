using System.Text;
using AnyAscii;

namespace Beraterpool.Web.Features.Shared.Forms;

/// <summary>
/// URL names from names in any script: "Aïcha Müller-Diallo" → "aicha-mueller-diallo", "Đặng Thị Hồng" → "dang-thi-hong".
/// German umlauts keep their German spelling (ü → ue); everything else is transliterated by AnyAscii, so letters that
/// Unicode decomposition cannot split (Đ, ł, ø, æ) and other scripts (Amharic, Bengali) are not dropped.
/// </summary>
public static class SlugText
{
    public static string From(string text, int maxLength = 60)
    {
        var german = text.Trim()
            .Replace("ä", "ae").Replace("ö", "oe").Replace("ü", "ue")
            .Replace("Ä", "Ae").Replace("Ö", "Oe").Replace("Ü", "Ue").Replace("ß", "ss");
        var ascii = german.Replace('’', '\'').Replace('ʼ', '\'').Transliterate().ToLowerInvariant();
        var sb = new StringBuilder();
        foreach (var c in ascii)
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9') sb.Append(c);
            else if (c == '\'') continue; // N'Guessan, Bik'ila (Ge'ez ejective): one word, not two
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
