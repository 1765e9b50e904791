using Beraterpool.Web.Features.Privacy.Retention;

namespace Beraterpool.Tests.Privacy;

/// <summary>The retention rules as written in code: how periods are counted, and the legal minimum of the tax records.</summary>
public sealed class RetentionKindsTests
{
    [Theory]
    [InlineData(10, 2026, 2015)] // paid in 2016: kept through 2026
    [InlineData(10, 2027, 2016)] // due from 1 January 2027
    [InlineData(12, 2026, 2013)]
    public void LastDueYear_counts_full_calendar_years_after_the_end_of_the_year(int years, int currentYear, int lastDue) =>
        Assert.Equal(lastDue, RetentionKinds.LastDueYear(years, currentYear));

    [Fact]
    public void DueBefore_counts_calendar_months_back_from_now()
    {
        var now = new DateTimeOffset(2026, 8, 31, 12, 0, 0, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2026, 2, 28, 12, 0, 0, TimeSpan.Zero), RetentionKinds.DueBefore(6, now));
    }

    [Fact]
    public void Fee_statements_may_never_be_kept_less_than_ten_years()
    {
        var fees = RetentionKinds.Find(RetentionKinds.FeeStatements);
        Assert.NotNull(fees);
        Assert.Equal((10, 10, RetentionUnit.YearsAfterYearEnd), (fees.Default, fees.Minimum, fees.Unit));
    }

    [Fact]
    public void Every_rule_has_its_default_between_its_minimum_and_maximum_and_planned_kinds_cannot_be_edited()
    {
        Assert.All(RetentionKinds.All, k => Assert.InRange(k.Default, k.Minimum, k.Maximum));
        Assert.All(RetentionKinds.All.Where(k => k.Planned), k => Assert.Null(RetentionKinds.Find(k.Key)));
        Assert.Equal(RetentionKinds.All.Count, RetentionKinds.All.Select(k => k.Key).Distinct().Count());
    }
}
