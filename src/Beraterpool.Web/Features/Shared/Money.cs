using System.Globalization;

namespace Beraterpool.Web.Features.Shared;

/// <summary>Money and day figures the German way, whatever the interface language: "1.234,50 €", "0,5".</summary>
public static class Money
{
    public static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    public static string Format(decimal amount) => amount.ToString("#,##0.00", German) + " €";

    /// <summary>Without the currency sign, for exports: "1234,50".</summary>
    public static string Plain(decimal amount) => amount.ToString("0.00", German);

    public static string Days(decimal days) => days.ToString("0.#", German);

    /// <summary>What a form says when <see cref="Parse"/> returns null and the field names no better example.</summary>
    public const string Hint = "Bitte geben Sie einen Betrag in Euro ein, z. B. 1.234,56.";

    /// <summary>
    /// Reads an amount as people type it: "1.234,56", "1234,56", "1234.56", "1234" and "1.234" (a dot followed by exactly
    /// three digits is a thousands separator). Null when it is not a number, negative, or has more decimals than allowed.
    /// The one parser for money in every form.
    /// </summary>
    public static decimal? Parse(string? input, int decimals = 2)
    {
        var s = (input ?? "").Replace("€", "").Replace(" ", "").Replace("\u00A0", "").Trim();
        if (s.Length == 0) return null;
        if (s.Contains(','))
            s = s.Replace(".", "").Replace(',', '.');
        else if (s.Count(c => c == '.') > 1 || (s.IndexOf('.') is var dot and >= 0 && s.Length - dot - 1 == 3))
            s = s.Replace(".", "");
        if (!decimal.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)) return null;
        if (value < 0 || decimal.Round(value, decimals) != value) return null;
        return value;
    }
}
