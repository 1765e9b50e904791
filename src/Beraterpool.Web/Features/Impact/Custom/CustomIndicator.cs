using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beraterpool.Web.Features.Impact.Custom;

/// <summary>Whether a custom indicator's values are entered once a year or once a quarter.</summary>
public enum IndicatorPeriod { Year = 0, Quarter = 1 }

/// <summary>
/// An indicator the coordinators of a pool define themselves for what the records do not hold (press articles, visits
/// to state networks …): name, unit, an optional yearly target and values they enter with a note on the source.
/// </summary>
public sealed class CustomIndicator
{
    public const int MaxName = 200, MaxUnit = 60, MaxDescription = 2000;

    public int Id { get; set; }
    public int PoolId { get; set; }
    public required string Name { get; set; }
    public required string Unit { get; set; }
    public string? Description { get; set; }
    /// <summary>The target for each year; null where the pool sets none.</summary>
    public decimal? YearlyTarget { get; set; }
    public IndicatorPeriod Period { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<CustomIndicatorValue> Values { get; set; } = [];

    /// <summary>The key in links, the public selection and the report: prefixed so it never meets a built-in key.</summary>
    public string Key => KeyOf(Id);

    public const string KeyPrefix = "eigene-";
    public static string KeyOf(int id) => KeyPrefix + id;

    public static int? IdOf(string key) =>
        key.StartsWith(KeyPrefix, StringComparison.Ordinal) && int.TryParse(key.AsSpan(KeyPrefix.Length), System.Globalization.NumberStyles.None, null, out var id) ? id : null;
}

/// <summary>
/// One value of a custom indicator: for a year (<see cref="Quarter"/> 0) or one quarter of it (1–4). The year's actual
/// is the sum of its rows, so a quarterly indicator's year is its four quarters added up.
/// </summary>
public sealed class CustomIndicatorValue
{
    public const int MaxSource = 500;

    public int Id { get; set; }
    public int IndicatorId { get; set; }
    public int Year { get; set; }
    public int Quarter { get; set; }
    public decimal Value { get; set; }
    public string? Source { get; set; }
}

public sealed class CustomIndicatorConfiguration : IEntityTypeConfiguration<CustomIndicator>, IEntityTypeConfiguration<CustomIndicatorValue>
{
    public void Configure(EntityTypeBuilder<CustomIndicator> b)
    {
        b.Property(x => x.Name).HasMaxLength(CustomIndicator.MaxName);
        b.Property(x => x.Unit).HasMaxLength(CustomIndicator.MaxUnit);
        b.Property(x => x.Description).HasMaxLength(CustomIndicator.MaxDescription);
        b.Property(x => x.YearlyTarget).HasPrecision(14, 2);
        b.Ignore(x => x.Key);
        b.HasIndex(x => x.PoolId);
        b.HasOne<Pools.Pool>().WithMany().HasForeignKey(x => x.PoolId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Values).WithOne().HasForeignKey(v => v.IndicatorId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<CustomIndicatorValue> b)
    {
        b.Property(x => x.Value).HasPrecision(14, 2);
        b.Property(x => x.Source).HasMaxLength(CustomIndicatorValue.MaxSource);
        b.HasIndex(x => new { x.IndicatorId, x.Year, x.Quarter }).IsUnique();
        b.ToTable(t => t.HasCheckConstraint("CK_CustomIndicatorValues_Quarter", "\"Quarter\" BETWEEN 0 AND 4"));
    }
}
