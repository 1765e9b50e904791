using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Municipalities;
using Beraterpool.Web.Features.Pools;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beraterpool.Web.Features.MunicipalityAccounts;

/// <summary>
/// A colleague invited into a municipality's account: the account belongs to the municipality (official key) in one
/// pool, not to the address that first wrote. The contact of a request the office has taken up belongs without a row
/// (<see cref="MunicipalityAccess.Vouched"/>).
/// </summary>
public sealed class MunicipalityMember
{
    public int Id { get; set; }
    public int PoolId { get; set; }
    public required string MunicipalityKey { get; set; }
    public required string UserId { get; set; }
    public string? InvitedByUserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class MunicipalityMemberConfiguration : IEntityTypeConfiguration<MunicipalityMember>
{
    public void Configure(EntityTypeBuilder<MunicipalityMember> b)
    {
        b.ToTable("MunicipalityMembers");
        b.HasIndex(m => new { m.PoolId, m.MunicipalityKey, m.UserId }).IsUnique();
        b.HasIndex(m => m.UserId);
        b.Property(m => m.MunicipalityKey).HasMaxLength(8);
        b.HasOne<Pool>().WithMany().HasForeignKey(m => m.PoolId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Municipality>().WithMany().HasForeignKey(m => m.MunicipalityKey).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AppUser>().WithMany().HasForeignKey(m => m.InvitedByUserId).OnDelete(DeleteBehavior.SetNull);
    }
}
