using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beraterpool.Web.Features.Jobs;

/// <summary>
/// One row per scheduled job, shared by all app instances: who holds the job now, until when, and when it last ran.
/// An instance runs a job only after taking this row with one conditional UPDATE (free or expired, and due), so of
/// several instances exactly one wins; a holder that crashed leaves a lease that simply runs out.
/// </summary>
public sealed class JobLease
{
    public required string Name { get; set; }
    /// <summary>The instance that took the lease last (kept after release, for the record).</summary>
    public string? Holder { get; set; }
    /// <summary>Null when released; a lease whose time has passed counts as free.</summary>
    public DateTimeOffset? LeasedUntil { get; set; }
    /// <summary>When the last run started (successful or not); the next one is due a period later.</summary>
    public DateTimeOffset? LastRunAt { get; set; }
}

public sealed class JobLeaseConfiguration : IEntityTypeConfiguration<JobLease>
{
    public void Configure(EntityTypeBuilder<JobLease> b)
    {
        b.ToTable("JobLeases");
        b.HasKey(x => x.Name);
        b.Property(x => x.Name).HasMaxLength(60);
        b.Property(x => x.Holder).HasMaxLength(200);
    }
}
