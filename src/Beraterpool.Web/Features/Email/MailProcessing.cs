using Beraterpool.Web.Features.Privacy.Processing;

namespace Beraterpool.Web.Features.Email;

[DeclaresProcessing]
public static class MailProcessing
{
    public static readonly ProcessingActivity[] Activities =
    [
        new("outbox",
            "Versand von Benachrichtigungen per E-Mail (Postausgang mit Wiederholung bei Störungen des Mailservers)",
            "Alle Empfänger*innen von Benachrichtigungen: Kommunen, Berater*innen, Koordinierung, Administration",
            "E-Mail-Adresse, Betreff, Text der Nachricht (bis zum Versand), Zeitpunkte und Fehlermeldungen der Zustellversuche",
            "Der eigene Mailserver des Betreibers; Koordinierung des Pools sieht die Mails ihres Pools",
            "Text wird nach dem Versand geleert; die Zeile wird nach der Regel „Versendete E-Mails“ gelöscht",
            "Art. 6 Abs. 1 lit. b und e DSGVO",
            "Einmal-Links werden nach dem Versand aus der Datenbank entfernt. " + ProcessingRegistry.CommonMeasures,
            [typeof(OutboxMail)]),
    ];
}
