using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beraterpool.Web.Features.Engagements.Revisions;

public enum RevisionKind { Intake = 1, Learning = 2, Comment = 3 }

/// <summary>
/// An earlier version of a text its author corrected (an intake conversation, a learning, a comment): what it said,
/// who wrote it and when, and when it was replaced. Kept so that a correction never hides what others already read.
/// </summary>
public sealed class Revision
{
    public long Id { get; set; }
    public RevisionKind Kind { get; set; }
    public int RecordId { get; set; }
    /// <summary>The earlier text; for an intake the fields as <see cref="IntakeSnapshot"/> JSON.</summary>
    public required string Content { get; set; }
    public required string AuthorName { get; set; }
    /// <summary>When this version was written (the record's creation or the previous correction).</summary>
    public DateTimeOffset WrittenAt { get; set; }
    public DateTimeOffset ReplacedAt { get; set; }
    public string? ReplacedByUserId { get; set; }
}

/// <summary>The fields of an intake conversation as they were before a correction.</summary>
public sealed record IntakeSnapshot(DateOnly Date, string Participants, string ClarifiedGoal, string ClarifiedNeed, List<int> TopicIds, int ExpectedHalfDays, string Outcome);

public sealed class RevisionConfiguration : IEntityTypeConfiguration<Revision>
{
    public void Configure(EntityTypeBuilder<Revision> b)
    {
        b.HasIndex(x => new { x.Kind, x.RecordId, x.Id });
        b.Property(x => x.Content).HasMaxLength(10000);
        b.Property(x => x.AuthorName).HasMaxLength(120);
    }
}
