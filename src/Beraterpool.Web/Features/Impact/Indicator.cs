using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Impact;

/// <summary>The pools and the calendar year (Europe/Berlin) an indicator counts in.</summary>
public sealed record ImpactScope(AppDbContext Db, IReadOnlyCollection<int> PoolIds, int Year)
{
    // Computed, not stored: `with { Year = … }` copies stored fields and would keep the old year's bounds.
    public DateTimeOffset From => ProgrammeTime.FromLocal(new DateOnly(Year, 1, 1), TimeOnly.MinValue)!.Value;
    public DateTimeOffset To => ProgrammeTime.FromLocal(new DateOnly(Year + 1, 1, 1), TimeOnly.MinValue)!.Value;
    public DateOnly FirstDay => new(Year, 1, 1);
    public DateOnly NextYear => new(Year + 1, 1, 1);

    public ImpactScope WithYear(int year) => this with { Year = year };
}

/// <summary>
/// One record behind a figure: what the drill-down lists. <see cref="Value"/> is what it adds to the figure (1 for a
/// count, days or euros for a sum); <see cref="Link"/> names the record's own page where it has one.
/// </summary>
public sealed record IndicatorRecord(string Label, string? Detail, decimal Value, string? Link = null);

public enum IndicatorKind { Count, Sum, Average }

/// <summary>
/// A built-in indicator: its key (stable, used in links and the public selection), German name and unit, the group it is
/// reported under, and the records it counts. The figure is computed from the same records the drill-down lists, so the
/// two cannot disagree; counts and sums run in the database.
/// </summary>
public sealed class Indicator(string key, string name, string unit, ReportSection group, IndicatorKind kind,
    Func<ImpactScope, IQueryable<IndicatorRow>> rows)
{
    /// <summary>For figures the database cannot add up (euros computed per statement): the rows, loaded by a projection.</summary>
    public Func<ImpactScope, CancellationToken, Task<List<IndicatorRow>>>? Load { get; init; }

    public string Key { get; } = key;
    public string Name { get; } = name;
    public string Unit { get; } = unit;
    public ReportSection Group { get; } = group;
    public IndicatorKind Kind { get; } = kind;

    /// <summary>Null for an average over no records: "no figure" is not zero satisfaction.</summary>
    public async Task<decimal?> FigureAsync(ImpactScope scope, CancellationToken ct)
    {
        if (Load is not null)
        {
            var loaded = await Load(scope, ct);
            return loaded.Count == 0 && NoFigureWithoutRecords ? null : loaded.Sum(r => (decimal)r.Value) / Scale;
        }
        var query = rows(scope);
        return Kind switch
        {
            IndicatorKind.Count => await query.CountAsync(ct),
            // Values are whole half days, ratings or counts: summed as integers (SQLite has no decimal aggregate).
            IndicatorKind.Sum => await query.SumAsync(r => r.Value, ct) / (decimal)Scale,
            _ => await query.AnyAsync(ct) ? Math.Round((decimal)await query.AverageAsync(r => (double)r.Value, ct) / Scale, 1) : null,
        };
    }

    // Every row must set Id in its projection (0 where there is none): EF orders by it and cannot order by an unset member.
    public async Task<IReadOnlyList<IndicatorRecord>> RecordsAsync(ImpactScope scope, int limit, CancellationToken ct)
    {
        var loaded = Load is not null
            ? (await Load(scope, ct)).OrderBy(r => r.Label, StringComparer.CurrentCulture).ThenBy(r => r.Id).Take(limit).ToList()
            : await rows(scope).OrderBy(r => r.Label).ThenBy(r => r.Id).Take(limit).ToListAsync(ct);
        return loaded.Select(r => new IndicatorRecord(r.Label, r.Detail, r.Value / (decimal)Scale, r.Link)).ToList();
    }

    /// <summary>Half days are stored; a day is two.</summary>
    public int Scale { get; init; } = 1;

    /// <summary>The yearly target, for the coordinators' own indicators that set one.</summary>
    public decimal? Target { get; init; }

    public string? Description { get; init; }

    /// <summary>A custom indicator nobody entered a value for has no figure for the year: that is not a zero.</summary>
    public bool NoFigureWithoutRecords { get; init; }

    public bool IsCustom => Key.StartsWith(Custom.CustomIndicator.KeyPrefix, StringComparison.Ordinal);
}

/// <summary>
/// What an indicator's query projects: integer values (half days, ratings, cents) so sums run in SQL. A class with
/// setters, not a positional record: EF can order by its members only after a member-init projection.
/// </summary>
public sealed class IndicatorRow
{
    public int Id { get; init; }
    public string Label { get; init; } = "";
    public string? Detail { get; init; }
    public int Value { get; init; } = 1;
    public string? Link { get; init; }
}
