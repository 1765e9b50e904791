using System.ComponentModel.DataAnnotations;

namespace Beraterpool.Web.Features.Events.Manage;

/// <summary>The event form, in German local time: a date and times, as people write them.</summary>
public sealed class EventInput
{
    public int? PoolId { get; set; }

    [Required(ErrorMessage = "Bitte geben Sie einen Titel an.")]
    [StringLength(200, ErrorMessage = "Der Titel darf höchstens 200 Zeichen lang sein.")]
    public string? Title { get; set; }

    [Required(ErrorMessage = "Bitte wählen Sie die Art der Veranstaltung.")]
    public EventKind? Kind { get; set; }

    [Required(ErrorMessage = "Bitte geben Sie das Datum an.")]
    public DateOnly? Date { get; set; }

    [Required(ErrorMessage = "Bitte geben Sie die Anfangszeit an.")]
    public TimeOnly? StartTime { get; set; }

    /// <summary>Only for an event over several days; empty = the same day.</summary>
    public DateOnly? EndDate { get; set; }

    [Required(ErrorMessage = "Bitte geben Sie die Endzeit an.")]
    public TimeOnly? EndTime { get; set; }

    [StringLength(500, ErrorMessage = "Der Ort darf höchstens 500 Zeichen lang sein.")]
    public string? Place { get; set; }

    [StringLength(500, ErrorMessage = "Der Link darf höchstens 500 Zeichen lang sein.")]
    public string? OnlineUrl { get; set; }

    [StringLength(1000, ErrorMessage = "Die Angabe darf höchstens 1000 Zeichen lang sein.")]
    public string? Organisations { get; set; }

    public List<string> MunicipalityKeys { get; set; } = [];
    public List<int> PresenterIds { get; set; } = [];

    [StringLength(Event.MaxText, ErrorMessage = "Die Beschreibung darf höchstens 20.000 Zeichen lang sein.")]
    public string? Description { get; set; }

    [StringLength(2000, ErrorMessage = "Die Hinweise dürfen höchstens 2000 Zeichen lang sein.")]
    public string? AccessibilityNotes { get; set; }

    [Range(1, 10_000, ErrorMessage = "Bitte geben Sie eine Platzzahl zwischen 1 und 10.000 an, oder lassen Sie das Feld leer.")]
    public int? Capacity { get; set; }

    public bool IsPublic { get; set; } = true;

    /// <summary>Registration is open until the end of this day (German time); empty = until the start.</summary>
    public DateOnly? RegistrationDeadline { get; set; }

    public bool IsCancelled { get; set; }

    [StringLength(Event.MaxText, ErrorMessage = "Die Dokumentation darf höchstens 20.000 Zeichen lang sein.")]
    public string? Minutes { get; set; }

    [StringLength(4000, ErrorMessage = "Die Ergebnisse dürfen höchstens 4000 Zeichen lang sein.")]
    public string? Outcomes { get; set; }
}
