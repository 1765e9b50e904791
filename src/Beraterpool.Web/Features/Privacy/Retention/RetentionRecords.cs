using System.Text.Json;
using Beraterpool.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beraterpool.Web.Features.Privacy.Retention;

/// <summary>An administrator's value for one kind of record; without a row the legal default of <see cref="RetentionKinds"/> applies.</summary>
public sealed class RetentionRule
{
    public required string Kind { get; set; }
    /// <summary>In the kind's unit (months, or calendar years after the end of the year).</summary>
    public int Value { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
    public string? ChangedByUserId { get; set; }
}

/// <summary>The report of one run of the retention job: when, where, what it removed per kind, and what went wrong.</summary>
public sealed class RetentionRun
{
    public int Id { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public required string Instance { get; set; }
    /// <summary>The administrator who pressed "Jetzt ausführen"; null for the daily schedule.</summary>
    public string? RequestedByUserId { get; set; }
    /// <summary>Kind → records deleted or anonymised, as JSON (kinds come and go without a migration).</summary>
    public string Counts { get; set; } = "{}";
    public string? Errors { get; set; }

    public IReadOnlyDictionary<string, int> CountsByKind() =>
        JsonSerializer.Deserialize<Dictionary<string, int>>(Counts) ?? [];
}

public sealed class RetentionConfiguration : IEntityTypeConfiguration<RetentionRule>, IEntityTypeConfiguration<RetentionRun>
{
    public void Configure(EntityTypeBuilder<RetentionRule> b)
    {
        b.ToTable("RetentionRules");
        b.HasKey(x => x.Kind);
        b.Property(x => x.Kind).HasMaxLength(40);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.ChangedByUserId).OnDelete(DeleteBehavior.SetNull);
    }

    public void Configure(EntityTypeBuilder<RetentionRun> b)
    {
        b.ToTable("RetentionRuns");
        b.HasIndex(x => x.StartedAt);
        b.Property(x => x.Instance).HasMaxLength(200);
        b.Property(x => x.Counts).HasMaxLength(2000);
        b.Property(x => x.Errors).HasMaxLength(4000);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.RequestedByUserId).OnDelete(DeleteBehavior.SetNull);
    }
}
