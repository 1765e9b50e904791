using System.Reflection;

namespace Beraterpool.Web.Features.Privacy.Processing;

/// <summary>
/// One entry of the records of processing activities (Art. 30(1) GDPR), declared by the feature that does the processing,
/// in German: the record is kept for the data protection officer and the supervisory authority.
/// <see cref="Entities"/> names the stored records it covers; a test fails when a stored record holding personal data is
/// covered by no declaration. <c>Retention</c> names the retention rule by its kind (the administrators' retention rules apply it).
/// </summary>
public sealed record ProcessingActivity(
    string Key,
    string Purpose,
    string DataSubjects,
    string DataKinds,
    string Recipients,
    string Retention,
    string LegalBasis,
    string Measures,
    IReadOnlyList<Type> Entities);

/// <summary>Marks a static class whose public static <c>Activities</c> lists the feature's <see cref="ProcessingActivity"/> records.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class DeclaresProcessingAttribute : Attribute;

/// <summary>Collects every feature's declarations, once.</summary>
public static class ProcessingRegistry
{
    /// <summary>Measures that hold for every activity; each declaration names its own on top.</summary>
    public const string CommonMeasures = "Zugriff nur nach Anmeldung und Rolle (Pool-bezogen), Transportverschlüsselung (HTTPS, HSTS), "
                                         + "Protokoll der Verwaltungshandlungen, Datenschutzschlüssel verschlüsselt mit Zertifikat.";

    private static readonly Lazy<IReadOnlyList<ProcessingActivity>> Declared = new(() =>
        typeof(ProcessingRegistry).Assembly.GetTypes()
            .Where(t => t.GetCustomAttribute<DeclaresProcessingAttribute>() is not null)
            .SelectMany(t => (IEnumerable<ProcessingActivity>)(t.GetField("Activities", BindingFlags.Public | BindingFlags.Static)?.GetValue(null)
                ?? t.GetProperty("Activities", BindingFlags.Public | BindingFlags.Static)?.GetValue(null)
                ?? throw new InvalidOperationException($"{t.FullName} declares processing but has no public static Activities.")))
            .OrderBy(a => a.Purpose, StringComparer.Ordinal)
            .ToList());

    public static IReadOnlyList<ProcessingActivity> All => Declared.Value;
}

/// <summary>
/// Stored records that hold no personal data, each with the reason. Every other stored record must be covered by a
/// declaration: "personal" is the default, so a new table is either declared or explained here.
/// </summary>
public static class NotPersonalData
{
    public static readonly IReadOnlyDictionary<Type, string> Types = new Dictionary<Type, string>
    {
        [typeof(Pools.Pool)] = "Stammdaten eines Pools; Kontaktadresse der Stelle, Konto der zahlenden Stelle",
        [typeof(Pools.Topic)] = "Themenfelder eines Pools",
        [typeof(Municipalities.State)] = "amtliches Gemeindeverzeichnis: Länder",
        [typeof(Municipalities.GovernmentDistrict)] = "amtliches Gemeindeverzeichnis: Regierungsbezirke",
        [typeof(Municipalities.MunicipalAssociation)] = "amtliches Gemeindeverzeichnis: Gemeindeverbände",
        [typeof(Municipalities.Municipality)] = "amtliches Gemeindeverzeichnis: Gemeinden und Kreise",
        [typeof(Quota.DayQuotaAccount)] = "Tageskontingent einer Kommune (Körperschaft, keine Person)",
        [typeof(Microsoft.AspNetCore.Identity.IdentityRole)] = "Rollennamen",
        [typeof(Microsoft.AspNetCore.Identity.IdentityRoleClaim<string>)] = "Rechte einer Rolle",
        [typeof(Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey)] = "Schlüsselring der Anwendung",
        [typeof(Matching.MatchingWeights)] = "Gewichte der Vorschlagsliste eines Pools",
        [typeof(Data.DataVersion)] = "Versionszähler der Zwischenspeicher (Verzeichnis, Vorschläge, Kataloge)",
        [typeof(Impact.PublishedIndicator)] = "welche Kennzahlen ein Pool öffentlich zeigt",
        [typeof(Jobs.JobLease)] = "Sperre, damit nur eine Instanz eine geplante Aufgabe ausführt",
        [typeof(Stakeholders.Organisation)] = "Organisationen des Netzwerks (Behörden, Netzwerke, Kommunen): Name, Anschrift, Website",
    };
}
