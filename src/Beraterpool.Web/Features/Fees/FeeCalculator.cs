using System.Globalization;

namespace Beraterpool.Web.Features.Fees;

public sealed record FeeTotals(int HalfDays, decimal Days, decimal DayRate, decimal Fee, decimal Travel, decimal Other, decimal Total);

/// <summary>
/// The sums of a fee statement. Pure, so the rules are tested directly: half days count half, every amount is
/// rounded to cents with commercial rounding (0,005 → 0,01), money is decimal throughout.
/// </summary>
public static class FeeCalculator
{
    public static decimal Days(int halfDays) => halfDays / 2m;

    public static decimal Round(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    public static decimal Fee(int halfDays, decimal dayRate) => Round(Days(halfDays) * dayRate);

    /// <summary>A car journey: kilometres × the pool's rate per km.</summary>
    public static decimal Kilometres(decimal km, decimal kmRate) => Round(km * kmRate);

    public static FeeTotals Totals(int halfDays, decimal dayRate, IEnumerable<decimal> travelAmounts, decimal otherCosts)
    {
        var fee = Fee(halfDays, dayRate);
        var travel = Round(travelAmounts.Sum());
        var other = Round(otherCosts);
        return new FeeTotals(halfDays, Days(halfDays), dayRate, fee, travel, other, fee + travel + other);
    }
}

/// <summary>Money and day figures the German way, whatever the interface language: "1.234,50 €", "0,5".</summary>
public static class Money
{
    public static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    public static string Format(decimal amount) => amount.ToString("#,##0.00", German) + " €";

    /// <summary>Without the currency sign, for exports: "1234,50".</summary>
    public static string Plain(decimal amount) => amount.ToString("0.00", German);

    public static string Days(decimal days) => days.ToString("0.#", German);

    /// <summary>
    /// Reads an amount as people type it: "12,50", "12.50", "1.234,50", "1234" (a dot followed by exactly three
    /// digits is a thousands separator). Null when it is not a number, negative, or has more decimals than allowed.
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
