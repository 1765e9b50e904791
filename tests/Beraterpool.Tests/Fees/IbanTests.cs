using Beraterpool.Web.Features.Fees;

namespace Beraterpool.Tests.Fees;

public sealed class IbanTests
{
    [Theory]
    [InlineData("DE89370400440532013000")]
    [InlineData("DE89 3704 0044 0532 0130 00")]
    [InlineData("de89 3704 0044 0532 0130 00")]
    [InlineData("AT611904300234573201")]
    [InlineData("NL91 ABNA 0417 1643 00")]
    public void Check_valid_iban_has_no_problem(string iban) => Assert.Equal(Iban.Problem.None, Iban.Check(iban));

    [Theory]
    [InlineData("DE89370400440532013001")]
    [InlineData("DE88370400440532013000")]
    [InlineData("AT611904300234573202")]
    [InlineData("NL91ABNA0417164301")]
    [InlineData("DEXX370400440532013000")]
    public void Check_wrong_check_digits_is_a_checksum_problem(string iban) => Assert.Equal(Iban.Problem.WrongChecksum, Iban.Check(iban));

    [Fact]
    public void Check_wrong_length_tells_the_country_length()
    {
        Assert.Equal(Iban.Problem.WrongLength, Iban.Check("DE8937040044053201300", out var expected));
        Assert.Equal(22, expected);
        Assert.Equal(Iban.Problem.WrongLength, Iban.Check("AT6119043002345732011"));
    }

    [Theory]
    [InlineData("DE89-3704-0044-0532-0130-00")]
    [InlineData("DE89.370400440532013000")]
    [InlineData("DE89370400440532013ä00")]
    public void Check_other_characters_than_letters_and_digits_are_refused(string iban) =>
        Assert.Equal(Iban.Problem.InvalidCharacters, Iban.Check(iban));

    [Fact]
    public void Check_letters_where_digits_belong_fail_the_checksum() =>
        Assert.Equal(Iban.Problem.WrongChecksum, Iban.Check("DE89370400440532O13000"));

    [Theory]
    [InlineData("XX89370400440532013000")]
    [InlineData("1289370400440532013000")]
    public void Check_unknown_country_is_refused(string iban) => Assert.Equal(Iban.Problem.UnknownCountry, Iban.Check(iban));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Check_empty_is_refused(string? iban) => Assert.Equal(Iban.Problem.Empty, Iban.Check(iban));

    [Fact]
    public void Mask_shows_country_and_last_four_in_groups()
    {
        Assert.Equal("DE•• •••• •••• •••• ••30 00", Iban.Mask("DE89 3704 0044 0532 0130 00"));
        Assert.Equal("DE89 3704 0044 0532 0130 00", Iban.Format("de89370400440532013000"));
    }
}
