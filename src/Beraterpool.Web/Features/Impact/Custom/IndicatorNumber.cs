using System.Globalization;

namespace Beraterpool.Web.Features.Impact.Custom;

/// <summary>
/// A number as coordinators type it into a value or target field: German decimal comma ("12,5"), a point accepted too
/// when there is no comma ("12.5"), never negative, at most two decimals. Errors are the German field messages.
/// </summary>
public static class IndicatorNumber
{
    /// <summary>Kept well inside what the report adds up in cents as a 32-bit integer.</summary>
    public const decimal Max = 10_000_000m;

    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    public static (decimal? Value, string? Error) Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return (null, null);
        var s = text.Trim().Replace(" ", "", StringComparison.Ordinal);
        if (!s.Contains(',', StringComparison.Ordinal)) s = s.Replace('.', ',');
        if (!decimal.TryParse(s, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, German, out var value))
            return (null, "Bitte geben Sie eine Zahl an, z. B. 12 oder 12,5.");
        if (value < 0) return (null, "Der Wert darf nicht negativ sein.");
        if (value > Max) return (null, "Der Wert darf höchstens 10.000.000 sein.");
        if (decimal.Round(value, 2) != value) return (null, "Bitte geben Sie höchstens zwei Nachkommastellen an.");
        return (value, null);
    }

    /// <summary>A stored number as the form shows it again.</summary>
    public static string? Format(decimal? value) => value?.ToString("0.##", German);
}
