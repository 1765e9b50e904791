using Beraterpool.Web.Features.Privacy.Processing;

namespace Beraterpool.Web.Features.Interviews;

[DeclaresProcessing]
public static class InterviewProcessing
{
    public static readonly ProcessingActivity[] Activities =
    [
        new("interviews",
            "Interviews mit Kommunen zu ihren Bedarfen nach einem Leitfaden; Vergleich der Antworten und Erkenntnisse des Pools",
            "Interviewende Berater*innen und Mitarbeitende der Koordinierungsstelle; befragte Personen der Kommunen nur über ihre Funktion",
            "Wer interviewt hat (Verweis auf Berater*in oder Konto), Funktion der befragten Person (kein Name), Datum, Antworten, Notizen",
            "Koordinierungsstelle des Pools; Zahlen ohne Personenbezug im Jahresbericht",
            "Solange der Pool die Ergebnisse nutzt; die Zuordnung zu Interviewenden endet mit der Löschung ihres Kontos oder Profils",
            "Art. 6 Abs. 1 lit. e DSGVO (Aufgabe des Programms: Bedarfe der Kommunen erheben)",
            "Nur für die Koordinierung des Pools sichtbar. " + ProcessingRegistry.CommonMeasures,
            [typeof(Interview), typeof(InterviewAnswer), typeof(InterviewInterviewer)]),
        new("interview-guides",
            "Interview-Leitfäden des Pools mit Fragen und Erkenntnissen",
            "Keine Personen",
            "Titel, Fragen, Antwortmöglichkeiten, Erkenntnisse",
            "Koordinierungsstelle des Pools",
            "Solange der Pool sie nutzt",
            "Art. 6 Abs. 1 lit. e DSGVO",
            ProcessingRegistry.CommonMeasures,
            [typeof(InterviewGuide), typeof(InterviewQuestion)]),
    ];
}
