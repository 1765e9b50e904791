using Beraterpool.Web.Features.Advisors;
using Beraterpool.Web.Features.Municipalities;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beraterpool.Web.Features.Engagements;

/// <summary>A coordinator's proposal of one advisor (or each partner of a tandem) for a request; the advisor answers.</summary>
public sealed class EngagementInvitation
{
    public int Id { get; set; }
    public int RequestId { get; set; }
    public int AdvisorId { get; set; }
    /// <summary>Invitations proposed together (a tandem) share a group id.</summary>
    public Guid ProposalGroup { get; set; }
    public InvitationStatus Status { get; set; } = InvitationStatus.Pending;
    public string? Reason { get; set; }
    /// <summary>The matching score and its explanation at the time of the proposal, for the record.</summary>
    public string? MatchExplanation { get; set; }
    public string? ProposedByUserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RespondedAt { get; set; }
}

public enum InvitationStatus { Pending = 0, Accepted = 1, Declined = 2, Withdrawn = 3 }

/// <summary>One or two advisors accompanying one municipality on one request: the shared, dialogic record.</summary>
public sealed class Engagement
{
    public int Id { get; set; }
    public int PoolId { get; set; }
    public int RequestId { get; set; }
    public required string MunicipalityKey { get; set; }
    public EngagementStatus Status { get; set; } = EngagementStatus.Active;
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    /// <summary>The municipality's feedback at closing: 1–5 and text.</summary>
    public int? FeedbackRating { get; set; }
    public string? FeedbackText { get; set; }
    public DateTimeOffset? FeedbackAt { get; set; }

    public List<EngagementAdvisor> Advisors { get; set; } = [];
}

public enum EngagementStatus { Active = 0, Closing = 1, Closed = 2 }

public sealed class EngagementAdvisor
{
    public int EngagementId { get; set; }
    public int AdvisorId { get; set; }
    public DateTimeOffset JoinedAt { get; set; }
    /// <summary>The advisor's reflection at closing.</summary>
    public string? Reflection { get; set; }
}

/// <summary>Something an advisor did in the engagement; its half days count against the municipality's annual quota.</summary>
public sealed class Activity
{
    public int Id { get; set; }
    public int EngagementId { get; set; }
    public int AdvisorId { get; set; }
    /// <summary>The day worked; it decides the quota year (calendar year, Europe/Berlin).</summary>
    public DateOnly Date { get; set; }
    public ActivityKind Kind { get; set; }
    /// <summary>Duration per advisor in half days (1 = half a day, 2 = a day).</summary>
    public int HalfDays { get; set; }
    public string? Participants { get; set; }
    public string? Notes { get; set; }
    public string? CreatedByUserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Set by a coordinator; only approved activity days can be billed.</summary>
    public DateTimeOffset? ApprovedAt { get; set; }
    public string? ApprovedByUserId { get; set; }
    /// <summary>A coordinator's question that sends the activity back to the advisor; cleared when the advisor edits it.</summary>
    public string? ReturnQuestion { get; set; }
    public DateTimeOffset? ReturnedAt { get; set; }
    /// <summary>The fee statement that bills this activity: each day is billed once.</summary>
    public int? FeeStatementId { get; set; }
}

public enum ActivityKind { Conversation = 1, Workshop = 2, OnSiteVisit = 3, OnlineMeeting = 4, Preparation = 5, FollowUp = 6 }

/// <summary>A concrete option for action agreed in the dialogue, with its follow-up.</summary>
public sealed class ActionOption
{
    public int Id { get; set; }
    public int EngagementId { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public string? CarriedOutBy { get; set; }
    public ActionOptionStatus Status { get; set; } = ActionOptionStatus.Proposed;
    public DateOnly? DueDate { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public enum ActionOptionStatus { Proposed = 0, Agreed = 1, InImplementation = 2, Done = 3, Dropped = 4 }

/// <summary>What someone learned — advisors and municipality alike, as all involved are learners.</summary>
public sealed class Learning
{
    public int Id { get; set; }
    public int EngagementId { get; set; }
    public string? AuthorUserId { get; set; }
    public required string AuthorName { get; set; }
    public EngagementSide Side { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public enum EngagementSide { Advisor = 1, Municipality = 2, Coordinator = 3 }

/// <summary>A comment on the record (the municipality contact reads and comments).</summary>
public sealed class EngagementComment
{
    public int Id { get; set; }
    public int EngagementId { get; set; }
    public string? AuthorUserId { get; set; }
    public required string AuthorName { get; set; }
    public EngagementSide Side { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class EngagementDocument
{
    public int Id { get; set; }
    public int EngagementId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required byte[] Content { get; set; }
    public string? UploadedByUserId { get; set; }
    public required string UploadedByName { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
}

public sealed class EngagementConfiguration :
    IEntityTypeConfiguration<EngagementInvitation>, IEntityTypeConfiguration<Engagement>, IEntityTypeConfiguration<EngagementAdvisor>,
    IEntityTypeConfiguration<Activity>, IEntityTypeConfiguration<ActionOption>, IEntityTypeConfiguration<Learning>,
    IEntityTypeConfiguration<EngagementComment>, IEntityTypeConfiguration<EngagementDocument>
{
    public void Configure(EntityTypeBuilder<EngagementInvitation> b)
    {
        b.HasIndex(x => new { x.RequestId, x.Status });
        b.HasIndex(x => new { x.AdvisorId, x.Status });
        b.Property(x => x.Reason).HasMaxLength(1000);
        b.Property(x => x.MatchExplanation).HasMaxLength(4000);
        b.HasOne<ConsultationRequest>().WithMany().HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Advisor>().WithMany().HasForeignKey(x => x.AdvisorId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<Engagement> b)
    {
        b.HasIndex(x => new { x.PoolId, x.Status });
        b.HasIndex(x => x.RequestId);
        b.HasIndex(x => new { x.PoolId, x.MunicipalityKey });
        b.Property(x => x.MunicipalityKey).HasMaxLength(8);
        b.Property(x => x.FeedbackText).HasMaxLength(2000);
        b.HasOne<Pool>().WithMany().HasForeignKey(x => x.PoolId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ConsultationRequest>().WithMany().HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Municipality>().WithMany().HasForeignKey(x => x.MunicipalityKey).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Advisors).WithOne().HasForeignKey(x => x.EngagementId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<EngagementAdvisor> b)
    {
        b.HasKey(x => new { x.EngagementId, x.AdvisorId });
        b.HasIndex(x => x.AdvisorId);
        b.Property(x => x.Reflection).HasMaxLength(4000);
        b.HasOne<Advisor>().WithMany().HasForeignKey(x => x.AdvisorId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<Activity> b)
    {
        b.HasIndex(x => new { x.EngagementId, x.Date });
        b.HasIndex(x => new { x.AdvisorId, x.Date });
        b.HasIndex(x => x.FeeStatementId);
        b.Property(x => x.Participants).HasMaxLength(500);
        b.Property(x => x.Notes).HasMaxLength(4000);
        b.Property(x => x.ReturnQuestion).HasMaxLength(1000);
        b.HasOne<Engagement>().WithMany().HasForeignKey(x => x.EngagementId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Advisor>().WithMany().HasForeignKey(x => x.AdvisorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Fees.FeeStatement>().WithMany().HasForeignKey(x => x.FeeStatementId).OnDelete(DeleteBehavior.SetNull);
    }

    public void Configure(EntityTypeBuilder<ActionOption> b)
    {
        b.HasIndex(x => x.EngagementId);
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Description).HasMaxLength(4000);
        b.Property(x => x.CarriedOutBy).HasMaxLength(200);
        b.HasOne<Engagement>().WithMany().HasForeignKey(x => x.EngagementId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<Learning> b)
    {
        b.HasIndex(x => x.EngagementId);
        b.Property(x => x.AuthorName).HasMaxLength(120);
        b.Property(x => x.Text).HasMaxLength(4000);
        b.HasOne<Engagement>().WithMany().HasForeignKey(x => x.EngagementId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<EngagementComment> b)
    {
        b.HasIndex(x => new { x.EngagementId, x.CreatedAt });
        b.Property(x => x.AuthorName).HasMaxLength(120);
        b.Property(x => x.Text).HasMaxLength(4000);
        b.HasOne<Engagement>().WithMany().HasForeignKey(x => x.EngagementId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<EngagementDocument> b)
    {
        b.HasIndex(x => x.EngagementId);
        b.Property(x => x.FileName).HasMaxLength(200);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.Property(x => x.UploadedByName).HasMaxLength(120);
        b.HasOne<Engagement>().WithMany().HasForeignKey(x => x.EngagementId).OnDelete(DeleteBehavior.Cascade);
    }
}
