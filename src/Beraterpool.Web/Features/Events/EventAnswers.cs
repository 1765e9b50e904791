using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Events;

/// <summary>One answer of the registration form as typed: the text or chosen option, or the options ticked.</summary>
public sealed class AnswerInput
{
    public int QuestionId { get; set; }

    [StringLength(2000, ErrorMessage = "Die Antwort darf höchstens 2000 Zeichen lang sein.")]
    public string? Text { get; set; }

    public List<string> Values { get; set; } = [];
}

/// <summary>An answer to store: the question's wording and place as the person saw them, and the value.</summary>
public sealed record AnswerData(int QuestionId, string Question, int Position, string Value);

/// <summary>The rules of the custom questions on the registration form, and how answers read in lists and files.</summary>
public static class EventAnswers
{
    public const string Yes = "Ja";
    public const string No = "Nein";
    public const int MaxShortText = 300;

    /// <summary>The form's answers in the order of the questions, one per question (a forged or missing row becomes empty).</summary>
    public static List<AnswerInput> Align(IReadOnlyList<EventQuestion> questions, IEnumerable<AnswerInput?> posted)
    {
        var byQuestion = posted.OfType<AnswerInput>().GroupBy(a => a.QuestionId).ToDictionary(g => g.Key, g => g.First());
        return questions.Select(q => byQuestion.TryGetValue(q.Id, out var a) ? a : new AnswerInput { QuestionId = q.Id }).ToList();
    }

    /// <summary>Checks the aligned answers; messages go to the field of the question, answers left empty are not stored.</summary>
    public static List<AnswerData> Check(IReadOnlyList<EventQuestion> questions, IReadOnlyList<AnswerInput> answers, ModelStateDictionary state,
        string prefix, IStringLocalizer text)
    {
        var result = new List<AnswerData>();
        for (var i = 0; i < questions.Count; i++)
        {
            var (q, a) = (questions[i], answers[i]);
            var field = q.Kind == EventQuestionKind.MultipleChoice ? $"{prefix}[{i}].Values" : $"{prefix}[{i}].Text";
            var value = q.Kind switch
            {
                EventQuestionKind.MultipleChoice => a.Values.Count == 0 ? null : string.Join(EventQuestion.OptionSeparator, q.OptionList.Where(a.Values.Contains)),
                _ => string.IsNullOrWhiteSpace(a.Text) ? null : a.Text.Trim().ReplaceLineEndings("\n"),
            };
            var valid = value is null || q.Kind switch
            {
                EventQuestionKind.SingleChoice => q.OptionList.Contains(value),
                EventQuestionKind.MultipleChoice => a.Values.All(q.OptionList.Contains),
                EventQuestionKind.YesNo => value is Yes or No,
                EventQuestionKind.ShortText => value.Length <= MaxShortText,
                _ => true,
            };
            if (!valid)
                state.AddModelError(field, q.Kind == EventQuestionKind.ShortText
                    ? text["Die Antwort darf höchstens 300 Zeichen lang sein."] : text["Bitte wählen Sie aus den angebotenen Antworten."]);
            else if (value is null && q.IsRequired)
                state.AddModelError(field, q.Kind is EventQuestionKind.ShortText or EventQuestionKind.LongText
                    ? text["Bitte beantworten Sie die Frage „{0}“.", q.Text] : text["Bitte wählen Sie eine Antwort auf die Frage „{0}“.", q.Text]);
            else if (value is not null) result.Add(new AnswerData(q.Id, q.Text, q.Position, value));
        }
        return result;
    }

    /// <summary>An answer on one line: the options chosen separated by commas.</summary>
    public static string OneLine(string value) => value.Replace(EventQuestion.OptionSeparator.ToString(), ", ", StringComparison.Ordinal);
}
