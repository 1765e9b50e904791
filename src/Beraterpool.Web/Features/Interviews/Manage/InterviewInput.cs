using System.ComponentModel.DataAnnotations;

namespace Beraterpool.Web.Features.Interviews.Manage;

public sealed class InterviewInput
{
    [Required(ErrorMessage = "Bitte wählen Sie die Kommune.")]
    public string? MunicipalityKey { get; set; }

    [Required(ErrorMessage = "Bitte geben Sie das Datum an.")]
    public DateOnly? HeldOn { get; set; }

    [StringLength(200, ErrorMessage = "Die Funktion darf höchstens 200 Zeichen lang sein.")]
    public string? IntervieweeFunction { get; set; }

    [StringLength(4000, ErrorMessage = "Die Notizen dürfen höchstens 4000 Zeichen lang sein.")]
    public string? Notes { get; set; }

    /// <summary>"a5" for advisor 5, "u{id}" for an account of the office.</summary>
    public List<string> Interviewers { get; set; } = [];

    public List<AnswerInput> Answers { get; set; } = [];
}

public sealed class AnswerInput
{
    public int QuestionId { get; set; }

    [StringLength(8000, ErrorMessage = "Die Antwort darf höchstens 8000 Zeichen lang sein.")]
    public string? Text { get; set; }

    public List<string> Values { get; set; } = [];
}
