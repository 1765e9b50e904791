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
    ];
}
