using Beraterpool.Web.Features.Privacy.Processing;

namespace Beraterpool.Web.Features.Engagements;

[DeclaresProcessing]
public static class EngagementProcessing
{
    public static readonly ProcessingActivity[] Activities =
    [
        new("engagements",
            "Begleitung einer Kommune: Vorschläge an Berater*innen, Aktivitäten, Handlungsoptionen, Erkenntnisse, Kommentare, Dokumente",
            "Berater*innen; Ansprechpersonen der Kommunen",
            "Namen, Einträge und Texte der Beteiligten, frühere Fassungen korrigierter Texte, weitergegebene Kontaktdaten, hochgeladene Dokumente",
            "Die Beteiligten der Begleitung; Koordinierungsstelle des Pools",
            "Aufbewahrungsregel „Abgeschlossene Begleitungen“",
            "Art. 6 Abs. 1 lit. b und e DSGVO; Kontaktweitergabe mit Einwilligung (lit. a)",
            "Nur Beteiligte und die Koordinierung sehen die Akte; Kontaktdaten der Berater*innen nur mit deren Einwilligung. " + ProcessingRegistry.CommonMeasures,
            [typeof(EngagementInvitation), typeof(Engagement), typeof(EngagementAdvisor), typeof(Activity), typeof(ActionOption), typeof(Learning),
             typeof(EngagementComment), typeof(EngagementDocument), typeof(Revisions.Revision), typeof(ContactShare)]),
    ];
}
