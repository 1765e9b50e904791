using Beraterpool.Web.Features.Privacy.Processing;

namespace Beraterpool.Web.Features.Mentoring;

[DeclaresProcessing]
public static class MentoringProcessing
{
    public static readonly ProcessingActivity[] Activities =
    [
        new("mentoring",
            "Mentoring-Programm: Paare aus Mentor*in und Berater*in mit Zielen, Zeitraum, Stand und Protokoll der Treffen",
            "Berater*innen des Pools; Mentor*innen (auch externe, mit Konto)",
            "Zuordnung Mentor*in – Berater*in, Ziele, Beginn und Ende, Stand, Datum, Themen und vereinbarte nächste Schritte der Treffen, wer sie eingetragen hat",
            "Die Koordinierungsstelle des Pools (alle Paare des Pools); die Mentor*in (nur eigene Paare); die Berater*in (nur das eigene Mentoring)",
            "Solange die Berater*in zum Pool gehört; mit der Löschung der Berater*in oder des Kontos der Mentor*in werden die Paare und ihre Treffen gelöscht",
            "Art. 6 Abs. 1 lit. e DSGVO (Qualifizierung der Berater*innen im Programm) und lit. b (Mitwirkung im Pool)",
            "Sichtbar nur für die Beteiligten und die Koordinierung des Pools; jede Statusänderung wird protokolliert. " + ProcessingRegistry.CommonMeasures,
            [typeof(Mentorship), typeof(MentoringMeeting)]),
        new("contact-persons",
            "Persönliche Ansprechperson jeder Berater*in in der Koordinierungsstelle",
            "Berater*innen des Pools; Beschäftigte der Koordinierungsstelle",
            "Zuordnung Berater*in – Ansprechperson; Name, dienstliche E-Mail-Adresse und Telefonnummer der Ansprechperson",
            "Die jeweilige Berater*in (auf ihrer Übersicht) und die Koordinierungsstelle des Pools",
            "Solange die Berater*in zum Pool gehört oder bis eine andere Ansprechperson eingetragen ist",
            "Art. 6 Abs. 1 lit. e DSGVO (Begleitung der Berater*innen im Programm)",
            ProcessingRegistry.CommonMeasures,
            [typeof(AdvisorContactPerson)]),
    ];
}
