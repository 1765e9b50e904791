using Beraterpool.Web.Features.Shared.Forms;
using System.ComponentModel.DataAnnotations;

namespace Beraterpool.Web.Features.Requests;

/// <summary>
/// The answers of the public request form. Text is kept as typed: it is stored as plain text and always shown encoded.
/// Rules across fields (period, pool topics) are checked by the page, where the messages are localised.
/// </summary>
public sealed class RequestInput
{
    /// <summary>Search text for the municipality (name, postcode or AGS); only used to find <see cref="MunicipalityKey"/>.</summary>
    [StringLength(100, ErrorMessage = "Der Suchbegriff darf höchstens 100 Zeichen lang sein.")]
    public string? MunicipalityQuery { get; set; }

    [Required(ErrorMessage = "Bitte suchen Sie Ihre Kommune und wählen Sie sie aus der Liste aus.")]
    [RegularExpression("^([0-9]{5}|[0-9]{8})$", ErrorMessage = "Bitte suchen Sie Ihre Kommune und wählen Sie sie aus der Liste aus.")]
    public string? MunicipalityKey { get; set; }

    [StringLength(150, ErrorMessage = "Die Angabe zum Amt darf höchstens 150 Zeichen lang sein.")]
    public string? Department { get; set; }

    [Required(ErrorMessage = "Bitte geben Sie den Namen der Ansprechperson an.")]
    [StringLength(120, ErrorMessage = "Der Name darf höchstens 120 Zeichen lang sein.")]
    public string? ContactName { get; set; }

    [StringLength(120, ErrorMessage = "Die Funktion darf höchstens 120 Zeichen lang sein.")]
    public string? ContactFunction { get; set; }

    [Required(ErrorMessage = "Bitte geben Sie eine E-Mail-Adresse an.")]
    [MailAddress(ErrorMessage = "Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. name@example.org.")]
    [StringLength(200, ErrorMessage = "Die E-Mail-Adresse ist zu lang.")]
    public string? ContactEmail { get; set; }

    [RegularExpression(@"^\+?[0-9][0-9 ()/\-]{4,38}$", ErrorMessage = "Bitte geben Sie eine Telefonnummer nur mit Ziffern, Leerzeichen und + ( ) / - an, z. B. 0221 123456.")]
    public string? ContactPhone { get; set; }

    [Required(ErrorMessage = "Bitte beschreiben Sie das Ziel Ihrer Kommune.")]
    [StringLength(2000, ErrorMessage = "Das Ziel darf höchstens 2000 Zeichen lang sein.")]
    public string? Goal { get; set; }

    [Required(ErrorMessage = "Bitte beschreiben Sie den Bedarf, den Ihre Kommune sieht.")]
    [StringLength(2000, ErrorMessage = "Der Bedarf darf höchstens 2000 Zeichen lang sein.")]
    public string? Need { get; set; }

    public List<int> TopicIds { get; set; } = [];

    public DateOnly? PreferredFrom { get; set; }
    public DateOnly? PreferredTo { get; set; }

    [Required(ErrorMessage = "Bitte wählen Sie aus, in welcher Form die Beratung stattfinden soll.")]
    public ConsultationFormat? Format { get; set; }

    public List<string> LanguageCodes { get; set; } = [];

    [StringLength(200, ErrorMessage = "Die Angabe darf höchstens 200 Zeichen lang sein.")]
    public string? HeardFrom { get; set; }

    [Range(typeof(bool), "true", "true", ErrorMessage = "Bitte stimmen Sie der Verarbeitung Ihrer Angaben zu, damit wir Ihre Anfrage bearbeiten können.")]
    public bool Consent { get; set; }

    /// <summary>The honeypot: invisible to people, filled in by bots.</summary>
    public string? Website { get; set; }
}
