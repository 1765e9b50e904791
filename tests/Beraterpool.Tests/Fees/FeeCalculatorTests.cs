using Beraterpool.Web.Features.Shared;
using Beraterpool.Web.Features.Fees;

namespace Beraterpool.Tests.Fees;

public sealed class FeeCalculatorTests
{
    [Theory]
    [InlineData(1, "0.5")]
    [InlineData(2, "1")]
    [InlineData(5, "2.5")]
    [InlineData(0, "0")]
    public void Days_count_half_days_as_half(int halfDays, string days) => Assert.Equal(decimal.Parse(days, System.Globalization.CultureInfo.InvariantCulture), FeeCalculator.Days(halfDays));

    [Fact]
    public void Fee_is_days_times_rate()
    {
        Assert.Equal(750.00m, FeeCalculator.Fee(6, 250m));
        Assert.Equal(125.00m, FeeCalculator.Fee(1, 250m));
    }

    [Fact]
    public void Amounts_round_to_cents_away_from_zero_at_the_midpoint()
    {
        Assert.Equal(125.13m, FeeCalculator.Fee(1, 250.25m));   // 125.125
        Assert.Equal(0.01m, FeeCalculator.Kilometres(0.5m, 0.01m)); // 0.005
        Assert.Equal(2.68m, FeeCalculator.Round(2.675m));        // banker's rounding would give 2.68 too; the next one tells them apart
        Assert.Equal(2.63m, FeeCalculator.Round(2.625m));        // banker's: 2.62
    }

    [Fact]
    public void Travel_by_car_is_km_times_rate()
    {
        Assert.Equal(12.60m, FeeCalculator.Kilometres(42m, 0.30m));
        Assert.Equal(12.75m, FeeCalculator.Kilometres(42.5m, 0.30m));
    }

    [Fact]
    public void Totals_of_three_days_at_250_and_42_km_make_762_60()
    {
        var t = FeeCalculator.Totals(6, 250m, [FeeCalculator.Kilometres(42m, 0.30m)], 0m);
        Assert.Equal((3m, 750m, 12.60m, 0m, 762.60m), (t.Days, t.Fee, t.Travel, t.Other, t.Total));
        Assert.Equal("762,60 €", Money.Format(t.Total));
    }

    [Fact]
    public void Totals_add_tickets_and_other_costs()
    {
        var t = FeeCalculator.Totals(3, 300m, [23.40m, 12.60m], 9.99m);
        Assert.Equal((1.5m, 450m, 36.00m, 9.99m, 495.99m), (t.Days, t.Fee, t.Travel, t.Other, t.Total));
    }

    [Fact]
    public void Money_is_formatted_the_german_way_whatever_the_ui_culture()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("en-US");
        try
        {
            Assert.Equal("1.234,50 €", Money.Format(1234.5m));
            Assert.Equal("0,5", Money.Days(0.5m));
            Assert.Equal("3", Money.Days(3m));
            Assert.Equal("1234,50", Money.Plain(1234.5m));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }
}
