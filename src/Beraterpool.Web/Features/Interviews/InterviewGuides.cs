using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Interviews;

public sealed record QuestionDraft(QuestionKind Kind, string Text, string? Help, string? Options);

/// <summary>Saves a guide: in place while nobody was interviewed with it, else as a new version (see <see cref="InterviewGuide"/>).</summary>
public sealed class InterviewGuides(AppDbContext db, TimeProvider time)
{
    public async Task<InterviewGuide> SaveAsync(InterviewGuide? guide, int poolId, string title, string? description, IReadOnlyList<QuestionDraft> questions,
        string? userId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var used = guide is not null && await db.Interviews.AnyAsync(i => i.GuideId == guide.Id, ct);
        string action;
        if (guide is null || used)
        {
            var next = new InterviewGuide
            {
                PoolId = poolId, Title = title, Description = description, CreatedAt = now, UpdatedAt = now,
                Version = guide is null ? 1 : guide.Version + 1, Findings = guide?.Findings, FamilyId = guide?.FamilyId ?? 0,
                Questions = Rows(questions),
            };
            db.InterviewGuides.Add(next);
            await db.SaveChangesAsync(ct);
            if (guide is null) next.FamilyId = next.Id;
            else guide.SupersededById = next.Id;
            action = guide is null ? "interview-guide.created" : "interview-guide.versioned";
            guide = next;
        }
        else
        {
            (guide.Title, guide.Description, guide.UpdatedAt) = (title, description, now);
            db.InterviewQuestions.RemoveRange(guide.Questions);
            guide.Questions = Rows(questions);
            action = "interview-guide.updated";
        }
        db.Audit(action, $"interview-guide:{guide.Id}", userId, poolId, $"{guide.Title} (Version {guide.Version})");
        await db.SaveChangesAsync(ct);
        return guide;
    }

    private static List<InterviewQuestion> Rows(IReadOnlyList<QuestionDraft> questions) => questions.Select((q, i) => new InterviewQuestion
    {
        Position = i + 1, Kind = q.Kind, Text = q.Text, Help = q.Help,
        Options = q.Kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice ? string.Join(InterviewQuestion.OptionSeparator, InterviewQuestion.SplitOptions(q.Options)) : null,
    }).ToList();
}
