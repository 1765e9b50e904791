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
            "Name, E-Mail-Adresse, Organisation, Funktion, Hinweise zur Teilnahme, Anmeldestatus, Anwesenheit; Zeitpunkt der Einwilligung",
            "Koordinierungsstelle des Pools; die Namen vortragender Berater*innen erscheinen auf der öffentlichen Veranstaltungsseite",
            $"Name, E-Mail, Funktion und Hinweise werden {EventJob.AnonymiseAfterMonths} Monate nach der Veranstaltung entfernt; Organisation und Anwesenheit bleiben für die Wirkungszahlen",
            "Art. 6 Abs. 1 lit. a DSGVO (Einwilligung im Anmeldeformular) und lit. e (Öffentlichkeitsarbeit des Programms)",
            "Persönlicher Link nur als Hash und verschlüsselt gespeichert; Teilnahmeliste nur für die Koordinierung. " + ProcessingRegistry.CommonMeasures,
            [typeof(EventRegistration), typeof(EventPresenter)]),
        new("events-public",
            "Veröffentlichung der Veranstaltungen des Pools mit Partnerkommunen und Kalender-Abonnement",
            "Keine Personen außer den vortragenden Berater*innen (siehe Veranstaltungen)",
            "Titel, Zeit, Ort, Partnerkommunen und -organisationen, Beschreibung, Dokumentation",
            "Öffentlichkeit (Website, iCal-Abonnement)",
            "Solange der Pool sie zeigt",
            "Art. 6 Abs. 1 lit. e DSGVO",
            ProcessingRegistry.CommonMeasures,
            [typeof(Event), typeof(EventMunicipality)]),
    ];
}
