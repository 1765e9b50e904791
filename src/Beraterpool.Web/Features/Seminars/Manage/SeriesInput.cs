using System.ComponentModel.DataAnnotations;

namespace Beraterpool.Web.Features.Seminars.Manage;

public sealed class SeriesInput
{
    public int? PoolId { get; set; }

    [Required(ErrorMessage = "Bitte geben Sie einen Titel an.")]
    [StringLength(200, ErrorMessage = "Der Titel darf höchstens 200 Zeichen lang sein.")]
    public string? Title { get; set; }

    [StringLength(SeminarSeries.MaxText, ErrorMessage = "Die Beschreibung darf höchstens 20.000 Zeichen lang sein.")]
    public string? Description { get; set; }

    [Required(ErrorMessage = "Bitte geben Sie an, wie viele Seminare für das Zertifikat nötig sind.")]
    [Range(1, 100, ErrorMessage = "Bitte geben Sie eine Zahl zwischen 1 und 100 an.")]
    public int? RequiredSeminars { get; set; } = 5;

    public bool LateCounts { get; set; } = true;
    public bool LeftEarlyCounts { get; set; } = true;

    [StringLength(200, ErrorMessage = "Die Angabe darf höchstens 200 Zeichen lang sein.")]
    public string? Signatory { get; set; }
}

public sealed class SeminarInput
{
    [Required(ErrorMessage = "Bitte geben Sie einen Titel an.")]
    [StringLength(200, ErrorMessage = "Der Titel darf höchstens 200 Zeichen lang sein.")]
    public string? Title { get; set; }

    [Required(ErrorMessage = "Bitte geben Sie das Datum an.")]
    public DateOnly? Date { get; set; }

    [Required(ErrorMessage = "Bitte geben Sie die Anfangszeit an.")]
    public TimeOnly? StartTime { get; set; }

    /// <summary>Only for a seminar over several days; empty = the same day.</summary>
    public DateOnly? EndDate { get; set; }

    [Required(ErrorMessage = "Bitte geben Sie die Endzeit an.")]
    public TimeOnly? EndTime { get; set; }

    [StringLength(500, ErrorMessage = "Der Ort darf höchstens 500 Zeichen lang sein.")]
    public string? Place { get; set; }

    [StringLength(500, ErrorMessage = "Der Link darf höchstens 500 Zeichen lang sein.")]
    public string? OnlineUrl { get; set; }

    [StringLength(500, ErrorMessage = "Die Angabe darf höchstens 500 Zeichen lang sein.")]
    public string? Trainers { get; set; }

    [StringLength(2000, ErrorMessage = "Die Themen dürfen höchstens 2000 Zeichen lang sein.")]
    public string? Topics { get; set; }

    [StringLength(SeminarSeries.MaxText, ErrorMessage = "Der Ablauf darf höchstens 20.000 Zeichen lang sein.")]
    public string? Agenda { get; set; }

    [StringLength(SeminarSeries.MaxText, ErrorMessage = "Die Materialien dürfen höchstens 20.000 Zeichen lang sein.")]
    public string? Materials { get; set; }
}
