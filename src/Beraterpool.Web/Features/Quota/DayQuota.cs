using Beraterpool.Web.Features.Municipalities;
using Beraterpool.Web.Features.Pools;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beraterpool.Web.Features.Quota;

/// <summary>
/// The running account of advisor days per municipality, pool and calendar year, in half days. Logging a day
/// is one conditional UPDATE on this row (used + n ≤ quota), so parallel writers can never pass the quota.
/// </summary>
public sealed class DayQuotaAccount
{
    public int PoolId { get; set; }
    public required string MunicipalityKey { get; set; }
    public int Year { get; set; }
    public int QuotaHalfDays { get; set; }
    public int UsedHalfDays { get; set; }
}

/// <summary>A coordinator's written decision to raise one municipality's quota for one year.</summary>
public sealed class QuotaIncrease
{
    public int Id { get; set; }
    public int PoolId { get; set; }
    public required string MunicipalityKey { get; set; }
    public int Year { get; set; }
    public int PreviousQuotaHalfDays { get; set; }
    public int NewQuotaHalfDays { get; set; }
    public required string Reason { get; set; }
    public string? UserId { get; set; }
    public DateTimeOffset At { get; set; }
}

public sealed class DayQuotaConfiguration : IEntityTypeConfiguration<DayQuotaAccount>, IEntityTypeConfiguration<QuotaIncrease>
{
    public void Configure(EntityTypeBuilder<DayQuotaAccount> b)
    {
        b.HasKey(x => new { x.PoolId, x.MunicipalityKey, x.Year });
        b.Property(x => x.MunicipalityKey).HasMaxLength(8);
        b.HasOne<Pool>().WithMany().HasForeignKey(x => x.PoolId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Municipality>().WithMany().HasForeignKey(x => x.MunicipalityKey).OnDelete(DeleteBehavior.Restrict);
        b.ToTable(t => t.HasCheckConstraint("CK_DayQuotaAccounts_NotOverQuota", "\"UsedHalfDays\" <= \"QuotaHalfDays\" AND \"UsedHalfDays\" >= 0"));
    }

    public void Configure(EntityTypeBuilder<QuotaIncrease> b)
    {
        b.HasIndex(x => new { x.PoolId, x.MunicipalityKey, x.Year });
        b.Property(x => x.MunicipalityKey).HasMaxLength(8);
        b.Property(x => x.Reason).HasMaxLength(1000);
    }
}
