namespace Beraterpool.Web.Features.Advisors;

/// <summary>A member of a pool: applicants and alumni too, told apart by <see cref="Status"/>.</summary>
public sealed class Advisor
{
    public int Id { get; set; }
    public int PoolId { get; set; }
    /// <summary>Public URL name, unique per pool: /advisors/{Slug}.</summary>
    public required string Slug { get; set; }
    /// <summary>The advisor's account once the invitation was accepted.</summary>
    public string? UserId { get; set; }
    public required string FirstName { get; set; }
    public required string LastName { get; set; }
    public required string Email { get; set; }
    public AdvisorStatus Status { get; set; } = AdvisorStatus.Applicant;
    public Gender Gender { get; set; } = Gender.NotStated;
    /// <summary>Free self-description, shown instead of the category when given.</summary>
    public string? GenderSelfDescription { get; set; }
    /// <summary>Year only (data minimisation); age is computed against today's year.</summary>
    public int? BirthYear { get; set; }
    /// <summary>Official key (AGS) of the municipality the advisor lives in.</summary>
    public string? CityKey { get; set; }
    public string? Expertise { get; set; }
    public string? Bio { get; set; }
    public int? DaysPerMonth { get; set; }
    /// <summary>Official key of a municipality the advisor works for: a conflict of interest in matching.</summary>
    public string? EmployerKey { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public List<AdvisorCountry> Countries { get; set; } = [];
    public List<AdvisorLanguage> Languages { get; set; } = [];
    public List<AdvisorTopic> Topics { get; set; } = [];
    public List<AdvisorConsent> Consents { get; set; } = [];
    public List<BlockedPeriod> BlockedPeriods { get; set; } = [];

    public string FullName => $"{FirstName} {LastName}";
}

public enum AdvisorStatus { Applicant = 0, InQualification = 1, Active = 2, Paused = 3, Alumni = 4 }

public enum Gender { NotStated = 0, Female = 1, Male = 2, Diverse = 3 }

public enum LanguageLevel { Basic = 1, Good = 2, Fluent = 3, Native = 4 }

/// <summary>Fields an advisor can publish; each needs its own consent (GDPR Art. 6/9).</summary>
public enum ConsentField
{
    Photo = 1, City = 2, Gender = 3, Age = 4,
    /// <summary>Special-category data (Art. 9 GDPR): explicit consent only.</summary>
    CountriesOfOrigin = 5,
    Languages = 6, Topics = 7, Expertise = 8, Bio = 9,
}

/// <summary>Country of origin (ISO 3166-1 alpha-2). Special-category data.</summary>
public sealed class AdvisorCountry
{
    public int AdvisorId { get; set; }
    public required string CountryCode { get; set; }
}

/// <summary>A language the advisor speaks (ISO 639-1) with a level.</summary>
public sealed class AdvisorLanguage
{
    public int AdvisorId { get; set; }
    public required string LanguageCode { get; set; }
    public LanguageLevel Level { get; set; } = LanguageLevel.Fluent;
}

public sealed class AdvisorTopic
{
    public int AdvisorId { get; set; }
    public int TopicId { get; set; }
}

/// <summary>A granted publication consent; no row means not consented. Date, way and person are kept as proof.</summary>
public sealed class AdvisorConsent
{
    public int AdvisorId { get; set; }
    public ConsentField Field { get; set; }
    public DateTimeOffset GrantedAt { get; set; }
    /// <summary>How it was given, e.g. <see cref="ConsentWays.SelfService"/>; null for consents recorded before it was kept.</summary>
    public string? GrantedVia { get; set; }
    public string? GrantedByUserId { get; set; }
}

/// <summary>The ways a consent can be given; stored as the key, shown translated.</summary>
public static class ConsentWays
{
    /// <summary>The advisor ticked it in their own profile form (/me/profile).</summary>
    public const string SelfService = "self-service";
    /// <summary>Recorded by the coordinating office from a signed paper or e-mail (not for Art. 9 data).</summary>
    public const string Office = "office";
    /// <summary>Given with the public consultation request form (/requests/new) by the request's contact.</summary>
    public const string RequestForm = "request-form";
    /// <summary>Made up by the demo seed (demo mode only).</summary>
    public const string DemoSeed = "demo-seed";
    /// <summary>Taken over with data imported from elsewhere, e.g. consents that existed before their history was kept.</summary>
    public const string Import = "import";
}

/// <summary>A period in which the advisor is not available.</summary>
public sealed class BlockedPeriod
{
    public int Id { get; set; }
    public int AdvisorId { get; set; }
    public DateOnly From { get; set; }
    public DateOnly To { get; set; }
    public string? Note { get; set; }
}

/// <summary>The profile photo, kept apart so advisor queries never drag image bytes along.</summary>
public sealed class AdvisorPhoto
{
    public int AdvisorId { get; set; }
    public required byte[] Content { get; set; }
    public required string ContentType { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
}
