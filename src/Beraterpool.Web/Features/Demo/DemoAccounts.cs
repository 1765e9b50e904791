using Beraterpool.Web.Features.Accounts;

namespace Beraterpool.Web.Features.Demo;

/// <summary>One sign-in per role, created only when <c>Demo:Seed</c> is on. The README lists exactly these.</summary>
public static class DemoAccounts
{
    /// <summary>The shared password of every demo account (demo mode only, never in production).</summary>
    public const string Password = "Demo-Passwort-2026";

    public const string Administrator = "admin@beraterpool.local";
    public const string CoordinatorNrw = "koordination@miglobe.local";
    public const string CoordinatorBw = "koordination-bw@miglobe.local";
    public const string Advisor = "amina.tesfaye@miglobe.local";
    public const string MunicipalityContact = "kommune@koeln.local";
    public const string Reviewer = "gutachten@miglobe.local";
    public const string Mentor = "mentoring@miglobe.local";

    /// <summary>E-mail, role, display name, pool slug (coordinators) — in the order the README shows them.</summary>
    public static IReadOnlyList<DemoAccount> All { get; } =
    [
        new(Administrator, Roles.Administrator, "Administration", null),
        new(CoordinatorNrw, Roles.Coordinator, "Koordinierungsstelle MiGlobe NRW", "nrw"),
        new(CoordinatorBw, Roles.Coordinator, "Koordinierungsstelle MiGlobe Baden-Württemberg", "bw"),
        new(Advisor, Roles.Advisor, "Amina Tesfaye", null),
        new(MunicipalityContact, Roles.MunicipalityContact, "Stadt Köln, Büro für Internationale Angelegenheiten", null),
        new(Reviewer, Roles.Reviewer, "Auswahlkommission", null),
        new(Mentor, Roles.Mentor, "Mentoring-Programm", null),
    ];
}

public sealed record DemoAccount(string Email, string Role, string DisplayName, string? PoolSlug);
