using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Pools;

namespace Beraterpool.Web.Features.Privacy.Notices;

/// <summary>
/// Example texts for the demo pools, marked as examples on the page and in the editor: a real pool's notices come from
/// its own data protection officer, never from a template shipped with the software.
/// </summary>
public static class NoticeExamples
{
    public const string Marker = "Beispieltext – vor dem Betrieb ersetzen";

    public static void Add(AppDbContext db, Pool pool, DateTimeOffset now)
    {
        db.PoolNotices.Add(new PoolNotice { PoolId = pool.Id, Kind = NoticeKind.PrivacyNotice, Markdown = PrivacyNotice(pool), IsExample = true, UpdatedAt = now });
        db.PoolNotices.Add(new PoolNotice { PoolId = pool.Id, Kind = NoticeKind.Impressum, Markdown = Impressum(pool), IsExample = true, UpdatedAt = now });
    }

    private static string PrivacyNotice(Pool pool) => $"""
        **{Marker}.**

        ## Verantwortliche Stelle
        {pool.Name}, Koordinierungsstelle, Musterstraße 1, 12345 Musterstadt, E-Mail: {pool.ContactEmail}

        ## Welche Daten wir verarbeiten und warum
        - **Beratungsanfragen**: Name, Funktion und dienstliche Kontaktdaten der Ansprechperson sowie Ziel und Bedarf der Kommune,
          um die Anfrage zu bearbeiten und die Begleitung zu organisieren (Art. 6 Abs. 1 lit. e DSGVO, Einwilligung im Formular).
        - **Profile der Berater\*innen**: im öffentlichen Verzeichnis nur die Angaben, die die Person freigegeben hat (Art. 6 Abs. 1 lit. a DSGVO);
          Herkunftsländer nur mit ausdrücklicher Einwilligung (Art. 9 Abs. 2 lit. a DSGVO).
        - **Honorarabrechnungen**: zehn Jahre aufbewahrt (§ 147 AO).

        ## Ihre Rechte
        Auskunft, Berichtigung, Löschung, Einschränkung, Datenübertragbarkeit, Widerspruch und Widerruf einer Einwilligung mit Wirkung
        für die Zukunft. Beschwerden richten Sie an die zuständige Datenschutz-Aufsichtsbehörde.
        """;

    private static string Impressum(Pool pool) => $"""
        **{Marker}.**

        {pool.Name}
        Koordinierungsstelle, Musterstraße 1, 12345 Musterstadt

        E-Mail: {pool.ContactEmail}

        Vertreten durch: Vorname Nachname (Leitung)
        """;
}
