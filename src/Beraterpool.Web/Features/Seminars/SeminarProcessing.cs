using Beraterpool.Web.Features.Privacy.Processing;

namespace Beraterpool.Web.Features.Seminars;

[DeclaresProcessing]
public static class SeminarProcessing
{
    public static readonly ProcessingActivity[] Activities =
    [
        new("seminars",
            "Qualifizierung: Seminarreihen des Pools mit Einladungen, Zu- und Absagen, Anwesenheit und Zertifikaten",
            "Berater*innen in Qualifizierung und weitere eingeladene Poolmitglieder",
            "Teilnahme an der Reihe (seit wann), Zu- oder Absage je Seminar, Anwesenheit (anwesend, verspätet, früher gegangen, entschuldigt, abwesend), wer sie wann erfasst hat; ausgestellte Zertifikate mit Name, Datum und Prüfcode",
            "Koordinierungsstelle des Pools; die Person selbst; wer einen Prüfcode kennt, sieht Name, Reihe und Ausstellungsdatum des Zertifikats",
            "Solange das Profil besteht; bei Löschung der Person werden Anwesenheit und Antworten entfernt und das Zertifikat bestätigt keinen Namen mehr",
            "Art. 6 Abs. 1 lit. b DSGVO (Teilnahme an der Qualifizierung des Pools) und lit. e",
            "Persönlicher Link nur als Hash gespeichert; Prüfcode zufällig (100 Bit); Anwesenheit nur für die Koordinierung, Änderungen im Protokoll. " + ProcessingRegistry.CommonMeasures,
            [typeof(SeminarParticipant), typeof(SeminarAttendance), typeof(SeminarCertificate)]),
        new("seminars-programme",
            "Planung der Seminarreihen: Titel, Termine, Orte, Trainer*innen, Themen, Ablauf und Materialien",
            "Trainer*innen (Name als Text); wer Materialien hochlädt",
            "Titel, Zeiten, Ort, Online-Link, Namen der Trainer*innen, Themen, Ablauf, Materialien (Texte und Dateien, mit Name der hochladenden Person und Zeitpunkt), Links für Trainer*innen (Name, Gültigkeit; die E-Mail-Adresse wird nur zum Versand genutzt und nicht gespeichert)",
            "Koordinierungsstelle und Teilnehmende des Pools; Trainer*innen mit einem gültigen Link sehen die Namen und Zusagen der Teilnehmenden dieses einen Seminars",
            "Solange der Pool sie führt; Links enden 3 Tage nach dem Seminar oder wenn die Koordinierungsstelle sie sperrt",
            "Art. 6 Abs. 1 lit. e DSGVO",
            "Link nur als Hash gespeichert, befristet und sperrbar; Dateien nach Inhalt geprüft (höchstens 10 MB). " + ProcessingRegistry.CommonMeasures,
            [typeof(SeminarSeries), typeof(Seminar), typeof(SeminarMaterial), typeof(SeminarTrainerLink)]),
    ];
}
