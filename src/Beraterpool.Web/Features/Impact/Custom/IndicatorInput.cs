using System.ComponentModel.DataAnnotations;

namespace Beraterpool.Web.Features.Impact.Custom;

/// <summary>The form for a custom indicator; the target is text so that a wrong entry comes back as typed, with a message.</summary>
public sealed class IndicatorInput
{
    [Required(ErrorMessage = "Bitte geben Sie einen Namen an.")]
    [StringLength(CustomIndicator.MaxName, ErrorMessage = "Der Name der Kennzahl darf höchstens 200 Zeichen lang sein.")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Bitte geben Sie die Einheit an, z. B. Artikel oder Treffen.")]
    [StringLength(CustomIndicator.MaxUnit, ErrorMessage = "Die Einheit darf höchstens 60 Zeichen lang sein.")]
    public string? Unit { get; set; }

    [StringLength(CustomIndicator.MaxDescription, ErrorMessage = "Die Beschreibung darf höchstens 2000 Zeichen lang sein.")]
    public string? Description { get; set; }

    public string? Target { get; set; }

    [Required(ErrorMessage = "Bitte wählen Sie, ob die Werte je Jahr oder je Quartal eingetragen werden.")]
    public IndicatorPeriod? Period { get; set; }
}

/// <summary>The values of one year: one field for a yearly indicator, four for a quarterly one, each with its source.</summary>
public sealed class ValuesInput
{
    public List<string?> Values { get; set; } = [];
    public List<string?> Sources { get; set; } = [];
}
