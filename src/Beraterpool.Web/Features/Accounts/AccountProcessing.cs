using Beraterpool.Web.Features.Privacy.Processing;
using Microsoft.AspNetCore.Identity;

namespace Beraterpool.Web.Features.Accounts;

[DeclaresProcessing]
public static class AccountProcessing
{
    public static readonly ProcessingActivity[] Activities =
    [
        new("accounts",
            "Benutzerkonten und Anmeldung (auch Einladungen, zweiter Faktor)",
            "Alle Kontoinhaber*innen: Administration, Koordinierung, Berater*innen, Ansprechpersonen der Kommunen, Gutachter*innen, Mentor*innen",
            "E-Mail, Anzeigename, Sprache, Passwort-Hash, Rollen, Authenticator-Schlüssel, Wiederherstellungscodes, Zeitpunkt der Anlage, Fehlversuche und Sperren",
            "Administration",
            "Bis zur Löschung des Kontos",
            "Art. 6 Abs. 1 lit. b DSGVO",
            "Passwörter nur als Hash, Liste gesperrter Passwörter, Zwei-Faktor-Pflicht für Administration und Koordinierung, Drosselung von Anmeldeversuchen. " + ProcessingRegistry.CommonMeasures,
            [typeof(AppUser), typeof(IdentityUserRole<string>), typeof(IdentityUserClaim<string>), typeof(IdentityUserLogin<string>), typeof(IdentityUserToken<string>),
             typeof(Pools.PoolCoordinator), typeof(MunicipalityAccounts.MunicipalityMember)]),
    ];
}
