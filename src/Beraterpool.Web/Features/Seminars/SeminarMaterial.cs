using Beraterpool.Web.Features.Engagements;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beraterpool.Web.Features.Seminars;

/// <summary>
/// A file handed out for a seminar (slides, worksheet, reading). The participants download it from their seminar page;
/// the office and the seminar's trainer (through the trainer link) upload it. Checked like every document the product
/// accepts (<see cref="DocumentUpload"/>): type by content, at most 10 MB.
/// </summary>
public sealed class SeminarMaterial
{
    public int Id { get; set; }
    public int SeminarId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required byte[] Content { get; set; }
    public string? UploadedByUserId { get; set; }
    /// <summary>Who uploaded it, as shown: the office member's or the trainer's name.</summary>
    public required string UploadedByName { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
}

/// <summary>
/// A trainer's access to one seminar without an account: the attendance list and the materials, nothing else. The
/// secret is kept only as its hash; the link ends <see cref="SeminarProgram.TrainerLinkDays"/> days after the seminar
/// (or when the office revokes it). The trainer's e-mail address is used for the one message and not stored.
/// </summary>
public sealed class SeminarTrainerLink
{
    public int Id { get; set; }
    public int SeminarId { get; set; }
    public required string TrainerName { get; set; }
    public required string TokenHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedByUserId { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }

    public bool IsActive(DateTimeOffset now) => RevokedAt is null && now < ExpiresAt;
}

public sealed class SeminarMaterialConfiguration : IEntityTypeConfiguration<SeminarMaterial>, IEntityTypeConfiguration<SeminarTrainerLink>
{
    public void Configure(EntityTypeBuilder<SeminarMaterial> b)
    {
        b.Property(x => x.FileName).HasMaxLength(200);
        b.Property(x => x.ContentType).HasMaxLength(200);
        b.Property(x => x.UploadedByUserId).HasMaxLength(450);
        b.Property(x => x.UploadedByName).HasMaxLength(200);
        b.HasIndex(x => x.SeminarId);
        b.HasOne<Seminar>().WithMany().HasForeignKey(x => x.SeminarId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<SeminarTrainerLink> b)
    {
        b.Property(x => x.TrainerName).HasMaxLength(200);
        b.Property(x => x.TokenHash).HasMaxLength(64);
        b.Property(x => x.CreatedByUserId).HasMaxLength(450);
        b.HasIndex(x => x.TokenHash).IsUnique();
        b.HasIndex(x => x.SeminarId);
        b.HasOne<Seminar>().WithMany().HasForeignKey(x => x.SeminarId).OnDelete(DeleteBehavior.Cascade);
    }
}
