using Beraterpool.Web.Features.Privacy.Processing;

namespace Beraterpool.Web.Features.Requests;

[DeclaresProcessing]
public static class RequestProcessing
{
    public static readonly ProcessingActivity[] Activities =
    [
        new("requests",
            "Bearbeitung von Beratungsanfragen der Kommunen: Erstgespräch, Vorschlag, Verlauf",
            "Ansprechpersonen der Kommunen; Mitarbeitende der Koordinierungsstelle",
            "Name, Funktion, Dienststelle, dienstliche E-Mail und Telefon, Ziel und Bedarf, Gesprächsnotizen, interne Notizen, Statusverlauf",
            "Koordinierungsstelle des Pools; die begleitenden Berater*innen",
            "Aufbewahrungsregel „Zurückgezogene oder abgelehnte Anfragen“; sonst wie die Begleitung",
            "Art. 6 Abs. 1 lit. e DSGVO (öffentliche Aufgabe); Einwilligung nach lit. a im Anfrageformular",
            "Persönlicher Link nur als Hash gespeichert; interne Notizen nur für die Koordinierung. " + ProcessingRegistry.CommonMeasures,
            [typeof(ConsultationRequest), typeof(RequestTopic), typeof(RequestLanguage), typeof(RequestStatusChange), typeof(IntakeConversation),
             typeof(Manage.InternalNote)]),
    ];
}
