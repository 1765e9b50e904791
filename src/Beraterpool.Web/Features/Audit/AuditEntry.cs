using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beraterpool.Web.Features.Audit;

/// <summary>Who changed what, when: consents, statuses, pool settings, imports.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public string? UserId { get; set; }
    public int? PoolId { get; set; }
    /// <summary>Dotted action name, e.g. "advisor.consent.withdrawn".</summary>
    public required string Action { get; set; }
    public required string Subject { get; set; }
    public string? Details { get; set; }
}

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(e => e.Action).HasMaxLength(80);
        b.Property(e => e.Subject).HasMaxLength(120);
        b.Property(e => e.Details).HasMaxLength(2000);
        b.HasIndex(e => new { e.PoolId, e.At });
        b.HasIndex(e => e.Subject);
        // The administrators' audit view: newest first over all pools, by event, by person.
        b.HasIndex(e => e.At);
        b.HasIndex(e => new { e.Action, e.At });
        b.HasIndex(e => e.UserId);
    }
}
