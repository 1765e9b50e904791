using System.Globalization;
using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Events;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Shared;
using Beraterpool.Web.Features.Statistics;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Impact;

public sealed record IndicatorFigure(Indicator Indicator, decimal? Value, decimal? Previous)
{
    public decimal? Change => Value is { } v && Previous is { } p ? v - p : null;
}

/// <summary>A table of figures on the report page, each linking to its records.</summary>
public sealed record FigureTable(IEnumerable<IndicatorFigure> Figures, int Year, int PoolId, string Caption, string Id);

public sealed record ChartBar(string Label, decimal Value);

public sealed record QuotaUse(string Municipality, string Key, decimal Used, decimal Quota)
{
    public decimal Remaining => Math.Max(0, Quota - Used);
}

public sealed record EventsOfKind(EventKind Kind, int Events, int Participants);

/// <summary>
/// A pool's annual documentation for its funder, read from the records of the year: the pool in figures, consultations
/// (requests, engagements, days, topics, the quota per municipality), network work (events by kind), the indicators with
/// last year's value beside them, and the texts the coordinators wrote for the year. The HTML page and the PDF show this
/// one model, so they cannot disagree.
/// </summary>
public sealed class AnnualReport
{
    public required PoolInfo Pool { get; init; }
    public int Year { get; init; }
    public required PoolStatistics Statistics { get; init; }
    public required IReadOnlyList<IndicatorFigure> Figures { get; init; }
    public required IReadOnlyList<ChartBar> Topics { get; init; }
    public required IReadOnlyList<ChartBar> DaysByMonth { get; init; }
    public required IReadOnlyList<ChartBar> RequestsByMonth { get; init; }
    public required IReadOnlyList<QuotaUse> Quota { get; init; }
    /// <summary>The municipalities "Begleitete Kommunen" counts, most advisor-days first (the map's circles).</summary>
    public required IReadOnlyList<MapPlace> Reached { get; init; }
    public required IReadOnlyList<EventsOfKind> Events { get; init; }
    public required IReadOnlyDictionary<ReportSection, string> Texts { get; init; }

    public static readonly ReportSection[] Sections = Enum.GetValues<ReportSection>();

    public IndicatorFigure Figure(string key) => Figures.Single(f => f.Indicator.Key == key);

    public IEnumerable<IndicatorFigure> In(ReportSection section) => Figures.Where(f => f.Indicator.Group == section);

    /// <summary>The coordinators' own indicators, with their target where they set one.</summary>
    public IEnumerable<IndicatorFigure> OwnIndicators => Figures.Where(f => f.Indicator.IsCustom);

    public string? Text(ReportSection section) => Texts.TryGetValue(section, out var t) && !string.IsNullOrWhiteSpace(t) ? t : null;

    // Ages count against thisYear: profiles are current data (the product keeps no history of them), so the pool section
    // reads as the pool is composed today.
    public static async Task<AnnualReport> BuildAsync(AppDbContext db, PoolInfo pool, int year, int thisYear, string culture, CancellationToken ct)
    {
        var scope = new ImpactScope(db, [pool.Id], year);
        var figures = new List<IndicatorFigure>();
        foreach (var indicator in BuiltInIndicators.All.Concat(await Custom.CustomIndicators.ForPoolAsync(db, pool.Id, ct)))
            figures.Add(new(indicator, await indicator.FigureAsync(scope, ct), await indicator.FigureAsync(scope.WithYear(year - 1), ct)));

        var started = db.Engagements.AsNoTracking().Where(e => e.PoolId == pool.Id && e.StartedAt >= scope.From && e.StartedAt < scope.To);
        var topicCounts = await db.RequestTopics.AsNoTracking().Where(t => started.Any(e => e.RequestId == t.RequestId))
            .GroupBy(t => t.TopicId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var topicNames = await db.Topics.AsNoTracking().Where(t => t.PoolId == pool.Id).OrderBy(t => t.SortOrder).ToListAsync(ct);
        var topics = topicNames.Select(t => new ChartBar(t.Name(culture), topicCounts.FirstOrDefault(c => c.Key == t.Id)?.Count ?? 0)).ToList();

        var halfDaysByMonth = await db.Activities.AsNoTracking()
            .Where(a => a.Date >= scope.FirstDay && a.Date < scope.NextYear && db.Engagements.Any(e => e.Id == a.EngagementId && e.PoolId == pool.Id))
            .GroupBy(a => a.Date.Month).Select(g => new { Month = g.Key, HalfDays = g.Sum(a => a.HalfDays) }).ToListAsync(ct);
        var months = CultureInfo.GetCultureInfo(culture).DateTimeFormat;
        var days = Enumerable.Range(1, 12)
            .Select(m => new ChartBar(months.GetAbbreviatedMonthName(m), (halfDaysByMonth.FirstOrDefault(x => x.Month == m)?.HalfDays ?? 0) / 2m)).ToList();

        // Requests arrive at instants: counted per local month by its boundaries, each a small indexed count.
        var requests = new List<ChartBar>();
        for (var m = 1; m <= 12; m++)
        {
            var from = ProgrammeTime.FromLocal(new DateOnly(year, m, 1), TimeOnly.MinValue)!.Value;
            var to = ProgrammeTime.FromLocal(new DateOnly(year, m, 1).AddMonths(1), TimeOnly.MinValue)!.Value;
            requests.Add(new(months.GetAbbreviatedMonthName(m), await db.ConsultationRequests.CountAsync(r => r.PoolId == pool.Id && r.CreatedAt >= from && r.CreatedAt < to, ct)));
        }

        var quota = await db.DayQuotaAccounts.AsNoTracking().Where(q => q.PoolId == pool.Id && q.Year == year && q.UsedHalfDays > 0)
            .Select(q => new
            {
                q.MunicipalityKey, q.UsedHalfDays, q.QuotaHalfDays,
                Name = db.Municipalities.Where(m => m.OfficialKey == q.MunicipalityKey).Select(m => m.ShortName).FirstOrDefault(),
            }).ToListAsync(ct);

        var yearEvents = db.Events.AsNoTracking().Where(e => e.PoolId == pool.Id && !e.IsCancelled && e.StartsAt >= scope.From && e.StartsAt < scope.To);
        var eventCounts = await yearEvents.GroupBy(e => e.Kind).Select(g => new { Kind = g.Key, Count = g.Count() }).ToListAsync(ct);
        var attendance = await (from r in db.EventRegistrations
                                join e in yearEvents on r.EventId equals e.Id
                                where r.CheckedInAt != null
                                group r by e.Kind into g
                                select new { Kind = g.Key, Count = g.Count() }).ToListAsync(ct);
        var events = eventCounts.Select(e => new EventsOfKind(e.Kind, e.Count, attendance.FirstOrDefault(a => a.Kind == e.Kind)?.Count ?? 0)).OrderBy(e => e.Kind).ToList();

        var texts = await db.ReportTexts.AsNoTracking().Where(t => t.PoolId == pool.Id && t.Year == year).ToDictionaryAsync(t => t.Section, t => t.Markdown, ct);
        return new AnnualReport
        {
            Pool = pool, Year = year, Statistics = await PoolStatistics.ComputeAsync(db, pool.Id, culture, thisYear, ct), Figures = figures,
            Topics = topics, DaysByMonth = days, RequestsByMonth = requests,
            Quota = quota.Select(q => new QuotaUse(q.Name ?? q.MunicipalityKey, q.MunicipalityKey, q.UsedHalfDays / 2m, q.QuotaHalfDays / 2m))
                .OrderByDescending(q => q.Used).ThenBy(q => q.Municipality, StringComparer.Create(CultureInfo.GetCultureInfo("de-DE"), false)).ToList(),
            Reached = await PoolMap.ReachedAsync(scope, ct),
            Events = events,
            Texts = texts,
        };
    }

    /// <summary>The actual as a whole percentage of the target; none without a target above zero or without an actual.</summary>
    public static string? Share(decimal? actual, decimal? target) =>
        actual is { } a && target is { } t && t > 0 ? Math.Round(a / t * 100, MidpointRounding.AwayFromZero).ToString("0", Money.German) : null;

    public static string Number(decimal? value) => value is { } v ? v.ToString("#,##0.#", Money.German) : "–";
}
