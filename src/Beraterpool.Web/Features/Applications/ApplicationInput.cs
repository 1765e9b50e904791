using System.ComponentModel.DataAnnotations;
using Beraterpool.Web.Features.Advisors;
using Beraterpool.Web.Features.Shared.Forms;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;

namespace Beraterpool.Web.Features.Applications;

/// <summary>
/// The application form's answers, kept as typed when the form comes back with a message; uploaded files are kept on
/// the server and named by the secrets in <see cref="CvToken"/> and <see cref="AnswerInput.FileToken"/>.
/// </summary>
public sealed class ApplicationInput
{
    [Required(ErrorMessage = "Bitte geben Sie Ihren Vornamen an.")]
    [StringLength(80, ErrorMessage = "Der Vorname darf höchstens 80 Zeichen lang sein.")]
    public string? FirstName { get; set; }

    [Required(ErrorMessage = "Bitte geben Sie Ihren Nachnamen an.")]
    [StringLength(80, ErrorMessage = "Der Nachname darf höchstens 80 Zeichen lang sein.")]
    public string? LastName { get; set; }

    [Required(ErrorMessage = "Bitte geben Sie eine E-Mail-Adresse an.")]
    [MailAddress(ErrorMessage = "Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. name@example.org.")]
    [StringLength(200, ErrorMessage = "Die E-Mail-Adresse ist zu lang.")]
    public string? Email { get; set; }

    [StringLength(40, ErrorMessage = "Die Telefonnummer darf höchstens 40 Zeichen lang sein.")]
    public string? Phone { get; set; }

    [StringLength(100, ErrorMessage = "Der Suchbegriff darf höchstens 100 Zeichen lang sein.")]
    public string? CityQuery { get; set; }

    [StringLength(8, ErrorMessage = "Bitte wählen Sie einen Ort aus der Liste.")]
    public string? CityKey { get; set; }

    public Gender Gender { get; set; } = Gender.NotStated;
    public int? BirthYear { get; set; }

    public List<string> LanguageCodes { get; set; } = [];
    public List<string> CountryCodes { get; set; } = [];
    /// <summary>Explicit consent (Art. 9 GDPR) to process the countries of origin.</summary>
    public bool CountriesConsent { get; set; }
    public List<int> TopicIds { get; set; } = [];

    [Required(ErrorMessage = "Bitte schreiben Sie uns, warum Sie sich bewerben.")]
    [StringLength(4000, ErrorMessage = "Die Motivation darf höchstens 4000 Zeichen lang sein.")]
    public string? Motivation { get; set; }

    [StringLength(4000, ErrorMessage = "Die Erfahrung darf höchstens 4000 Zeichen lang sein.")]
    public string? Experience { get; set; }

    [ValidateNever] public IFormFile? Cv { get; set; }
    /// <summary>The secret of the CV already uploaded with an earlier attempt.</summary>
    [StringLength(100, ErrorMessage = "Bitte laden Sie die Datei noch einmal hoch.")] public string? CvToken { get; set; }

    public List<AnswerInput> Answers { get; set; } = [];

    public bool Consent { get; set; }

    /// <summary>Invisible to people; a bot fills it.</summary>
    public string? Website { get; set; }
}

public sealed class AnswerInput
{
    public int QuestionId { get; set; }
    [StringLength(4000, ErrorMessage = "Die Antwort darf höchstens 4000 Zeichen lang sein.")]
    public string? Text { get; set; }
    public List<string> Choices { get; set; } = [];
    [ValidateNever] public IFormFile? File { get; set; }
    [StringLength(100, ErrorMessage = "Bitte laden Sie die Datei noch einmal hoch.")] public string? FileToken { get; set; }
}
