using System.ComponentModel.DataAnnotations;

namespace Beraterpool.Web.Features.Applications.Manage;

/// <summary>The call form, in German local time; rows of criteria and questions, an empty name removes a row.</summary>
public sealed class CallInput
{
    public int? PoolId { get; set; }

    [Required(ErrorMessage = "Bitte geben Sie einen Titel an.")]
    [StringLength(200, ErrorMessage = "Der Titel darf höchstens 200 Zeichen lang sein.")]
    public string? Title { get; set; }

    [StringLength(Call.MaxText, ErrorMessage = "Der Text darf höchstens 20.000 Zeichen lang sein.")]
    public string? Text { get; set; }

    [StringLength(2000, ErrorMessage = "Die Angabe darf höchstens 2000 Zeichen lang sein.")]
    public string? Eligibility { get; set; }

    [Required(ErrorMessage = "Bitte geben Sie an, ab wann man sich bewerben kann.")]
    public DateOnly? OpensDate { get; set; }

    [Required(ErrorMessage = "Bitte geben Sie den Bewerbungsschluss an.")]
    public DateOnly? ClosesDate { get; set; }

    [Required(ErrorMessage = "Bitte geben Sie die Uhrzeit des Bewerbungsschlusses an.")]
    public TimeOnly? ClosesTime { get; set; }

    public bool BlindReview { get; set; } = true;
    public bool OthersScoresAfterOwn { get; set; } = true;

    public List<CriterionInput> Criteria { get; set; } = [];
    public List<QuestionInput> Questions { get; set; } = [];
}

public sealed class CriterionInput
{
    [StringLength(200, ErrorMessage = "Der Name darf höchstens 200 Zeichen lang sein.")]
    public string? Name { get; set; }

    [Range(1, 10, ErrorMessage = "Bitte geben Sie eine Gewichtung zwischen 1 und 10 an.")]
    public int Weight { get; set; } = 1;

    [Range(2, 10, ErrorMessage = "Die Skala reicht bis 2 bis 10 Punkte.")]
    public int ScaleMax { get; set; } = 5;

    public bool IsRequired { get; set; } = true;
}

public sealed class QuestionInput
{
    [StringLength(500, ErrorMessage = "Die Frage darf höchstens 500 Zeichen lang sein.")]
    public string? Prompt { get; set; }

    public QuestionKind Kind { get; set; } = QuestionKind.ShortText;

    [StringLength(2000, ErrorMessage = "Die Auswahlmöglichkeiten dürfen höchstens 2000 Zeichen lang sein.")]
    public string? Options { get; set; }

    public bool IsRequired { get; set; }
}
