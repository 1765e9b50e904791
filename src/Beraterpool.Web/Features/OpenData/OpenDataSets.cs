using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Advisors;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.OpenData;

/// <summary>One file of a dataset: where it is and what it is (EU file type, IANA media type).</summary>
public sealed record Distribution(string Url, string Format, string MediaType);

/// <summary>A dataset of the pool's open data, as the catalogue and the /opendata page list it.</summary>
public sealed record OpenDataset(string Key, string Title, string Description, string Theme, DateOnly Modified, IReadOnlyList<Distribution> Distributions);

/// <summary>
/// The pool's open data: its published indicators, the pool in figures, the directory's consented data and the public
/// events. Every file is an endpoint that answers live, so "modified" is when the records behind it last changed.
/// </summary>
public static class OpenDataSets
{
    public const string License = "http://dcat-ap.de/def/licenses/dl-by-de/2.0";
    public const string LicenseName = "Datenlizenz Deutschland – Namensnennung – Version 2.0";
    public const string LicenseText = "https://www.govdata.de/dl-de/by-2-0";
    private const string Themes = "http://publications.europa.eu/resource/authority/data-theme/";

    public const string Indicators = "Veröffentlichte Kennzahlen", IndicatorsText = "Die Kennzahlen, die der Pool veröffentlicht, für das laufende und das vergangene Jahr.";
    public const string Statistics = "Der Pool in Zahlen", StatisticsText = "Zahl der aktiven Berater*innen, Geschlecht, Altersspanne, Wohnorte, Herkunftsländer, Sprachen und Themen – nur Summen und nur aus zugestimmten Angaben.";
    public const string Advisors = "Verzeichnis der Berater*innen", AdvisorsText = "Die Angaben des öffentlichen Verzeichnisses, deren Veröffentlichung die Berater*innen zugestimmt haben.";
    public const string Events = "Öffentliche Veranstaltungen", EventsText = "Die öffentlichen Veranstaltungen des Pools als Kalender (iCalendar).";

    public static async Task<IReadOnlyList<OpenDataset>> ForPoolAsync(AppDbContext db, PoolInfo pool, string site, TimeProvider time, CancellationToken ct)
    {
        var today = time.LocalToday();
        var active = db.Advisors.AsNoTracking().Where(a => a.PoolId == pool.Id && a.Status == AdvisorStatus.Active);
        // Latest of profile edits and consents given; a withdrawn consent deletes its row and touches the profile. Every
        // status counts: an advisor who leaves the pool changes the published data too.
        var profile = await Latest(db.Advisors.AsNoTracking().Where(a => a.PoolId == pool.Id).Select(a => a.UpdatedAt), ct);
        var consent = await Latest(db.AdvisorConsents.AsNoTracking().Where(c => active.Any(a => a.Id == c.AdvisorId)).Select(c => c.GrantedAt), ct);
        var advisors = Day(new[] { profile, consent }.Max(), today);
        var events = Day(await Latest(db.Events.AsNoTracking().Where(e => e.PoolId == pool.Id && e.IsPublic).Select(e => e.UpdatedAt), ct), today);
        return
        [
            // Counted live from requests, engagements and events up to now: the data change with every day of the year.
            new("indicators", Indicators, IndicatorsText, Themes + "GOVE", today,
                [new($"{site}/opendata/indicators.csv", "CSV", "text/csv"), new($"{site}/opendata/indicators.json", "JSON", "application/json")]),
            new("statistics", Statistics, StatisticsText, Themes + "SOCI", advisors, [new($"{site}/opendata/statistics.json", "JSON", "application/json")]),
            new("advisors", Advisors, AdvisorsText, Themes + "SOCI", advisors, [new($"{site}/api/advisors", "JSON", "application/json")]),
            new("events", Events, EventsText, Themes + "GOVE", events, [new($"{site}/events.ics", "ICAL", "text/calendar")]),
        ];
    }

    private static Task<DateTimeOffset?> Latest(IQueryable<DateTimeOffset> at, CancellationToken ct) =>
        at.OrderByDescending(x => x).Select(x => (DateTimeOffset?)x).FirstOrDefaultAsync(ct);

    /// <summary>Nothing recorded yet: the empty dataset is as of today.</summary>
    private static DateOnly Day(DateTimeOffset? at, DateOnly today) => at is { } a ? ProgrammeTime.LocalDate(a) : today;
}
