using Beraterpool.Web.Features.Privacy.Processing;

namespace Beraterpool.Web.Features.Audit;

[DeclaresProcessing]
public static class AuditProcessing
{
    public static readonly ProcessingActivity[] Activities =
    [
        new("audit",
            "Protokoll der Verwaltungshandlungen und Sicherheitsereignisse (Nachweis, Datensicherheit)",
            "Kontoinhaber*innen; Personen, deren Daten geändert wurden",
            "Konto-ID, Zeitpunkt, Handlung, betroffener Datensatz, Einzelheiten der Änderung; in Löschnachweisen, Aufbewahrungsregeln und Berichten des Löschlaufs nur Konto und Name der handelnden Administrator*in",
            "Administration",
            "Aufbewahrungsregel „Protokolleinträge“",
            "Art. 6 Abs. 1 lit. c DSGVO i. V. m. Art. 5 Abs. 2 und Art. 32 DSGVO",
            "Nur die Administration liest das Protokoll; Einträge werden mit der Änderung gespeichert. " + ProcessingRegistry.CommonMeasures,
            [typeof(AuditEntry), typeof(Privacy.ErasureReceipt), typeof(Privacy.Retention.RetentionRule), typeof(Privacy.Retention.RetentionRun)]),
    ];
}
