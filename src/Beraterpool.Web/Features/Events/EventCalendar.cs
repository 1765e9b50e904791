using System.Text;
using Beraterpool.Web.Features.Shared;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Beraterpool.Web.Features.Events;

/// <summary>What a calendar entry of an event says; <see cref="Url"/> is its public page, or none for an event by invitation.</summary>
public sealed record CalendarItem(Guid Uid, int Sequence, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Place, string? OnlineUrl,
    string? Description, string? Url, bool IsCancelled);

/// <summary>
/// RFC 5545 calendars with Ical.Net: the pool's feed and the attachment of a registration mail. Times are written in
/// Europe/Berlin with its VTIMEZONE, so a calendar program shows 10:00 on the day of the event also across a change to
/// or from summer time.
/// </summary>
public static class EventCalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";
    private const string Zone = "Europe/Berlin";

    public static byte[] Write(IReadOnlyCollection<CalendarItem> items, string name, DateTimeOffset now)
    {
        var calendar = new Calendar { Method = "PUBLISH", ProductId = "-//Beraterpool//Veranstaltungen//DE" };
        calendar.AddProperty("X-WR-CALNAME", name);
        calendar.AddProperty("X-WR-TIMEZONE", Zone);
        var earliest = items.Count == 0 ? now : items.Min(i => i.StartsAt);
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(Zone, Local(earliest).AddDays(-1), includeHistoricalData: false));
        foreach (var item in items)
        {
            var e = new CalendarEvent
            {
                Uid = $"{item.Uid:N}@beraterpool",
                Sequence = item.Sequence,
                Summary = item.Title,
                DtStart = new CalDateTime(Local(item.StartsAt), Zone),
                DtEnd = new CalDateTime(Local(item.EndsAt), Zone),
                DtStamp = new CalDateTime(now.UtcDateTime, "UTC"),
                Location = item.Place ?? item.OnlineUrl,
                Description = Describe(item),
                Status = item.IsCancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
            };
            if (item.Url is not null) e.Url = new Uri(item.Url);
            calendar.Events.Add(e);
        }
        return Encoding.UTF8.GetBytes(new CalendarSerializer().SerializeToString(calendar)!);
    }

    private static DateTime Local(DateTimeOffset at) => DateTime.SpecifyKind(ProgrammeTime.ToLocal(at).DateTime, DateTimeKind.Unspecified);

    private static string? Describe(CalendarItem item)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(item.Description))
            parts.Add(item.Description.Length > 1500 ? item.Description[..1500] + " …" : item.Description);
        if (item.OnlineUrl is not null && item.Place is not null) parts.Add("Online: " + item.OnlineUrl);
        if (item.Url is not null) parts.Add(item.Url);
        return parts.Count == 0 ? null : string.Join("\n\n", parts);
    }
}
