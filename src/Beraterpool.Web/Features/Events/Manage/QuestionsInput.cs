using System.ComponentModel.DataAnnotations;

namespace Beraterpool.Web.Features.Events.Manage;

/// <summary>A row of the questions form; a row without text is left out (an existing question without text is removed).</summary>
public sealed class QuestionInput
{
    /// <summary>The stored question this row edits; null for a new one.</summary>
    public int? Id { get; set; }

    [StringLength(300, ErrorMessage = "Die Frage darf höchstens 300 Zeichen lang sein.")]
    public string? Text { get; set; }

    public EventQuestionKind Kind { get; set; } = EventQuestionKind.ShortText;

    [StringLength(500, ErrorMessage = "Der Hinweis darf höchstens 500 Zeichen lang sein.")]
    public string? Help { get; set; }

    [StringLength(2000, ErrorMessage = "Die Antwortmöglichkeiten dürfen höchstens 2000 Zeichen lang sein.")]
    public string? Options { get; set; }

    public bool IsRequired { get; set; }

    [Range(1, 99, ErrorMessage = "Bitte geben Sie eine Zahl zwischen 1 und 99 an.")]
    public int? Position { get; set; }
}
