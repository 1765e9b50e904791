using System.Globalization;
using Beraterpool.Web.Features.Shared;

namespace Beraterpool.Tests.Shared;

/// <summary>The one euro parser every money field uses (fee statements, travel costs, the pool's day rate).</summary>
public sealed class MoneyTests
{
    [Theory]
    [InlineData("1.234,56", "1234.56")]
    [InlineData("1234,56", "1234.56")]
    [InlineData("1234.56", "1234.56")]
    [InlineData("1.234", "1234")]
    [InlineData("1234", "1234")]
    [InlineData("12,50", "12.50")]
    [InlineData("12.5", "12.5")]
    [InlineData("250,00 €", "250.00")]
    [InlineData(" 1 234,56 ", "1234.56")]
    [InlineData("1.234.567,89", "1234567.89")]
    [InlineData("0", "0")]
    public void Parse_reads_the_amount_as_people_type_it(string input, string expected) =>
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), Money.Parse(input));

    [Theory]
    [InlineData("abc")]
    [InlineData("-5")]
    [InlineData("1,234")]
    [InlineData("12,345")]
    [InlineData("1,2,3")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Parse_refuses_what_is_not_an_amount_in_euro(string? input) => Assert.Null(Money.Parse(input));

    [Fact]
    public void Parse_with_one_decimal_reads_kilometres_42_5_and_refuses_42_55() =>
        Assert.Equal((42.5m, (decimal?)null), (Money.Parse("42,5", decimals: 1)!.Value, Money.Parse("42,55", decimals: 1)));

    [Fact]
    public void Hint_names_an_example_in_the_German_format() =>
        Assert.Equal("Bitte geben Sie einen Betrag in Euro ein, z. B. 1.234,56.", Money.Hint);
}
