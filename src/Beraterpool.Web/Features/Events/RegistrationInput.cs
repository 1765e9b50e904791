using System.ComponentModel.DataAnnotations;
using Beraterpool.Web.Features.Shared.Forms;

namespace Beraterpool.Web.Features.Events;

/// <summary>The registration form's answers, kept as typed when the form comes back with a message.</summary>
public sealed class RegistrationInput
{
    [Required(ErrorMessage = "Bitte geben Sie Ihren Namen an.")]
    [StringLength(120, ErrorMessage = "Der Name darf höchstens 120 Zeichen lang sein.")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Bitte geben Sie eine E-Mail-Adresse an.")]
    [MailAddress(ErrorMessage = "Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. name@example.org.")]
    [StringLength(200, ErrorMessage = "Die E-Mail-Adresse ist zu lang.")]
    public string? Email { get; set; }

    [StringLength(150, ErrorMessage = "Die Organisation darf höchstens 150 Zeichen lang sein.")]
    public string? Organisation { get; set; }

    [StringLength(120, ErrorMessage = "Die Funktion darf höchstens 120 Zeichen lang sein.")]
    public string? Function { get; set; }

    [StringLength(1000, ErrorMessage = "Die Hinweise dürfen höchstens 1000 Zeichen lang sein.")]
    public string? Notes { get; set; }

    /// <summary>The answers to the event's own questions, in their order.</summary>
    public List<AnswerInput> Answers { get; set; } = [];

    public bool Consent { get; set; }

    /// <summary>Set by the button that appears when the event filled up: the person agrees to wait for a place.</summary>
    public bool JoinWaitingList { get; set; }

    /// <summary>Invisible to people; a bot fills it.</summary>
    public string? Website { get; set; }
}
