using System.Globalization;
using Beraterpool.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Impact.Custom;

/// <summary>
/// A pool's own indicators as <see cref="Indicator"/>s, so the report, the drill-down, the exports and the public page
/// treat them like the built-in ones. Their records are the values entered for the year (one per quarter or one for the
/// year), each with its source note; the figure is their sum.
/// </summary>
public static class CustomIndicators
{
    public static async Task<IReadOnlyList<Indicator>> ForPoolAsync(AppDbContext db, int poolId, CancellationToken ct)
    {
        var defined = await db.CustomIndicators.AsNoTracking().Where(c => c.PoolId == poolId).OrderBy(c => c.Name).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.Name, c.Unit, c.Description, c.YearlyTarget }).ToListAsync(ct);
        return defined.Select(c => ToIndicator(c.Id, c.Name, c.Unit, c.Description, c.YearlyTarget)).ToList();
    }

    /// <summary>The pool's indicator with this key, or null when it is not a custom key or belongs to another pool.</summary>
    public static async Task<Indicator?> FindAsync(AppDbContext db, int poolId, string key, CancellationToken ct) =>
        CustomIndicator.IdOf(key) is { } id ? (await ForPoolAsync(db, poolId, ct)).FirstOrDefault(i => i.Key == CustomIndicator.KeyOf(id)) : null;

    private static Indicator ToIndicator(int id, string name, string unit, string? description, decimal? target) =>
        new(CustomIndicator.KeyOf(id), name, unit, ReportSection.Indicators, IndicatorKind.Sum, _ => Enumerable.Empty<IndicatorRow>().AsQueryable())
        {
            // Values may have cents (decimal), which SQLite cannot add up: the few rows of a year are summed here.
            Scale = 100, Target = target, Description = description, NoFigureWithoutRecords = true,
            Load = async (s, ct) =>
            {
                var values = await s.Db.CustomIndicatorValues.AsNoTracking()
                    .Where(v => v.IndicatorId == id && v.Year == s.Year && s.Db.CustomIndicators.Any(c => c.Id == id && s.PoolIds.Contains(c.PoolId)))
                    .Select(v => new { v.Id, v.Quarter, v.Value, v.Source }).ToListAsync(ct);
                return values.Select(v => new IndicatorRow
                {
                    Id = v.Id, Label = PeriodLabel(s.Year, v.Quarter), Detail = v.Source, Value = (int)(v.Value * 100),
                    Link = $"/manage/indicators/{id}/values/{s.Year}",
                }).ToList();
            },
        };

    public static string PeriodLabel(int year, int quarter) =>
        quarter == 0 ? year.ToString(CultureInfo.InvariantCulture) : $"{quarter}. Quartal {year}";
}
