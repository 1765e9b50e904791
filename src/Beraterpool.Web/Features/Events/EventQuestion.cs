using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beraterpool.Web.Features.Events;

public enum EventQuestionKind { ShortText = 1, LongText = 2, SingleChoice = 3, MultipleChoice = 4, YesNo = 5 }

/// <summary>
/// A question of the event's own, asked on the registration form after the fixed fields (e.g. "Nehmen Sie am Mittagessen
/// teil?"). The office may change or remove questions while registrations come in: each answer keeps the wording the
/// person saw (<see cref="EventAnswer.Question"/>), so rewording a question never changes what someone answered, and removing
/// it leaves the answers with their registrations (the link to the question becomes empty).
/// </summary>
public sealed class EventQuestion
{
    public const char OptionSeparator = '\n';
    public const int MaxQuestions = 20;

    public int Id { get; set; }
    public int EventId { get; set; }
    public int Position { get; set; }
    public EventQuestionKind Kind { get; set; }
    public required string Text { get; set; }
    public string? Help { get; set; }
    /// <summary>The choices of a single or multiple choice question, one per line.</summary>
    public string? Options { get; set; }
    public bool IsRequired { get; set; }

    public IReadOnlyList<string> OptionList => SplitOptions(Options);

    public static IReadOnlyList<string> SplitOptions(string? options) => string.IsNullOrWhiteSpace(options) ? []
        : options.Split(OptionSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
}

/// <summary>
/// One registrant's answer: the text, the option chosen, the options chosen one per line, or "Ja"/"Nein". Personal data
/// like the registration it belongs to: exported, erased and anonymised with it.
/// </summary>
public sealed class EventAnswer
{
    public int Id { get; set; }
    public int RegistrationId { get; set; }
    /// <summary>Null once the office removed the question; the answer stays with its wording.</summary>
    public int? QuestionId { get; set; }
    /// <summary>The question as the person saw it when answering.</summary>
    public required string Question { get; set; }
    /// <summary>The question's place when answered, so answers to removed questions keep their order.</summary>
    public int Position { get; set; }
    public required string Value { get; set; }
}

public sealed class EventQuestionConfiguration : IEntityTypeConfiguration<EventQuestion>, IEntityTypeConfiguration<EventAnswer>
{
    public void Configure(EntityTypeBuilder<EventQuestion> b)
    {
        b.Property(x => x.Text).HasMaxLength(300);
        b.Property(x => x.Help).HasMaxLength(500);
        b.Property(x => x.Options).HasMaxLength(2000);
        b.HasIndex(x => new { x.EventId, x.Position });
        b.HasOne<Event>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<EventAnswer> b)
    {
        b.Property(x => x.Question).HasMaxLength(300);
        b.Property(x => x.Value).HasMaxLength(2000);
        b.HasIndex(x => x.RegistrationId);
        b.HasIndex(x => x.QuestionId);
        b.HasOne<EventRegistration>().WithMany().HasForeignKey(x => x.RegistrationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<EventQuestion>().WithMany().HasForeignKey(x => x.QuestionId).OnDelete(DeleteBehavior.SetNull);
    }
}
