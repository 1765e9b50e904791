using Beraterpool.Web.Features.Privacy.Processing;

namespace Beraterpool.Web.Features.Fees;

[DeclaresProcessing]
public static class FeeProcessing
{
    public static readonly ProcessingActivity[] Activities =
    [
        new("fees",
            "Honorarabrechnung und Zahlung der Berater*innen",
            "Berater*innen",
            "Name, Anschrift, Steuernummer, Bankverbindung (IBAN), abgerechnete Tage, Reisekosten, Belege",
            "Koordinierungsstelle; Buchhaltung der zahlenden Stelle; Kreditinstitut (SEPA)",
            "Aufbewahrungsregel „Honorarabrechnungen“: 10 Jahre (§ 147 AO), dann Löschung",
            "Art. 6 Abs. 1 lit. b DSGVO (Honorarvertrag) und lit. c (§ 147 AO, § 14 UStG)",
            "IBAN verschlüsselt gespeichert, außer für die Buchhaltung nur gekürzt angezeigt; Vier-Augen-Freigabe wählbar. " + ProcessingRegistry.CommonMeasures,
            [typeof(FeeStatement), typeof(TravelCost), typeof(AdvisorBankDetails)]),
    ];
}
