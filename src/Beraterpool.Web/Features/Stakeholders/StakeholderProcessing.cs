using Beraterpool.Web.Features.Privacy.Processing;

namespace Beraterpool.Web.Features.Stakeholders;

[DeclaresProcessing]
public static class StakeholderProcessing
{
    public static readonly ProcessingActivity[] Activities =
    [
        new("stakeholders",
            "Netzwerkarbeit des Pools: Kontakte zu Organisationen und Ansprechpersonen, Verlauf der Gespräche, Wiedervorlagen",
            "Ansprechpersonen bei Behörden, Netzwerken, Kommunen und Organisationen; Koordinierende als Zuständige von Wiedervorlagen",
            "Name, Funktion, E-Mail-Adresse, Telefon, Organisation, Schlagworte, Notizen; Einwilligung in die Kontaktaufnahme mit Datum, Quelle und Widerruf; Gespräche und Termine",
            "Koordinierungsstelle des Pools; keine Weitergabe",
            "Solange der Pool mit der Person zusammenarbeitet; auf Wunsch sofort (Löschung über die E-Mail-Adresse). Ohne Einwilligung oder nach Widerruf wird die Person nicht für Aussendungen angeboten",
            "Art. 6 Abs. 1 lit. e DSGVO (Öffentlichkeits- und Netzwerkarbeit des Programms); für Aussendungen lit. a (Einwilligung)",
            "Nur die Koordinierung des Pools sieht die Kontakte. " + ProcessingRegistry.CommonMeasures,
            [typeof(Contact), typeof(ContactOrganisation), typeof(TimelineEntry), typeof(FollowUp)]),
    ];
}
