using Beraterpool.Web.Features.Privacy.Processing;

namespace Beraterpool.Web.Features.Impact;

[DeclaresProcessing]
public static class ImpactProcessing
{
    public static readonly ProcessingActivity[] Activities =
    [
        new("impact",
            "Wirkungsdokumentation: Kennzahlen aus den Vorgängen, Jahresbericht an die Geldgeberin mit Texten der Koordinierung",
            "Koordinierung (Verfasser*innen der Berichtstexte); Berater*innen und Kommunen nur als Zahlen",
            "Konto-ID der letzten Bearbeitung je Berichtstext und Zeitpunkt; eigene Kennzahlen des Pools mit Werten und Quellenangaben (Freitext); die Kennzahlen sind Summen ohne Personenbezug",
            "Koordinierung des Pools und Administration (Bericht und Einzelnachweise); die Öffentlichkeit nur die Summen, die der Pool veröffentlicht",
            "Solange der Pool besteht; bei der Löschung einer Person wird ihre Konto-ID aus den Berichtstexten entfernt",
            "Art. 6 Abs. 1 lit. e DSGVO (Nachweis gegenüber der Geldgeberin)",
            "Einzelnachweise nur für die Koordinierung des Pools. " + ProcessingRegistry.CommonMeasures,
            [typeof(ReportText), typeof(Custom.CustomIndicator), typeof(Custom.CustomIndicatorValue)]),
    ];
}
