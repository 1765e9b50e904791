using System.ComponentModel.DataAnnotations;

namespace Beraterpool.Web.Features.Events.Manage;

public sealed class OutcomeInput
{
    [Required(ErrorMessage = "Bitte wählen Sie, was herausgekommen ist.")]
    public EventOutcomeKind? Kind { get; set; }

    [Required(ErrorMessage = "Bitte beschreiben Sie das Ergebnis.")]
    [StringLength(2000, ErrorMessage = "Das Ergebnis darf höchstens 2000 Zeichen lang sein.")]
    public string? Text { get; set; }

    /// <summary>"m:05314000" for a partner municipality, "o:12" for an organisation of the network.</summary>
    [Required(ErrorMessage = "Bitte wählen Sie die Kommune oder Organisation.")]
    public string? Partner { get; set; }

    public bool CreateFollowUp { get; set; }

    [StringLength(300, ErrorMessage = "Die Wiedervorlage darf höchstens 300 Zeichen lang sein.")]
    public string? FollowUpTitle { get; set; }

    public DateOnly? FollowUpDueOn { get; set; }

    public string? FollowUpOwnerUserId { get; set; }
}
