using Beraterpool.Web.Features.Privacy.Consents;
using Beraterpool.Web.Features.Privacy.Notices;
using Beraterpool.Web.Features.Privacy.Processing;

namespace Beraterpool.Web.Features.Privacy;

[DeclaresProcessing]
public static class PrivacyProcessing
{
    public static readonly ProcessingActivity[] Activities =
    [
        new("privacy.consents",
            "Nachweis der Einwilligungen: was, wann, wie und durch wen erteilt oder widerrufen wurde",
            "Berater*innen; Ansprechpersonen der Kommunen",
            "Zweck und Wortlaut der Einwilligung, Zeitpunkt, Weg, Konto-ID oder Name und E-Mail der Ansprechperson",
            "Die betroffene Person; Koordinierungsstelle; Administration",
            "Wie der Datensatz, zu dem die Einwilligung gehört",
            "Art. 6 Abs. 1 lit. c DSGVO i. V. m. Art. 7 Abs. 1 DSGVO",
            "Einträge werden nur angefügt, nie geändert. " + ProcessingRegistry.CommonMeasures,
            [typeof(ConsentRecord)]),
        new("privacy.notices",
            "Datenschutzerklärung und Impressum der Pools",
            "Koordinierung (letzte Bearbeitung)",
            "Konto-ID der letzten Bearbeitung, Zeitpunkt",
            "Öffentlichkeit (nur die Texte)",
            "Bis zur nächsten Bearbeitung",
            "Art. 6 Abs. 1 lit. c DSGVO (Art. 13 DSGVO, § 5 DDG)",
            ProcessingRegistry.CommonMeasures,
            [typeof(PoolNotice)]),
    ];
}
