using System.ComponentModel.DataAnnotations;

namespace Beraterpool.Web.Features.Interviews.Manage;

public sealed class GuideInput
{
    public int? PoolId { get; set; }

    [Required(ErrorMessage = "Bitte geben Sie einen Titel an.")]
    [StringLength(200, ErrorMessage = "Der Titel darf höchstens 200 Zeichen lang sein.")]
    public string? Title { get; set; }

    [StringLength(4000, ErrorMessage = "Die Beschreibung darf höchstens 4000 Zeichen lang sein.")]
    public string? Description { get; set; }

    public List<QuestionInput> Questions { get; set; } = [];
}

/// <summary>A row of the guide form; a row without text is left out, so empty rows can wait for the next question.</summary>
public sealed class QuestionInput
{
    [StringLength(1000, ErrorMessage = "Die Frage darf höchstens 1000 Zeichen lang sein.")]
    public string? Text { get; set; }

    public QuestionKind Kind { get; set; } = QuestionKind.Open;

    [StringLength(2000, ErrorMessage = "Die Hilfe darf höchstens 2000 Zeichen lang sein.")]
    public string? Help { get; set; }

    [StringLength(4000, ErrorMessage = "Die Antwortmöglichkeiten dürfen höchstens 4000 Zeichen lang sein.")]
    public string? Options { get; set; }

    [Range(1, 999, ErrorMessage = "Bitte geben Sie eine Zahl zwischen 1 und 999 an.")]
    public int? Position { get; set; }
}
