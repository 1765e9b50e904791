using Beraterpool.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Interviews;

/// <summary>Size classes of municipalities by population, as the programme speaks of them.</summary>
public enum SizeClass { Small = 1, Medium = 2, Large = 3, City = 4 }

public static class SizeClasses
{
    /// <summary>under 20,000 · 20,000–99,999 · 100,000–499,999 · 500,000 and more; none without a population figure.</summary>
    public static SizeClass? Of(int? population) => population switch
    {
        null => null,
        < 20_000 => SizeClass.Small,
        < 100_000 => SizeClass.Medium,
        < 500_000 => SizeClass.Large,
        _ => SizeClass.City,
    };

    public static string German(SizeClass c) => c switch
    {
        SizeClass.Small => "unter 20.000 Einwohner*innen",
        SizeClass.Medium => "20.000 bis 99.999 Einwohner*innen",
        SizeClass.Large => "100.000 bis 499.999 Einwohner*innen",
        _ => "500.000 Einwohner*innen und mehr",
    };
}

public sealed record ComparisonFilter(string? State = null, string? District = null, SizeClass? Size = null);

/// <summary>One finished interview as the comparison reads it.</summary>
public sealed record ComparedInterview(int Id, string MunicipalityKey, string Municipality, string StateCode, string State, string DistrictKey, string District,
    int? Population, DateOnly HeldOn, string? IntervieweeFunction, IReadOnlyDictionary<int, string> Answers);

public sealed record OptionCount(string Option, int Count);

public sealed record QuestionComparison(InterviewQuestion Question, IReadOnlyList<(ComparedInterview Interview, string Answer)> Answers,
    IReadOnlyList<OptionCount> Counts, int Answered);

/// <summary>
/// The comparison of one guide version: each question with the answers of every finished interview side by side, and for
/// the closed questions how often each option (or scale value) was chosen. Drafts never count.
/// </summary>
public sealed class InterviewComparison(AppDbContext db)
{
    public async Task<IReadOnlyList<ComparedInterview>> InterviewsAsync(int guideId, ComparisonFilter filter, CancellationToken ct)
    {
        var query = db.Interviews.AsNoTracking().Where(i => i.GuideId == guideId && i.FinishedAt != null)
            .Join(db.Municipalities, i => i.MunicipalityKey, m => m.OfficialKey, (i, m) => new { i, m });
        if (!string.IsNullOrEmpty(filter.State)) query = query.Where(x => x.m.StateCode == filter.State);
        if (!string.IsNullOrEmpty(filter.District)) query = query.Where(x => x.m.DistrictKey == filter.District);
        var rows = await query.OrderBy(x => x.i.HeldOn).ThenBy(x => x.m.ShortName)
            .Select(x => new
            {
                x.i.Id, x.i.MunicipalityKey, x.m.ShortName, x.m.StateCode, x.m.DistrictKey, x.m.Population, x.i.HeldOn, x.i.IntervieweeFunction,
                State = db.States.Where(s => s.Code == x.m.StateCode).Select(s => s.Name).FirstOrDefault(),
                District = db.Municipalities.Where(d => d.OfficialKey == x.m.DistrictKey).Select(d => d.ShortName).FirstOrDefault(),
            }).ToListAsync(ct);
        if (filter.Size is { } size) rows = rows.Where(r => SizeClasses.Of(r.Population) == size).ToList();
        var ids = rows.Select(r => r.Id).ToList();
        var answers = (await db.InterviewAnswers.AsNoTracking().Where(a => ids.Contains(a.InterviewId)).ToListAsync(ct)).ToLookup(a => a.InterviewId);
        return rows.Select(r => new ComparedInterview(r.Id, r.MunicipalityKey, r.ShortName, r.StateCode, r.State ?? r.StateCode, r.DistrictKey,
            r.District ?? r.DistrictKey, r.Population, r.HeldOn, r.IntervieweeFunction,
            answers[r.Id].ToDictionary(a => a.QuestionId, a => a.Value))).ToList();
    }

    public static IReadOnlyList<QuestionComparison> Compare(IReadOnlyList<InterviewQuestion> questions, IReadOnlyList<ComparedInterview> interviews) =>
        questions.OrderBy(q => q.Position).Select(q =>
        {
            var answers = interviews.Where(i => i.Answers.TryGetValue(q.Id, out var v) && !string.IsNullOrWhiteSpace(v))
                .Select(i => (i, i.Answers[q.Id])).ToList();
            return new QuestionComparison(q, answers, Count(q, answers.Select(a => a.Item2)), answers.Count);
        }).ToList();

    /// <summary>Each option with how many chose it (a multiple-choice answer counts once for every option in it), in the guide's order.</summary>
    public static IReadOnlyList<OptionCount> Count(InterviewQuestion q, IEnumerable<string> answers)
    {
        var options = q.Kind switch
        {
            QuestionKind.Scale => Enumerable.Range(1, 5).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList(),
            QuestionKind.SingleChoice or QuestionKind.MultipleChoice => q.OptionList.ToList(),
            _ => [],
        };
        if (options.Count == 0) return [];
        var chosen = answers.SelectMany(a => q.Kind == QuestionKind.MultipleChoice ? InterviewQuestion.SplitOptions(a) : [a.Trim()]).ToList();
        return options.Select(o => new OptionCount(o, chosen.Count(c => c == o))).ToList();
    }
}
