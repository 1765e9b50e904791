using Beraterpool.Web.Features.Privacy.Processing;

namespace Beraterpool.Web.Features.Advisors;

[DeclaresProcessing]
public static class AdvisorProcessing
{
    public static readonly ProcessingActivity[] Activities =
    [
        new("advisors.pool",
            "Führung des Pools: Profile der Berater*innen, Verfügbarkeit und Vorschläge für Anfragen",
            "Berater*innen (auch Bewerber*innen und Ehemalige)",
            "Name, E-Mail, Geschlecht, Geburtsjahr, Wohnort, Sprachen, Themenfelder, Expertise, Kurzbiografie, Foto, Beratungstage, Abwesenheiten, kommunaler Arbeitgeber",
            "Koordinierungsstelle des Pools; Administration",
            "Aufbewahrungsregel „Profil nach Austritt“; bis zur Löschung auf Verlangen (Art. 17)",
            "Art. 6 Abs. 1 lit. b DSGVO (Mitwirkung im Pool, Honorarvereinbarung)",
            "Nur die Koordinierung des eigenen Pools sieht Profile; der Arbeitgeber ist nur der Koordinierung sichtbar; Foto getrennt gespeichert. " + ProcessingRegistry.CommonMeasures,
            [typeof(Advisor), typeof(AdvisorLanguage), typeof(AdvisorTopic), typeof(BlockedPeriod), typeof(AdvisorPhoto)]),
        new("advisors.directory",
            "Öffentliches Verzeichnis, offene Daten (/api/advisors) und Statistik des Pools",
            "Aktive Berater*innen",
            "Name und nur die freigegebenen Felder: Foto, Wohnort, Geschlecht, Alter, Sprachen, Themenfelder, Expertise, Kurzbiografie",
            "Öffentlichkeit (Kommunen, Besucher*innen)",
            "Bis zum Widerruf der Einwilligung; der Widerruf wirkt sofort in Verzeichnis, Profil, JSON und Statistik",
            "Art. 6 Abs. 1 lit. a DSGVO (Einwilligung je Feld)",
            "Einwilligung je Feld, jederzeit widerrufbar; Statistik zählt nur Einwilligende und nennt keine Werte neben Personen. " + ProcessingRegistry.CommonMeasures,
            [typeof(AdvisorConsent)]),
        new("advisors.origin",
            "Veröffentlichung der Herkunftsländer (Migrationsgeschichte ist Programmzweck)",
            "Aktive Berater*innen, die ausdrücklich eingewilligt haben",
            "Herkunftsländer (besondere Kategorie: ethnische Herkunft)",
            "Koordinierungsstelle (für Vorschläge); Öffentlichkeit nur mit ausdrücklicher Einwilligung",
            "Bis zum Widerruf der ausdrücklichen Einwilligung (öffentlich); intern wie das Profil",
            "Art. 9 Abs. 2 lit. a DSGVO (ausdrückliche Einwilligung)",
            "Nur die Person selbst gibt oder widerruft die Einwilligung; die Koordinierung sieht sie nur lesend. " + ProcessingRegistry.CommonMeasures,
            [typeof(AdvisorCountry)]),
    ];
}
