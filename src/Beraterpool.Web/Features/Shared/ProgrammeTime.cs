namespace Beraterpool.Web.Features.Shared;

/// <summary>
/// "Now", "today" and "this year" as the programme counts them: German local time (Europe/Berlin). The quota year is
/// the calendar year there, so 31 December 23:30 in Berlin still belongs to the old year although UTC is past midnight
/// only an hour later. Every page and service takes a <see cref="TimeProvider"/>; tests replace it with a fake one.
/// </summary>
public static class ProgrammeTime
{
    public static readonly TimeZoneInfo Zone = Find();

    public static DateTimeOffset LocalNow(this TimeProvider time) => ToLocal(time.GetUtcNow());
    public static DateOnly LocalToday(this TimeProvider time) => LocalDate(time.GetUtcNow());
    public static int LocalYear(this TimeProvider time) => time.LocalToday().Year;

    /// <summary>Whole days since a moment, by German calendar dates (received yesterday = 1).</summary>
    public static int AgeInDays(this TimeProvider time, DateTimeOffset since) => time.LocalToday().DayNumber - LocalDate(since).DayNumber;

    /// <summary>The instant of a German wall-clock time; null for a time the clocks skip (02:30 on the last Sunday of March).</summary>
    public static DateTimeOffset? FromLocal(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local)) return null;
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, Zone), TimeSpan.Zero);
    }

    public static DateTimeOffset ToLocal(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone);
    public static DateOnly LocalDate(DateTimeOffset at) => DateOnly.FromDateTime(ToLocal(at).DateTime);

    private static TimeZoneInfo Find()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.Utc; }
    }
}
