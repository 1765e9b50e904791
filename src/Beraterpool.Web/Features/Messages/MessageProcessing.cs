using Beraterpool.Web.Features.Privacy.Processing;

namespace Beraterpool.Web.Features.Messages;

[DeclaresProcessing]
public static class MessageProcessing
{
    public static readonly ProcessingActivity[] Activities =
    [
        new("messages",
            "Nachrichten zwischen Kommunen bzw. Berater*innen und der Koordinierungsstelle",
            "Ansprechpersonen der Kommunen; Berater*innen; Koordinierung",
            "Name der Absender*in, Nachrichtentext, Zeitpunkt",
            "Koordinierungsstelle des Pools; die jeweilige Gegenseite",
            "Wie der Vorgang, zu dem die Nachricht gehört",
            "Art. 6 Abs. 1 lit. b und e DSGVO",
            ProcessingRegistry.CommonMeasures,
            [typeof(Message)]),
    ];
}
