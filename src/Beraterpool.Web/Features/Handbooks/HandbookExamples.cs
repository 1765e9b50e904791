using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Pools;

namespace Beraterpool.Web.Features.Handbooks;

/// <summary>
/// The demo's handbooks for the first pool, written for this programme: the participant handbook (for advisors), the
/// transfer handbook outline (public, for other regions) and the pool's self-description. The participant handbook
/// has two versions, so the comparison has something to show.
/// </summary>
public static class HandbookExamples
{
    public static void Add(AppDbContext db, Pool pool, string? authorUserId, DateTimeOffset now)
    {
        var participant = New(pool, "teilnehmendenhandbuch", "Teilnehmendenhandbuch", HandbookKind.Participant, HandbookVisibility.Advisors,
        [
            ("Ihre Rolle als Berater*in", Role),
            ("Ablauf einer Beratung", Process),
            ("Tagessätze und Abrechnung", FeesFirst),
            ("Themenfelder", Topics),
        ]);
        Version(participant, HandbookChange.Created, participant.Title, authorUserId, now.AddDays(-30));
        participant.Chapters[2].Markdown = FeesNow(pool);
        Version(participant, HandbookChange.ChapterSaved, participant.Chapters[2].Title, authorUserId, now.AddDays(-2));

        var transfer = New(pool, "transferhandbuch", "Transferhandbuch: Einen Beraterpool in Ihrer Region aufbauen", HandbookKind.Transfer, HandbookVisibility.Public,
        [
            ("Worum es geht", TransferIntro),
            ("Schritt für Schritt", TransferSteps),
            ("Was Sie brauchen", TransferNeeds),
            ("Was wir gelernt haben", TransferLessons),
        ]);
        Version(transfer, HandbookChange.Created, transfer.Title, authorUserId, now.AddDays(-20));

        var profile = New(pool, Handbook.ProfileSlug, "Wer wir sind", HandbookKind.Profile, HandbookVisibility.Public,
            [("Wer sind wir, was genau bieten wir an?", Profile(pool))]);
        Version(profile, HandbookChange.Created, profile.Title, authorUserId, now.AddDays(-10));

        db.Handbooks.AddRange(participant, transfer, profile);
    }

    internal static Handbook New(Pool pool, string slug, string title, HandbookKind kind, HandbookVisibility visibility, (string Title, string Markdown)[] chapters) => new()
    {
        PoolId = pool.Id, Slug = slug, Title = title, Kind = kind, Visibility = visibility,
        Chapters = chapters.Select((c, i) => new HandbookChapter { Position = i + 1, Title = c.Title, Markdown = c.Markdown }).ToList(),
    };

    internal static void Version(Handbook handbook, HandbookChange change, string subject, string? authorUserId, DateTimeOffset at)
    {
        var snapshot = HandbookSnapshot.Of(handbook);
        handbook.Revision++;
        handbook.UpdatedAt = at;
        handbook.Versions.Add(new HandbookVersion
        {
            Number = handbook.Revision, CreatedAt = at, AuthorUserId = authorUserId, Change = change, Subject = subject,
            Title = snapshot.Title, ChaptersJson = snapshot.ChaptersJson(),
        });
    }

    private const string Role = """
        Als Berater\*in des Pools begleiten Sie Kommunen bei ihrer entwicklungspolitischen Arbeit: faire Beschaffung,
        fairer Handel, Partnerschaften mit Kommunen im Globalen Süden und die Agenda 2030.

        - **Sie bringen Ihre Erfahrung ein**, auch die Ihrer Migrationsgeschichte, und Ihre Netzwerke.
        - **Die Kommune setzt das Ziel.** Sie beraten dialogisch: Lösungen entstehen im Gespräch, alle Beteiligten lernen.
        - **Sie sind nicht allein.** Die Koordinierungsstelle vermittelt die Anfragen, eine feste Ansprechperson begleitet Ihre Entwicklung.

        Sie vertreten den Pool nach außen. Bitte sprechen Sie Zusagen über Termine und Umfang vorher mit der Koordinierungsstelle ab.
        """;

    private const string Process = """
        1. **Anfrage**: Eine Kommune beschreibt Ziel und Bedarf im Anfrageformular oder meldet sich bei der Koordinierungsstelle.
        2. **Erstgespräch**: Die Koordinierungsstelle klärt mit der Kommune, was genau gebraucht wird.
        3. **Vorschlag**: Sie erhalten eine Anfrage in „Meine Übersicht“ und sagen zu oder ab. Manchmal begleiten zwei Berater\*innen im Tandem.
        4. **Begleitung**: Sie vereinbaren die Termine direkt mit der Kommune und tragen jeden Beratungstag ein (in halben Tagen).
        5. **Handlungsoptionen**: Halten Sie fest, welche konkreten Schritte die Kommune umsetzen will, und wer sich darum kümmert.
        6. **Abschluss**: Zum Ende geben Kommune und Berater\*in eine kurze Rückmeldung.

        Jede Kommune kann bis zu zehn Beratungstage pro Kalenderjahr in Anspruch nehmen; die Übersicht zeigt, wie viele noch frei sind.
        """;

    private const string FeesFirst = """
        Die Honorare trägt das Programm, für die Kommune ist die Beratung kostenlos.

        - Tagessatz: 200 € pro Beratungstag, ein halber Tag die Hälfte.
        - Fahrtkosten werden nach dem Landesreisekostengesetz erstattet; bitte Belege hochladen.
        - Die Abrechnung erstellen Sie monatlich unter „Honorare“. Die Koordinierungsstelle prüft und gibt frei.
        """;

    private static string FeesNow(Pool pool) => $"""
        Die Honorare trägt das Programm, für die Kommune ist die Beratung kostenlos.

        - Tagessatz: {pool.DayRate:0} € pro Beratungstag, ein halber Tag die Hälfte.
        - Fahrtkosten werden nach dem Landesreisekostengesetz erstattet; bitte Belege hochladen.
        - Die Abrechnung erstellen Sie monatlich unter „Honorare“. Die Koordinierungsstelle prüft und gibt frei.
        - Ausgezahlt wird auf das Konto, das Sie unter „Bankverbindung“ hinterlegt haben.
        """;

    private const string Topics = """
        Der Pool berät in diesen Themenfeldern:

        - **Faire Beschaffung**: Sozial- und Umweltkriterien in der öffentlichen Vergabe.
        - **Fairer Handel**: Fairtrade-Towns, Weltläden, Kampagnen vor Ort.
        - **Kommunale Partnerschaften**: Partnerschaften mit Kommunen im Globalen Süden aufbauen und beleben.
        - **Agenda 2030**: die Ziele für nachhaltige Entwicklung (SDGs) in der Kommune verankern.
        - **Interkulturelle Öffnung**: Migrantenorganisationen als Partner der kommunalen Entwicklungspolitik.
        """;

    private const string TransferIntro = """
        Dieses Handbuch beschreibt, wie andere Regionen das Modell eines Beraterpools von Menschen mit Migrationsgeschichte
        übernehmen können. Es beruht auf den Erfahrungen des ersten Pools in Nordrhein-Westfalen (seit 2014).
        """;

    private const string TransferSteps = """
        1. **Ausschreibung und Auswahl**: ein öffentlicher Aufruf, Bewerbungen, eine Kommission wählt aus.
        2. **Qualifizierung**: eine Seminarreihe über etwa ein Jahr – Kennenlernen, Themenfelder und Auftrag, das Profil des Pools, die Arbeitsstruktur.
        3. **Mentoring**: erfahrene Mentor\*innen begleiten einzelne Berater\*innen.
        4. **Dialogforen mit Kommunen**: das Angebot vorstellen und gemeinsam weiterentwickeln.
        5. **Öffentlichkeitsarbeit**: Internetauftritt, Flyer, eine Wort-Bild-Marke.
        """;

    private const string TransferNeeds = """
        - eine Koordinierungsstelle mit fester Ansprechperson für jede Berater\*in,
        - eine Finanzierung der Honorare und Fahrtkosten,
        - Partner auf Landesebene (kommunale Spitzenverbände, Eine-Welt-Netzwerk, Integrationszentren).
        """;

    private const string TransferLessons = """
        *Gliederung – wird nach der Auswertung ergänzt.*

        - Was Kommunen überzeugt hat
        - Was wir anders machen würden
        """;

    private static string Profile(Pool pool) => $"""
        Wir sind {pool.Name}: Berater\*innen mit Migrationsgeschichte, die Kommunen in der Entwicklungspolitik begleiten.
        Wir leben in vielen Städten des Landes und haben Wurzeln in Afrika, Asien und anderswo.

        **Was wir anbieten**: ein Gespräch auf Augenhöhe, in dem Kommune und Berater\*in gemeinsam konkrete
        Handlungsoptionen entwickeln – kostenlos für die Kommune, bis zu zehn Beratungstage im Jahr.
        """;
}
