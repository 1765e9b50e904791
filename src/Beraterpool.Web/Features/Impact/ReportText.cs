using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beraterpool.Web.Features.Impact;

/// <summary>
/// A narrative section of a pool's annual report that the coordinators write (Markdown), kept per year: next year's
/// report starts empty, last year's stays as it was written.
/// </summary>
public sealed class ReportText
{
    public const int MaxLength = 20_000;

    public int Id { get; set; }
    public int PoolId { get; set; }
    public int Year { get; set; }
    public ReportSection Section { get; set; }
    public required string Markdown { get; set; }
    public string? UpdatedByUserId { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>The report's sections in their order; each has figures from the records and a text of its own.</summary>
public enum ReportSection { Summary = 0, Pool = 1, Establishment = 2, Consultations = 3, Network = 4, Indicators = 5, Outlook = 6 }

/// <summary>A built-in indicator the pool's coordinators publish on its public impact page.</summary>
public sealed class PublishedIndicator
{
    public int PoolId { get; set; }
    public required string Key { get; set; }
}

public sealed class ReportTextConfiguration : IEntityTypeConfiguration<ReportText>, IEntityTypeConfiguration<PublishedIndicator>
{
    public void Configure(EntityTypeBuilder<ReportText> b)
    {
        b.Property(x => x.Markdown).HasMaxLength(ReportText.MaxLength);
        b.HasIndex(x => new { x.PoolId, x.Year, x.Section }).IsUnique();
        b.HasOne<Pools.Pool>().WithMany().HasForeignKey(x => x.PoolId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<PublishedIndicator> b)
    {
        b.HasKey(x => new { x.PoolId, x.Key });
        b.Property(x => x.Key).HasMaxLength(60);
        b.HasOne<Pools.Pool>().WithMany().HasForeignKey(x => x.PoolId).OnDelete(DeleteBehavior.Cascade);
    }
}
