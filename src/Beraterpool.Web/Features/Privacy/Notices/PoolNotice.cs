using Beraterpool.Web.Features.Pools;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beraterpool.Web.Features.Privacy.Notices;

/// <summary>A pool's published privacy notice (Datenschutzerklärung) or Impressum, written by its coordinators in Markdown.</summary>
public sealed class PoolNotice
{
    public const int MaxLength = 60_000;

    public int PoolId { get; set; }
    public NoticeKind Kind { get; set; }
    public required string Markdown { get; set; }
    /// <summary>The demo seed's example text: the page says so until a coordinator saves the pool's own.</summary>
    public bool IsExample { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedByUserId { get; set; }
}

public enum NoticeKind { PrivacyNotice = 1, Impressum = 2 }

public sealed class PoolNoticeConfiguration : IEntityTypeConfiguration<PoolNotice>
{
    public void Configure(EntityTypeBuilder<PoolNotice> b)
    {
        b.HasKey(x => new { x.PoolId, x.Kind });
        b.Property(x => x.Markdown).HasMaxLength(PoolNotice.MaxLength);
        b.Property(x => x.UpdatedByUserId).HasMaxLength(450);
        b.HasOne<Pool>().WithMany().HasForeignKey(x => x.PoolId).OnDelete(DeleteBehavior.Cascade);
    }
}
