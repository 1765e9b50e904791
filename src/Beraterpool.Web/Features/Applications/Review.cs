using Beraterpool.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beraterpool.Web.Features.Applications;

/// <summary>A member of a call's selection committee (Auswahlkommission): an account with the Reviewer role.</summary>
public sealed class CommitteeMember
{
    public int Id { get; set; }
    public int CallId { get; set; }
    public required string UserId { get; set; }
    public DateTimeOffset AddedAt { get; set; }
}

/// <summary>
/// One reviewer's work on one application. The row exists once the coordinator assigned the application to them
/// (<see cref="Assigned"/>), they declared a conflict of interest (<see cref="Conflict"/>, which excludes them from it
/// for good), or they began scoring. <see cref="SubmittedAt"/> marks the scores as final.
/// </summary>
public sealed class Review
{
    public const int MaxComment = 4000;

    public int Id { get; set; }
    public int ApplicationId { get; set; }
    public required string ReviewerUserId { get; set; }
    public bool Assigned { get; set; }
    public bool Conflict { get; set; }
    public string? Comment { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public List<ReviewScore> Scores { get; set; } = [];
}

/// <summary>The score of one criterion, 1…<see cref="CallCriterion.ScaleMax"/>; a criterion that is not required may stay unscored.</summary>
public sealed class ReviewScore
{
    public int Id { get; set; }
    public int ReviewId { get; set; }
    public int CriterionId { get; set; }
    public int Score { get; set; }
}

public sealed class ReviewConfiguration :
    IEntityTypeConfiguration<CommitteeMember>, IEntityTypeConfiguration<Review>, IEntityTypeConfiguration<ReviewScore>
{
    public void Configure(EntityTypeBuilder<CommitteeMember> b)
    {
        b.HasIndex(x => new { x.CallId, x.UserId }).IsUnique();
        b.HasIndex(x => x.UserId);
        b.HasOne<Call>().WithMany().HasForeignKey(x => x.CallId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<Review> b)
    {
        b.Property(x => x.Comment).HasMaxLength(Review.MaxComment);
        b.HasIndex(x => new { x.ApplicationId, x.ReviewerUserId }).IsUnique();
        b.HasIndex(x => x.ReviewerUserId);
        b.HasOne<Application>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.ReviewerUserId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Scores).WithOne().HasForeignKey(x => x.ReviewId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ReviewScore> b)
    {
        b.HasIndex(x => new { x.ReviewId, x.CriterionId }).IsUnique();
        // The call editor keeps the criteria fixed once a score exists, so this cascade only runs when the call goes.
        b.HasOne<CallCriterion>().WithMany().HasForeignKey(x => x.CriterionId).OnDelete(DeleteBehavior.Cascade);
    }
}
