using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Advisors;
using Beraterpool.Web.Features.Pools;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beraterpool.Web.Features.Mentoring;

/// <summary>
/// A mentor–advisor pair of the mentoring programme: an experienced mentor (Mentor role, often from outside the pool)
/// accompanies one advisor towards agreed goals. The pool is the advisor's; its coordinators see every pair of it,
/// the mentor only their own.
/// </summary>
public sealed class Mentorship
{
    public const int GoalsLength = 4000;

    public int Id { get; set; }
    public int PoolId { get; set; }
    public int AdvisorId { get; set; }
    public required string MentorUserId { get; set; }
    public required string Goals { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public MentorshipStatus Status { get; set; } = MentorshipStatus.Proposed;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public List<MentoringMeeting> Meetings { get; set; } = [];
}

public enum MentorshipStatus { Proposed = 1, Active = 2, Completed = 3, EndedEarly = 4 }

/// <summary>One meeting of a pair: when, what was talked about, and the next steps both agreed.</summary>
public sealed class MentoringMeeting
{
    public const int TextLength = 4000;

    public int Id { get; set; }
    public int MentorshipId { get; set; }
    public DateOnly Date { get; set; }
    public required string Topics { get; set; }
    public string? NextSteps { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedByUserId { get; set; }
}

/// <summary>
/// The advisor's individual contact person at the coordinating office (one of the pool's coordinators), shown on the
/// advisor's overview with e-mail and phone, so that every person in the programme knows whom to ask about their own development.
/// </summary>
public sealed class AdvisorContactPerson
{
    public int AdvisorId { get; set; }
    public int PoolId { get; set; }
    public required string UserId { get; set; }
    /// <summary>The office number the advisor calls (a direct line); without it the contact's account number is shown.</summary>
    public string? Phone { get; set; }
    public DateTimeOffset AssignedAt { get; set; }
}

public sealed class MentorshipConfiguration : IEntityTypeConfiguration<Mentorship>, IEntityTypeConfiguration<MentoringMeeting>,
    IEntityTypeConfiguration<AdvisorContactPerson>
{
    public void Configure(EntityTypeBuilder<Mentorship> b)
    {
        b.Property(x => x.MentorUserId).HasMaxLength(450);
        b.Property(x => x.Goals).HasMaxLength(Mentorship.GoalsLength);
        b.HasIndex(x => new { x.PoolId, x.Status });
        b.HasIndex(x => x.MentorUserId);
        b.HasIndex(x => x.AdvisorId);
        b.HasOne<Pool>().WithMany().HasForeignKey(x => x.PoolId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Advisor>().WithMany().HasForeignKey(x => x.AdvisorId).OnDelete(DeleteBehavior.Cascade);
        // A mentor's account erased takes the pairs with it: goals and meetings are about the two of them.
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.MentorUserId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Meetings).WithOne().HasForeignKey(x => x.MentorshipId).OnDelete(DeleteBehavior.Cascade);
        b.ToTable(t => t.HasCheckConstraint("CK_Mentorships_Dates", "\"EndDate\" IS NULL OR \"StartDate\" IS NULL OR \"EndDate\" >= \"StartDate\""));
    }

    public void Configure(EntityTypeBuilder<MentoringMeeting> b)
    {
        b.Property(x => x.Topics).HasMaxLength(MentoringMeeting.TextLength);
        b.Property(x => x.NextSteps).HasMaxLength(MentoringMeeting.TextLength);
        b.Property(x => x.CreatedByUserId).HasMaxLength(450);
        b.HasIndex(x => new { x.MentorshipId, x.Date });
    }

    public void Configure(EntityTypeBuilder<AdvisorContactPerson> b)
    {
        b.HasKey(x => x.AdvisorId);
        b.Property(x => x.UserId).HasMaxLength(450);
        b.Property(x => x.Phone).HasMaxLength(40);
        b.HasIndex(x => x.UserId);
        b.HasOne<Advisor>().WithOne().HasForeignKey<AdvisorContactPerson>(x => x.AdvisorId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Pool>().WithMany().HasForeignKey(x => x.PoolId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
