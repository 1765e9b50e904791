using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beraterpool.Web.Features.Requests.Manage;

/// <summary>
/// The office's own note on a request (phone calls, agreements, things to check). Shown only on the coordinator's
/// request page — never on the tracking page, in a mail or in the municipality's account.
/// </summary>
public sealed class InternalNote
{
    public const int MaxLength = 2000;

    public int Id { get; set; }
    public int RequestId { get; set; }
    public string? AuthorUserId { get; set; }
    /// <summary>Kept as written, also if the account goes.</summary>
    public required string AuthorName { get; set; }
    public required string Body { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class InternalNoteConfiguration : IEntityTypeConfiguration<InternalNote>
{
    public void Configure(EntityTypeBuilder<InternalNote> b)
    {
        b.HasIndex(x => new { x.RequestId, x.CreatedAt });
        b.Property(x => x.AuthorName).HasMaxLength(120);
        b.Property(x => x.Body).HasMaxLength(InternalNote.MaxLength);
        b.HasOne<ConsultationRequest>().WithMany().HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Accounts.AppUser>().WithMany().HasForeignKey(x => x.AuthorUserId).OnDelete(DeleteBehavior.SetNull);
    }
}
