
namespace Beraterpool.Web.Features.Advisors.Directory;

/// <summary>
/// What the public may know about one active advisor. A field is set only when the advisor consented to
/// publish it; null means "not published" (never "unknown"), so nothing downstream can leak it by accident.
/// </summary>
public sealed record DirectoryAdvisor
{
    public required int Id { get; init; }
    public required string Slug { get; init; }
    public required string FirstName { get; init; }
    public required string LastName { get; init; }
    public bool HasPhoto { get; init; }
    public string? CityKey { get; init; }
    public string? CityName { get; init; }
    public Gender? Gender { get; init; }
    public string? GenderSelfDescription { get; init; }
    /// <summary>Kept only to compute the age; never shown or exported itself.</summary>
    public int? BirthYear { get; init; }
    public IReadOnlyList<string>? Countries { get; init; }
    public IReadOnlyList<DirectoryLanguage>? Languages { get; init; }
    public IReadOnlyList<int>? TopicIds { get; init; }
    public string? Expertise { get; init; }
    public string? Bio { get; init; }

    public string Name => $"{FirstName} {LastName}";

    public string Initials => $"{Initial(FirstName)}{Initial(LastName)}";

    public int? Age(int currentYear) => BirthYear is { } year ? currentYear - year : null;

    private static string Initial(string name) => name.Length == 0 ? "" : char.ToUpperInvariant(name[0]).ToString();

    public static string CountryName(string code, string culture) => Shared.Reference.Countries.Find(code)?.Name(culture) ?? code;

    public static string LanguageName(string code, string culture) => Shared.Reference.Languages.Find(code)?.Name(culture) ?? code;
}

public sealed record DirectoryLanguage(string Code, LanguageLevel Level);

public sealed record DirectoryTopic(int Id, string Slug, string NameDe, string? NameEn, string? NameFr, int SortOrder)
{
    public string Name(string culture) => culture switch
    {
        "en" => NameEn ?? NameDe,
        "fr" => NameFr ?? NameDe,
        _ => NameDe,
    };
}
