using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Advisors;
using Beraterpool.Web.Features.Municipalities;
using Beraterpool.Web.Features.Pools;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beraterpool.Web.Features.Interviews;

public enum QuestionKind { Open = 1, Scale = 2, SingleChoice = 3, MultipleChoice = 4 }

/// <summary>
/// An interview guide of a pool: ordered questions. Versioning, the simple honest way: a guide that has interviews is
/// frozen. Editing it copies it into a new version (same <see cref="FamilyId"/>, <see cref="Version"/> + 1) that takes
/// the changes; the old version keeps its questions, so an old interview always shows exactly what it was asked. The
/// comparison works per version — no mapping of "unchanged" questions across versions, which would have to guess
/// whether a reworded question still asks the same thing.
/// </summary>
public sealed class InterviewGuide
{
    public int Id { get; set; }
    public int PoolId { get; set; }
    /// <summary>The Id of the first version; all versions of one guide share it.</summary>
    public int FamilyId { get; set; }
    public int Version { get; set; } = 1;
    public required string Title { get; set; }
    public string? Description { get; set; }
    /// <summary>What the pool learned from the interviews (Markdown); belongs to the version it was written for.</summary>
    public string? Findings { get; set; }
    /// <summary>Set when a newer version replaced this one; new interviews use the newest.</summary>
    public int? SupersededById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public List<InterviewQuestion> Questions { get; set; } = [];
}

public sealed class InterviewQuestion
{
    public const char OptionSeparator = '\n';

    public int Id { get; set; }
    public int GuideId { get; set; }
    public int Position { get; set; }
    public QuestionKind Kind { get; set; }
    public required string Text { get; set; }
    public string? Help { get; set; }
    /// <summary>The choices of a single or multiple choice question, one per line.</summary>
    public string? Options { get; set; }

    public IReadOnlyList<string> OptionList => SplitOptions(Options);

    public static IReadOnlyList<string> SplitOptions(string? options) => string.IsNullOrWhiteSpace(options) ? []
        : options.Split(OptionSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
}

/// <summary>
/// An interview with a municipality of the register along a guide version. A draft (<see cref="FinishedAt"/> null) may
/// lack answers and counts nowhere; finished, it counts in the comparison, the impact figures and the timeline.
/// Personal data: only the interviewee's function (no name) and the interviewers as ids.
/// </summary>
public sealed class Interview
{
    public int Id { get; set; }
    public int PoolId { get; set; }
    public int GuideId { get; set; }
    public required string MunicipalityKey { get; set; }
    public DateOnly HeldOn { get; set; }
    /// <summary>"Leitung Stabsstelle Nachhaltigkeit" — a function, never a name.</summary>
    public string? IntervieweeFunction { get; set; }
    public string? Notes { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public List<InterviewAnswer> Answers { get; set; } = [];
    public List<InterviewInterviewer> Interviewers { get; set; } = [];
}

/// <summary>An answer: the text, the scale value ("1"–"5"), the option chosen, or the options chosen one per line.</summary>
public sealed class InterviewAnswer
{
    public int InterviewId { get; set; }
    public int QuestionId { get; set; }
    public required string Value { get; set; }
}

/// <summary>Who interviewed: an advisor of the pool or someone of the office (an account), one of the two.</summary>
public sealed class InterviewInterviewer
{
    public int Id { get; set; }
    public int InterviewId { get; set; }
    public int? AdvisorId { get; set; }
    public string? UserId { get; set; }
}

public sealed class InterviewConfiguration :
    IEntityTypeConfiguration<InterviewGuide>, IEntityTypeConfiguration<InterviewQuestion>, IEntityTypeConfiguration<Interview>,
    IEntityTypeConfiguration<InterviewAnswer>, IEntityTypeConfiguration<InterviewInterviewer>
{
    public void Configure(EntityTypeBuilder<InterviewGuide> b)
    {
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Description).HasMaxLength(4000);
        b.Property(x => x.Findings).HasMaxLength(40_000);
        b.HasIndex(x => new { x.PoolId, x.FamilyId, x.Version }).IsUnique();
        b.HasOne<Pool>().WithMany().HasForeignKey(x => x.PoolId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Questions).WithOne().HasForeignKey(x => x.GuideId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<InterviewQuestion> b)
    {
        b.Property(x => x.Text).HasMaxLength(1000);
        b.Property(x => x.Help).HasMaxLength(2000);
        b.Property(x => x.Options).HasMaxLength(4000);
        b.HasIndex(x => new { x.GuideId, x.Position });
    }

    public void Configure(EntityTypeBuilder<Interview> b)
    {
        b.Property(x => x.MunicipalityKey).HasMaxLength(8);
        b.Property(x => x.IntervieweeFunction).HasMaxLength(200);
        b.Property(x => x.Notes).HasMaxLength(4000);
        b.HasIndex(x => new { x.PoolId, x.HeldOn });
        b.HasIndex(x => x.GuideId);
        b.HasIndex(x => x.MunicipalityKey);
        b.HasOne<Pool>().WithMany().HasForeignKey(x => x.PoolId).OnDelete(DeleteBehavior.Cascade);
        // A guide with interviews is never deleted (it is frozen instead).
        b.HasOne<InterviewGuide>().WithMany().HasForeignKey(x => x.GuideId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Municipality>().WithMany().HasForeignKey(x => x.MunicipalityKey).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Answers).WithOne().HasForeignKey(x => x.InterviewId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Interviewers).WithOne().HasForeignKey(x => x.InterviewId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<InterviewAnswer> b)
    {
        b.HasKey(x => new { x.InterviewId, x.QuestionId });
        b.Property(x => x.Value).HasMaxLength(8000);
        b.HasOne<InterviewQuestion>().WithMany().HasForeignKey(x => x.QuestionId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<InterviewInterviewer> b)
    {
        b.Property(x => x.UserId).HasMaxLength(450);
        b.HasIndex(x => x.InterviewId);
        b.HasIndex(x => x.AdvisorId);
        b.HasIndex(x => x.UserId);
        b.HasOne<Advisor>().WithMany().HasForeignKey(x => x.AdvisorId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
