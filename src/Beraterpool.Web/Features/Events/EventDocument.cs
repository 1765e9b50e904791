using Beraterpool.Web.Features.Engagements;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beraterpool.Web.Features.Events;

/// <summary>
/// A file of the event's documentation (photo record, slides, results), uploaded by the office after the event. The
/// public page of a past public event offers it beside the documentation text. Checked like every document the product
/// accepts (<see cref="DocumentUpload"/>): type by content, at most 10 MB.
/// </summary>
public sealed class EventDocument
{
    public int Id { get; set; }
    public int EventId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required byte[] Content { get; set; }
    public string? UploadedByUserId { get; set; }
    public required string UploadedByName { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
}

public sealed class EventDocumentConfiguration : IEntityTypeConfiguration<EventDocument>
{
    public void Configure(EntityTypeBuilder<EventDocument> b)
    {
        b.Property(x => x.FileName).HasMaxLength(200);
        b.Property(x => x.ContentType).HasMaxLength(200);
        b.Property(x => x.UploadedByUserId).HasMaxLength(450);
        b.Property(x => x.UploadedByName).HasMaxLength(200);
        b.HasIndex(x => x.EventId);
        b.HasOne<Event>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}
