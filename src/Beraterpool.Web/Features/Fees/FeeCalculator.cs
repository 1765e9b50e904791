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
