using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Handbooks;
using Beraterpool.Web.Features.Pools;

namespace Beraterpool.Web.Features.Site;

/// <summary>
/// The demo pool's public site pages: about the pool, the offer, how a consultation works (the programme's steps), FAQ and
/// contact. The process page has two versions, so its history shows an edit.
/// </summary>
public static class SitePageExamples
{
    public static void Add(AppDbContext db, Pool pool, string? authorUserId, DateTimeOffset now)
    {
        var pages = new[]
        {
            HandbookExamples.New(pool, "ueber-uns", "Über uns", HandbookKind.SitePage, HandbookVisibility.Public, [("Über uns", About(pool))]),
            HandbookExamples.New(pool, "angebot", "Unser Angebot", HandbookKind.SitePage, HandbookVisibility.Public, [("Unser Angebot", Offer(pool))]),
            HandbookExamples.New(pool, "ablauf", "So läuft eine Beratung ab", HandbookKind.SitePage, HandbookVisibility.Public,
                [("So läuft eine Beratung ab", ProcessFirst)]),
            HandbookExamples.New(pool, "faq", "Häufige Fragen", HandbookKind.SitePage, HandbookVisibility.Public,
                [("Für Kommunen", FaqMunicipalities(pool)), ("Für Interessierte am Pool", FaqApplicants)]),
            HandbookExamples.New(pool, "kontakt", "Kontakt", HandbookKind.SitePage, HandbookVisibility.Public, [("Kontakt", Contact(pool))]),
        };
        foreach (var (page, i) in pages.Select((p, i) => (p, i)))
            HandbookExamples.Version(page, HandbookChange.Created, page.Title, authorUserId, now.AddDays(-40 + i));
        pages[2].Chapters[0].Markdown = Process(pool);
        HandbookExamples.Version(pages[2], HandbookChange.ChapterSaved, pages[2].Chapters[0].Title, authorUserId, now.AddDays(-3));
        db.Handbooks.AddRange(pages);
    }

    private static string About(Pool pool) => $"""
        {pool.Name} ist ein Pool von Berater\*innen mit Migrationsgeschichte. Sie begleiten Kommunen in der
        Entwicklungspolitik: faire Beschaffung, fairer Handel, kommunale Partnerschaften mit dem Globalen Süden und die Agenda 2030.

        Der Pool entstand 2014 mit einer öffentlichen Ausschreibung. Die Berater\*innen haben sich in einer Seminarreihe
        qualifiziert und bringen ihre Erfahrungen, Sprachen und Netzwerke ein. Eine Koordinierungsstelle vermittelt die Anfragen
        und ist für jede Berater\*in ansprechbar.

        Das Programm verbindet zwei Ziele: mehr Akteure und mehr Qualität in der kommunalen Entwicklungspolitik – und
        Integration durch Anerkennung und Engagement.
        """;

    private static string Offer(Pool pool) => $"""
        - **Ein Gespräch auf Augenhöhe**: Kommune und Berater\*in entwickeln gemeinsam Handlungsoptionen, die die Kommune selbst umsetzen kann.
        - **Ihre Kommune setzt das Ziel**: Ausgangspunkt ist die Situation vor Ort.
        - **Kostenlos**: Die Honorare trägt das Programm. Jede Kommune kann bis zu {pool.AnnualDayQuota} Beratungstage pro Kalenderjahr nutzen.
        - **Themen**: faire Beschaffung, fairer Handel und Fairtrade-Towns, kommunale Partnerschaften, Agenda 2030 und die SDGs,
          interkulturelle Öffnung der kommunalen Entwicklungspolitik.

        [Beratung anfragen](../requests/new)
        """;

    private const string ProcessFirst = """
        1. Die Kommune fragt an.
        2. Eine Berater\*in begleitet die Kommune.
        """;

    private static string Process(Pool pool) => $"""
        1. **Ziel und Bedarf**: Ihre Kommune beschreibt im Anfrageformular, was sie erreichen möchte und was sie dafür braucht.
        2. **Zuerst das Gespräch**: Die Koordinierungsstelle meldet sich und klärt mit Ihnen in einem Gespräch, worum es genau geht.
        3. **Eine Berater\*in begleitet Sie**: Die Koordinierungsstelle schlägt eine Person aus dem Pool vor (manchmal ein Tandem);
           Sie lernen sich kennen und vereinbaren die Termine direkt.
        4. **Bis zu {pool.AnnualDayQuota} Beratungstage im Jahr**: Die Begleitung umfasst höchstens {pool.AnnualDayQuota} Beratungstage
           pro Kommune und Kalenderjahr. Sie sehen jederzeit, wie viele noch frei sind.
        5. **Kostenlos**: Für Ihre Kommune entstehen keine Kosten; die Honorare trägt das Programm.
        6. **Abschluss**: Am Ende stehen vereinbarte Handlungsoptionen und eine kurze Rückmeldung von Ihnen.
        """;

    private static string FaqMunicipalities(Pool pool) => $"""
        **Was kostet die Beratung?**
        Nichts. Die Honorare der Berater\*innen trägt das Programm.

        **Wie viel Beratung bekommen wir?**
        Bis zu {pool.AnnualDayQuota} Beratungstage pro Kalenderjahr und Kommune.

        **Wer berät uns?**
        Eine Berater\*in aus dem Pool, die zu Ihrem Thema und Ihrer Region passt. Im [Verzeichnis](../advisors) stellen sich die
        Berater\*innen vor.

        **Wie schnell geht es los?**
        Die Koordinierungsstelle meldet sich in der Regel innerhalb einer Woche nach Ihrer Anfrage.
        """;

    private const string FaqApplicants = """
        **Wie werde ich Berater\*in im Pool?**
        Der Pool sucht über öffentliche Ausschreibungen neue Berater\*innen; die Koordinierungsstelle informiert über den nächsten Aufruf.

        **Was erwartet mich?**
        Eine Seminarreihe zur Qualifizierung, eine feste Ansprechperson in der Koordinierungsstelle und auf Wunsch ein Mentoring.
        """;

    private static string Contact(Pool pool) => $"""
        **Koordinierungsstelle {pool.Name}**

        E-Mail: [{pool.ContactEmail}](mailto:{pool.ContactEmail})

        Anfragen von Kommunen nehmen wir am liebsten über das [Anfrageformular](../requests/new) entgegen; dann sind alle
        Angaben gleich beisammen.

        Wer für diese Seite verantwortlich ist, steht im [Impressum](../impressum); wie wir mit Ihren Daten umgehen, in der
        [Datenschutzerklärung](../datenschutz).
        """;
}
