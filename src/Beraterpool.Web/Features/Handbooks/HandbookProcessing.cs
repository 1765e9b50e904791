using Beraterpool.Web.Features.Privacy.Processing;

namespace Beraterpool.Web.Features.Handbooks;

[DeclaresProcessing]
public static class HandbookProcessing
{
    public static readonly ProcessingActivity[] Activities =
    [
        new("handbooks",
            "Handbücher und Selbstdarstellung der Pools mit Versionsgeschichte (wer hat wann was geändert)",
            "Koordinierung und Administration (Bearbeitung); in den Texten genannte Personen",
            "Konto-ID der Bearbeitung je Version, Zeitpunkt, Texte der Kapitel in jeder Version",
            "Je nach Sichtbarkeit des Handbuchs: Öffentlichkeit, Berater*innen des Pools oder nur Koordinierung (die Texte); die Versionsgeschichte nur die Koordinierung des Pools",
            "Solange der Pool besteht; bei der Löschung einer Person wird ihre Konto-ID aus den Versionen entfernt",
            "Art. 6 Abs. 1 lit. e DSGVO (Durchführung des Programms), lit. f (Nachvollziehbarkeit der Änderungen)",
            "Markdown wird ohne HTML übernommen und bereinigt ausgegeben. " + ProcessingRegistry.CommonMeasures,
            [typeof(Handbook), typeof(HandbookChapter), typeof(HandbookVersion)]),
    ];
}
