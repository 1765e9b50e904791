using Beraterpool.Web.Features.Pools;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beraterpool.Web.Features.Applications;

/// <summary>The kinds of a custom question on the application form.</summary>
public enum QuestionKind { ShortText = 1, LongText = 2, SingleChoice = 3, MultipleChoice = 4, YesNo = 5, FileUpload = 6 }

/// <summary>
/// An application call of a pool (Ausschreibung): the public text, who may apply, the criteria the committee scores, the
/// custom questions of the form and the period in which it is open. Times are instants (UTC in the database), entered and
/// shown in German local time.
/// </summary>
public sealed class Call
{
    public const int MaxText = 20_000;

    public int Id { get; set; }
    public int PoolId { get; set; }
    public required string Title { get; set; }
    /// <summary>Markdown.</summary>
    public string? Text { get; set; }
    /// <summary>Who may apply, in words.</summary>
    public string? Eligibility { get; set; }
    public DateTimeOffset OpensAt { get; set; }
    public DateTimeOffset ClosesAt { get; set; }
    /// <summary>The review phase setting: reviewers see no name, photo, age, gender or country of origin.</summary>
    public bool BlindReview { get; set; } = true;
    /// <summary>The review phase setting: a reviewer sees the others' scores of an application only after submitting their own.</summary>
    public bool OthersScoresAfterOwn { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public List<CallCriterion> Criteria { get; set; } = [];
    public List<CallQuestion> Questions { get; set; } = [];

    public bool IsOpen(DateTimeOffset now) => OpensAt <= now && now < ClosesAt;
}

/// <summary>A review criterion: scored on 1…<see cref="ScaleMax"/>, counted with its weight in the weighted mean.</summary>
public sealed class CallCriterion
{
    public int Id { get; set; }
    public int CallId { get; set; }
    public int Position { get; set; }
    public required string Name { get; set; }
    public int Weight { get; set; } = 1;
    public int ScaleMax { get; set; } = 5;
    public bool IsRequired { get; set; } = true;
}

/// <summary>A question of the call's form beyond the fixed fields; choices one per line.</summary>
public sealed class CallQuestion
{
    public int Id { get; set; }
    public int CallId { get; set; }
    public int Position { get; set; }
    public required string Prompt { get; set; }
    public QuestionKind Kind { get; set; }
    public string? Options { get; set; }
    public bool IsRequired { get; set; }

    public IReadOnlyList<string> OptionList => (Options ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

public sealed class CallConfiguration : IEntityTypeConfiguration<Call>
{
    public void Configure(EntityTypeBuilder<Call> b)
    {
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Text).HasMaxLength(Call.MaxText);
        b.Property(x => x.Eligibility).HasMaxLength(2000);
        b.HasIndex(x => new { x.PoolId, x.ClosesAt });
        b.HasOne<Pool>().WithMany().HasForeignKey(x => x.PoolId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Criteria).WithOne().HasForeignKey(x => x.CallId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Questions).WithOne().HasForeignKey(x => x.CallId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class CallCriterionConfiguration : IEntityTypeConfiguration<CallCriterion>
{
    public void Configure(EntityTypeBuilder<CallCriterion> b) => b.Property(x => x.Name).HasMaxLength(200);
}

public sealed class CallQuestionConfiguration : IEntityTypeConfiguration<CallQuestion>
{
    public void Configure(EntityTypeBuilder<CallQuestion> b)
    {
        b.Property(x => x.Prompt).HasMaxLength(500);
        b.Property(x => x.Options).HasMaxLength(2000);
    }
}
