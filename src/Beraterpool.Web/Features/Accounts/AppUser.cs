using Microsoft.AspNetCore.Identity;

namespace Beraterpool.Web.Features.Accounts;

public sealed class AppUser : IdentityUser
{
    public string? DisplayName { get; set; }
    /// <summary>Preferred UI culture (de, en, fr) for e-mails.</summary>
    public string Culture { get; set; } = "de";
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>Role names; Coordinator is further scoped to pools by <c>PoolCoordinator</c> rows.</summary>
public static class Roles
{
    public const string Administrator = "Administrator";
    public const string Coordinator = "Coordinator";
    public const string Advisor = "Advisor";
    public const string MunicipalityContact = "MunicipalityContact";
    public const string Reviewer = "Reviewer";
    public const string Mentor = "Mentor";

    public static readonly string[] All = [Administrator, Coordinator, Advisor, MunicipalityContact, Reviewer, Mentor];

    /// <summary>A role's German name, the localizer key for the header and the role-granted mail alike.</summary>
    public static string GermanName(string role) => role switch
    {
        Administrator => "Administration",
        Coordinator => "Koordinierung",
        Advisor => "Berater*in",
        MunicipalityContact => "Ansprechperson einer Kommune",
        Reviewer => "Begutachtung",
        Mentor => "Mentoring",
        _ => role,
    };
}
