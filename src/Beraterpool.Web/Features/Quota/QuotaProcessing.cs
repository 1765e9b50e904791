using Beraterpool.Web.Features.Privacy.Processing;

namespace Beraterpool.Web.Features.Quota;

[DeclaresProcessing]
public static class QuotaProcessing
{
    public static readonly ProcessingActivity[] Activities =
    [
        new("quota",
            "Erhöhung des Tageskontingents einer Kommune mit schriftlicher Begründung",
            "Koordinierung (entscheidende Person)",
            "Konto der entscheidenden Person, Begründung, Zeitpunkt",
            "Koordinierungsstelle; Administration",
            "Wie die Begleitungen des Jahres",
            "Art. 6 Abs. 1 lit. e DSGVO",
            ProcessingRegistry.CommonMeasures,
            [typeof(QuotaIncrease)]),
    ];
}
