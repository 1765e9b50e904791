using Beraterpool.Web.Features.Privacy.Processing;

namespace Beraterpool.Web.Features.Events;

[DeclaresProcessing]
public static class EventProcessing
{
    public static readonly ProcessingActivity[] Activities =
    [
        new("events",
            "Veranstaltungen des Pools (Dialogforen, Vorträge, Informationsveranstaltungen): Anmeldung, Warteliste, Erinnerung, Teilnahmeliste",
            "Teilnehmende und Interessierte (ohne Konto); vortragende Berater*innen",
            "Name, E-Mail-Adresse, Organisation, Funktion, Hinweise zur Teilnahme, Antworten auf die Fragen der Veranstaltung (mit dem Fragetext), Anmeldestatus, Anwesenheit; Zeitpunkt der Einwilligung",
            "Koordinierungsstelle des Pools; die Namen vortragender Berater*innen erscheinen auf der öffentlichen Veranstaltungsseite",
            $"Name, E-Mail, Funktion, Hinweise und Antworten werden {EventJob.AnonymiseAfterMonths} Monate nach der Veranstaltung entfernt; Organisation und Anwesenheit bleiben für die Wirkungszahlen",
            "Art. 6 Abs. 1 lit. a DSGVO (Einwilligung im Anmeldeformular) und lit. e (Öffentlichkeitsarbeit des Programms)",
            "Persönlicher Link nur als Hash und verschlüsselt gespeichert; Teilnahmeliste nur für die Koordinierung. " + ProcessingRegistry.CommonMeasures,
            [typeof(EventRegistration), typeof(EventAnswer), typeof(EventPresenter)]),
        new("events-public",
            "Veröffentlichung der Veranstaltungen des Pools mit Partnerkommunen und Kalender-Abonnement",
            "Keine Personen außer den vortragenden Berater*innen (siehe Veranstaltungen) und den Beschäftigten, die Dateien der Dokumentation hochladen",
            "Titel, Zeit, Ort, Partnerkommunen und -organisationen, Beschreibung, Fragen des Anmeldeformulars, Dokumentation mit Dateien (Name der hochladenden Person)",
            "Öffentlichkeit (Website, iCal-Abonnement)",
            "Solange der Pool sie zeigt",
            "Art. 6 Abs. 1 lit. e DSGVO",
            ProcessingRegistry.CommonMeasures,
            [typeof(Event), typeof(EventMunicipality), typeof(EventQuestion), typeof(EventDocument)]),
        new("events-outcomes",
            "Ergebnisse der Veranstaltungen mit Partnerkommunen und Organisationen des Netzwerks, mit Wiedervorlagen; Verlauf der Organisation",
            "Beschäftigte der Koordinierungsstelle, die ein Ergebnis erfassen; Personen nur, soweit der Text sie nennt",
            "Art und Text des Ergebnisses, Kommune oder Organisation, erfassendes Konto, Zeitpunkt",
            "Koordinierungsstelle des Pools",
            "Solange die Veranstaltung gespeichert ist; mit der Organisation gelöscht",
            "Art. 6 Abs. 1 lit. e DSGVO (Netzwerkarbeit des Programms)",
            ProcessingRegistry.CommonMeasures,
            [typeof(EventOutcome)]),
    ];
}
