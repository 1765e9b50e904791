using Beraterpool.Web.Features.Privacy.Processing;

namespace Beraterpool.Web.Features.Applications;

[DeclaresProcessing]
public static class CallProcessing
{
    public static readonly ProcessingActivity[] Activities =
    [
        new("calls-public",
            "Veröffentlichung der Ausschreibungen des Pools (Text, Voraussetzungen, Bewertungskriterien, Fragen des Bewerbungsformulars)",
            "Keine Personen",
            "Titel, Text, Voraussetzungen, Zeitraum, Kriterien mit Gewichtung, Fragen",
            "Öffentlichkeit (Website), solange die Ausschreibung offen ist; die Koordinierungsstelle",
            "Solange der Pool sie aufbewahrt",
            "Art. 6 Abs. 1 lit. e DSGVO",
            ProcessingRegistry.CommonMeasures,
            [typeof(Call), typeof(CallCriterion), typeof(CallQuestion)]),
        new("calls-applications",
            "Bewerbungen auf Ausschreibungen: Eingang, Änderung über den persönlichen Link bis zum Bewerbungsschluss, Begutachtung durch die Auswahlkommission, Entscheidung",
            "Bewerber*innen",
            "Name, E-Mail-Adresse, Telefon, Wohnort, Geschlecht, Geburtsjahr, Sprachen, Themenfelder, Motivation, Erfahrung, Antworten auf die Fragen, Lebenslauf und weitere Dateien; Herkunftsländer (besondere Kategorie nach Art. 9 DSGVO) nur mit ausdrücklicher Einwilligung",
            "Die Koordinierungsstelle des Pools; die Auswahlkommission (Gutachter*innen) bei anonymer Begutachtung ohne Name, Alter, Geschlecht und Herkunftsland",
            "Abgelehnte Bewerbungen werden nach der Aufbewahrungsfrist des Pools (Voreinstellung 6 Monate nach der Entscheidung) gelöscht; angenommene gehen in das Profil der Berater*in über; hochgeladene, nie abgeschickte Dateien nach einem Tag",
            "Art. 6 Abs. 1 lit. b DSGVO (Anbahnung der Zusammenarbeit); Art. 9 Abs. 2 lit. a DSGVO (ausdrückliche Einwilligung) für die Herkunftsländer",
            ProcessingRegistry.CommonMeasures,
            [typeof(Application), typeof(ApplicationAnswer), typeof(ApplicationFile), typeof(Review), typeof(ReviewScore)]),
        new("calls-committee",
            "Auswahlkommission einer Ausschreibung: Berufung der Mitglieder, Zuweisung von Bewerbungen, erklärte Interessenkonflikte",
            "Mitglieder der Auswahlkommission (Gutachter*innen)",
            "Konto (Name, E-Mail-Adresse), Mitgliedschaft je Ausschreibung, Zuweisungen, Interessenkonflikte, eigene Bewertungen und Kommentare",
            "Die Koordinierungsstelle des Pools; die anderen Mitglieder sehen Bewertungen und Namen, wenn die Ausschreibung es vorsieht",
            "Mitgliedschaft solange die Ausschreibung besteht; Bewertungen mit der Bewerbung",
            "Art. 6 Abs. 1 lit. b und e DSGVO",
            ProcessingRegistry.CommonMeasures,
            [typeof(CommitteeMember)]),
    ];
}
