namespace Beraterpool.Web.Features.Requests;

/// <summary>"Today" and "this year" as the programme counts them: German local time.</summary>
public static class BerlinClock
{
    private static readonly TimeZoneInfo Berlin = Find();

    public static DateTimeOffset Now => TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Berlin);
    public static DateOnly Today => DateOnly.FromDateTime(Now.DateTime);
    public static int Year => Now.Year;
    public static DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Berlin);

    /// <summary>Whole days since a moment, by German calendar dates (received yesterday = 1).</summary>
    public static int AgeInDays(DateTimeOffset since) => Today.DayNumber - DateOnly.FromDateTime(Local(since).DateTime).DayNumber;

    private static TimeZoneInfo Find()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.Utc; }
    }
}
