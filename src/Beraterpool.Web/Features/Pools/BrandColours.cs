using System.Globalization;
using Beraterpool.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Pools;

/// <summary>
/// A pool's two brand colours as "#rrggbb". The primary colour carries white text (the flyer's band, the card's line)
/// and both colours appear as text on the white page, so each must reach WCAG 2.x AA for normal text, 4.5 : 1,
/// against white text and against the page background.
/// </summary>
public sealed record BrandColours(string? ChosenPrimary, string? ChosenAccent)
{
    public const string DefaultPrimary = "#003b6e";
    public const string DefaultAccent = "#003b6e";
    public const string WhiteText = "#ffffff";
    public const string PageBackground = "#ffffff";
    public const double MinimumRatio = 4.5;

    public static BrandColours Default { get; } = new(null, null);

    public string Primary => ChosenPrimary ?? DefaultPrimary;
    public string Accent => ChosenAccent ?? DefaultAccent;

    /// <summary>Read per request (layout, brand.css, flyer, cards), so every instance shows a change at once.</summary>
    public static async Task<BrandColours> ForPoolAsync(AppDbContext db, int poolId, CancellationToken ct) =>
        await db.Pools.AsNoTracking().Where(p => p.Id == poolId).Select(p => new { p.BrandPrimaryColor, p.BrandAccentColor })
            .FirstOrDefaultAsync(ct) is { } c ? new(c.BrandPrimaryColor, c.BrandAccentColor) : Default;

    /// <summary>"#AbC123", "abc123" or "#abc" → "#aabbcc"; anything else null.</summary>
    public static string? Normalize(string? input)
    {
        var hex = (input ?? "").Trim().TrimStart('#');
        if (hex.Length == 3) hex = string.Concat(hex.Select(c => $"{c}{c}"));
        return hex.Length == 6 && hex.All(Uri.IsHexDigit) ? "#" + hex.ToLowerInvariant() : null;
    }

    /// <summary>WCAG 2.x relative luminance of a normalised "#rrggbb".</summary>
    public static double RelativeLuminance(string colour)
    {
        static double Channel(string hex)
        {
            var c = int.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }
        var h = colour.TrimStart('#');
        return 0.2126 * Channel(h[..2]) + 0.7152 * Channel(h[2..4]) + 0.0722 * Channel(h[4..6]);
    }

    /// <summary>(L1 + 0.05) / (L2 + 0.05) with the lighter colour on top; 1 to 21.</summary>
    public static double ContrastRatio(string a, string b)
    {
        var (la, lb) = (RelativeLuminance(a), RelativeLuminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    /// <summary>The weaker of the two contrasts a brand colour must hold: with white text on it, and as text on the page.</summary>
    public static double WeakestContrast(string colour) => Math.Min(ContrastRatio(colour, WhiteText), ContrastRatio(colour, PageBackground));

    /// <summary>"2,9" – cut, never rounded up, so a refused 4.48 never reads as the required 4,5.</summary>
    public static string FormatRatio(double ratio, CultureInfo culture) => (Math.Floor(ratio * 10) / 10).ToString("0.0", culture);

    /// <summary>The custom properties of the pool's pages (served as /pools/{slug}/brand.css: the CSP allows no inline style).</summary>
    public string Css() =>
        ":root {" + (ChosenPrimary is { } p ? $" --pool-primary: {p};" : "") + (ChosenAccent is { } a ? $" --pool-accent: {a};" : "") + " }\n";

    /// <summary>Changes with the colours, so the stylesheet's address does and no cache serves the old one.</summary>
    public string Version => $"{ChosenPrimary?.TrimStart('#') ?? "std"}-{ChosenAccent?.TrimStart('#') ?? "std"}";

    public static (byte R, byte G, byte B) Rgb(string colour)
    {
        var h = colour.TrimStart('#');
        return (Convert.ToByte(h[..2], 16), Convert.ToByte(h[2..4], 16), Convert.ToByte(h[4..6], 16));
    }
}
