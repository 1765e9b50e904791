using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.Extensions.Localization;
using Beraterpool.Web.Features.Shared;

namespace Beraterpool.Web.Features.Advisors.Editor;

/// <summary>An advisor's profile as the editor shows and posts it; the advisor and coordinators share it.</summary>
public sealed class ProfileInput : IValidatableObject
{
    public const int MinLanguageRows = 5;
    public const int MinimumAge = 16;
    public const int EarliestBirthYear = 1930;

    [Required(ErrorMessage = "Bitte geben Sie den Vornamen an.")]
    [StringLength(80, ErrorMessage = "Der Vorname darf höchstens 80 Zeichen lang sein.")]
    public string FirstName { get; set; } = "";

    [Required(ErrorMessage = "Bitte geben Sie den Nachnamen an.")]
    [StringLength(80, ErrorMessage = "Der Nachname darf höchstens 80 Zeichen lang sein.")]
    public string LastName { get; set; } = "";

    public Gender Gender { get; set; } = Gender.NotStated;

    [StringLength(60, ErrorMessage = "Die Selbstbeschreibung darf höchstens 60 Zeichen lang sein.")]
    public string? GenderSelfDescription { get; set; }

    public int? BirthYear { get; set; }

    /// <summary>What the person typed to find their city (name or postcode).</summary>
    [StringLength(100, ErrorMessage = "Der Suchbegriff darf höchstens 100 Zeichen lang sein.")]
    public string? CityQuery { get; set; }

    /// <summary>The chosen municipality's official key (AGS).</summary>
    [StringLength(8, ErrorMessage = "Bitte wählen Sie einen Ort aus der Liste.")]
    public string? CityKey { get; set; }

    /// <summary>What the coordinator typed to find the advisor's employer (coordinators only; matching's conflict check).</summary>
    [StringLength(100, ErrorMessage = "Der Suchbegriff darf höchstens 100 Zeichen lang sein.")]
    public string? EmployerQuery { get; set; }

    /// <summary>The employing municipality's or district's official key; only coordinators see and set it.</summary>
    [StringLength(8, ErrorMessage = "Bitte wählen Sie einen Ort aus der Liste.")]
    public string? EmployerKey { get; set; }

    public List<string> CountryCodes { get; set; } = [];
    public List<LanguageRow> Languages { get; set; } = [];
    public List<int> TopicIds { get; set; } = [];

    [StringLength(1000, ErrorMessage = "Die Expertise darf höchstens 1000 Zeichen lang sein.")]
    public string? Expertise { get; set; }

    [StringLength(2000, ErrorMessage = "Die Kurzbiografie darf höchstens 2000 Zeichen lang sein.")]
    public string? Bio { get; set; }

    [ValidateNever] public IFormFile? Photo { get; set; }
    public bool RemovePhoto { get; set; }

    [Range(0, 20, ErrorMessage = "Bitte geben Sie zwischen 0 und 20 Tagen im Monat an.")]
    public int? DaysPerMonth { get; set; }

    public List<PeriodRow> BlockedPeriods { get; set; } = [];

    /// <summary>The fields the advisor agrees to publish.</summary>
    public List<ConsentField> Consents { get; set; } = [];

    /// <summary>Everything the form shows but never posts: choices, dates of consents, the current photo.</summary>
    [BindNever, ValidateNever] public ProfileOptions Options { get; set; } = new();

    public sealed class LanguageRow
    {
        [StringLength(3, ErrorMessage = "Bitte wählen Sie eine Sprache aus der Liste.")]
        public string? Code { get; set; }
        public LanguageLevel Level { get; set; } = LanguageLevel.Fluent;
    }

    public sealed class PeriodRow
    {
        public int? Id { get; set; }
        public DateOnly? From { get; set; }
        public DateOnly? To { get; set; }
        [StringLength(200, ErrorMessage = "Die Notiz darf höchstens 200 Zeichen lang sein.")]
        public string? Note { get; set; }
        public bool Remove { get; set; }

        public bool IsBlank => From is null && To is null && string.IsNullOrWhiteSpace(Note);
    }

    /// <summary>Rules across fields, with messages from the shared resources in the UI language.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var localizer = (validationContext.GetService(typeof(IStringLocalizerFactory)) as IStringLocalizerFactory)?.Create(typeof(SharedResource));
        string T(string key, params object[] args) => localizer?[key, args].Value ?? string.Format(System.Globalization.CultureInfo.InvariantCulture, key, args);

        var time = validationContext.GetService(typeof(TimeProvider)) as TimeProvider ?? TimeProvider.System;
        var latest = time.LocalYear() - MinimumAge;
        if (BirthYear is { } y && (y < EarliestBirthYear || y > latest))
            yield return new ValidationResult(T("Bitte geben Sie ein Geburtsjahr zwischen {0} und {1} an.", EarliestBirthYear, latest), [nameof(BirthYear)]);
        for (var i = 0; i < BlockedPeriods.Count; i++)
        {
            var p = BlockedPeriods[i];
            if (p.Remove || p.IsBlank) continue;
            if (p.From is null)
                yield return new ValidationResult(T("Bitte geben Sie an, ab wann Sie nicht verfügbar sind."), [$"{nameof(BlockedPeriods)}[{i}].{nameof(PeriodRow.From)}"]);
            if (p.To is null)
                yield return new ValidationResult(T("Bitte geben Sie an, bis wann Sie nicht verfügbar sind."), [$"{nameof(BlockedPeriods)}[{i}].{nameof(PeriodRow.To)}"]);
            if (p.From is { } from && p.To is { } to && from > to)
                yield return new ValidationResult(T("Das Ende darf nicht vor dem Beginn liegen."), [$"{nameof(BlockedPeriods)}[{i}].{nameof(PeriodRow.To)}"]);
        }
        var seen = new HashSet<string>();
        for (var i = 0; i < Languages.Count; i++)
        {
            var code = Languages[i].Code;
            if (string.IsNullOrEmpty(code)) continue;
            if (Shared.Reference.Languages.Find(code) is null)
                yield return new ValidationResult(T("Bitte wählen Sie eine Sprache aus der Liste."), [$"{nameof(Languages)}[{i}].{nameof(LanguageRow.Code)}"]);
            else if (!seen.Add(code))
                yield return new ValidationResult(T("Diese Sprache steht schon in einer anderen Zeile."), [$"{nameof(Languages)}[{i}].{nameof(LanguageRow.Code)}"]);
            if (!Enum.IsDefined(Languages[i].Level))
                yield return new ValidationResult(T("Bitte wählen Sie eine Stufe aus der Liste."), [$"{nameof(Languages)}[{i}].{nameof(LanguageRow.Level)}"]);
        }
        if (CountryCodes.Any(c => Shared.Reference.Countries.Find(c) is null))
            yield return new ValidationResult(T("Bitte wählen Sie nur Länder aus der Liste."), [nameof(CountryCodes)]);
        if (!Enum.IsDefined(Gender))
            yield return new ValidationResult(T("Bitte wählen Sie eine der Angaben."), [nameof(Gender)]);
        if (Consents.Any(c => !Enum.IsDefined(c)))
            yield return new ValidationResult(T("Der Wert ist ungültig."), [nameof(Consents)]);
    }
}

public sealed class ProfileOptions
{
    public bool ForCoordinator { get; set; }
    public string Email { get; set; } = "";
    public IReadOnlyList<(int Id, string Name)> Topics { get; set; } = [];
    public IReadOnlyList<(string Key, string Label)> CityMatches { get; set; } = [];
    /// <summary>True after a search, so the form can say "no match".</summary>
    public bool CitySearched { get; set; }
    public IReadOnlyList<(string Key, string Label)> EmployerMatches { get; set; } = [];
    public bool EmployerSearched { get; set; }
    public IReadOnlyDictionary<ConsentField, DateTimeOffset> GrantedAt { get; set; } = new Dictionary<ConsentField, DateTimeOffset>();
    /// <summary>How each consent was given (<see cref="ConsentWays"/>), where it was recorded.</summary>
    public IReadOnlyDictionary<ConsentField, string> GrantedVia { get; set; } = new Dictionary<ConsentField, string>();
    public bool HasPhoto { get; set; }
    public string? PhotoUrl { get; set; }
}
