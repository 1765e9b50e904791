using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;

namespace Beraterpool.Web.Features.Privacy;

/// <summary>
/// <c>uebersicht.html</c>: the same data as <c>daten.json</c>, readable in a browser — one heading per section, a table
/// per record. Written from the JSON itself, so that the summary can never leave out what the file holds.
/// </summary>
public static class ExportSummary
{
    private static readonly (string Key, string Title)[] Sections =
    [
        ("account", "Ihr Konto"), ("advisorProfiles", "Ihr Profil als Berater*in"), ("bankDetails", "Bankverbindung"),
        ("requests", "Beratungsanfragen"), ("invitations", "Vorschläge für Anfragen"), ("engagements", "Begleitungen"),
        ("activities", "Tätigkeiten"), ("days", "Beratungstage"), ("actionOptions", "Handlungsoptionen"), ("learnings", "Erkenntnisse"),
        ("comments", "Kommentare"), ("documents", "Dokumente"), ("contactShares", "Weitergegebene Kontaktdaten"),
        ("feeStatements", "Honorarabrechnungen"), ("messages", "Nachrichten"), ("internalNotes", "Interne Notizen"),
        ("auditEntries", "Protokolleinträge"), ("consentHistory", "Verlauf Ihrer Einwilligungen"), ("mails", "E-Mails an Sie im Postausgang"),
        ("eventRegistrations", "Anmeldungen zu Veranstaltungen"),
        ("seminarAttendance", "Seminare: Zu- und Absagen, Anwesenheit"), ("certificates", "Zertifikate"),
        ("mentorships", "Mentoring"), ("contactPersons", "Ansprechperson in der Koordinierungsstelle"),
        ("stakeholderContacts", "Kontakte im Netzwerk"), ("applications", "Bewerbungen auf Ausschreibungen"),
        ("interviews", "Interviews mit Kommunen"),
    ];

    private static readonly Dictionary<string, string> Labels = new()
    {
        ["id"] = "Nr.", ["email"] = "E-Mail", ["emailConfirmed"] = "E-Mail bestätigt", ["displayName"] = "Name", ["phoneNumber"] = "Telefon",
        ["culture"] = "Sprache", ["createdAt"] = "Angelegt", ["updatedAt"] = "Geändert", ["roles"] = "Rollen", ["twoFactorEnabled"] = "Zweiter Faktor an",
        ["lockoutEnd"] = "Gesperrt bis", ["accessFailedCount"] = "Fehlversuche", ["externalLogins"] = "Externe Anmeldungen", ["signIns"] = "Anmeldungen",
        ["coordinatedPools"] = "Koordinierte Pools", ["municipalityAccounts"] = "Kommunen-Konten", ["pool"] = "Pool", ["slug"] = "Adresse im Verzeichnis",
        ["firstName"] = "Vorname", ["lastName"] = "Nachname", ["status"] = "Status", ["gender"] = "Geschlecht", ["genderSelfDescription"] = "Selbstbeschreibung",
        ["birthYear"] = "Geburtsjahr", ["cityKey"] = "Wohnort (Schlüssel)", ["city"] = "Ort", ["expertise"] = "Fachgebiete", ["bio"] = "Über mich",
        ["daysPerMonth"] = "Tage im Monat", ["employerKey"] = "Arbeitgeber (Schlüssel)", ["countriesOfOrigin"] = "Herkunftsländer", ["languages"] = "Sprachen",
        ["topics"] = "Themen", ["consents"] = "Einwilligungen", ["blockedPeriods"] = "Nicht verfügbar", ["photo"] = "Foto", ["advisorId"] = "Profil-Nr.",
        ["accountHolder"] = "Kontoinhaber*in", ["iban"] = "IBAN", ["ibanLast4"] = "IBAN (letzte 4)", ["bic"] = "BIC", ["street"] = "Straße",
        ["postalCode"] = "PLZ", ["taxNumber"] = "Steuernummer", ["reference"] = "Zeichen", ["municipalityKey"] = "Gemeindeschlüssel",
        ["municipality"] = "Kommune", ["department"] = "Dienststelle", ["contactName"] = "Ansprechperson", ["contactFunction"] = "Funktion",
        ["contactEmail"] = "E-Mail", ["contactPhone"] = "Telefon", ["goal"] = "Ziel", ["need"] = "Bedarf", ["preferredFrom"] = "Gewünscht ab",
        ["preferredTo"] = "Gewünscht bis", ["format"] = "Format", ["heardFrom"] = "Aufmerksam geworden durch", ["consentGivenAt"] = "Einwilligung am",
        ["statusReason"] = "Begründung", ["timeline"] = "Verlauf", ["requestReference"] = "Anfrage", ["reason"] = "Begründung",
        ["respondedAt"] = "Beantwortet", ["role"] = "Rolle", ["startedAt"] = "Begonnen", ["closedAt"] = "Abgeschlossen", ["reflection"] = "Reflexion",
        ["feedbackRating"] = "Bewertung", ["feedbackText"] = "Rückmeldung", ["engagementId"] = "Begleitung", ["date"] = "Datum", ["kind"] = "Art",
        ["halfDays"] = "Halbe Tage", ["participants"] = "Beteiligte", ["notes"] = "Notizen", ["approvedAt"] = "Freigegeben",
        ["returnQuestion"] = "Rückfrage", ["feeStatementId"] = "Abrechnung", ["year"] = "Jahr", ["approvedHalfDays"] = "davon freigegeben",
        ["title"] = "Titel", ["description"] = "Beschreibung", ["carriedOutBy"] = "Umgesetzt durch", ["dueDate"] = "Fällig", ["authorName"] = "Verfasst von",
        ["side"] = "Seite", ["text"] = "Text", ["fileName"] = "Dateiname", ["contentType"] = "Dateityp", ["size"] = "Größe (Bytes)",
        ["uploadedAt"] = "Hochgeladen", ["file"] = "Datei", ["phone"] = "Telefon", ["channel"] = "Kanal", ["sharedAt"] = "Weitergegeben",
        ["month"] = "Monat", ["dayRate"] = "Tagessatz", ["otherCosts"] = "Sonstige Kosten", ["otherCostsNote"] = "Erläuterung", ["taxNote"] = "Steuerhinweis",
        ["invoiceNumber"] = "Rechnungsnummer", ["submittedAt"] = "Eingereicht", ["paidOn"] = "Bezahlt am", ["payeeAccountHolder"] = "Zahlungsempfänger*in",
        ["payeeIbanLast4"] = "IBAN (letzte 4)", ["returnComment"] = "Rückgabe-Kommentar", ["travelCosts"] = "Reisekosten", ["pdf"] = "PDF",
        ["kilometres"] = "Kilometer", ["amount"] = "Betrag", ["receipt"] = "Beleg", ["body"] = "Text", ["sentAt"] = "Gesendet",
        ["writtenByYou"] = "Von Ihnen", ["at"] = "Zeitpunkt", ["action"] = "Ereignis", ["subject"] = "Betrifft", ["poolId"] = "Pool-Nr.",
        ["details"] = "Einzelheiten", ["byYou"] = "Durch Sie", ["code"] = "Code", ["name"] = "Name", ["level"] = "Niveau", ["field"] = "Feld",
        ["grantedAt"] = "Erteilt", ["grantedVia"] = "Wie", ["grantedByUserId"] = "Erfasst durch (Konto)", ["from"] = "Von", ["to"] = "Bis",
        ["note"] = "Notiz", ["actorName"] = "Durch", ["purpose"] = "Zweck", ["wording"] = "Wortlaut", ["via"] = "Wie", ["byName"] = "Durch",
        ["templateId"] = "Art der Nachricht", ["event"] = "Veranstaltung", ["startsAt"] = "Beginn", ["organisation"] = "Organisation", ["function"] = "Funktion",
        ["registeredAt"] = "Angemeldet am", ["cancelledAt"] = "Abgesagt am", ["checkedInAt"] = "Anwesend seit", ["recipient"] = "An",
        ["series"] = "Seminarreihe", ["seminar"] = "Seminar", ["joinedAt"] = "Teilnahme seit", ["rsvp"] = "Antwort", ["rsvpAt"] = "Geantwortet am",
        ["attendance"] = "Anwesenheit", ["recordedAt"] = "Erfasst am", ["holderName"] = "Name auf dem Zertifikat", ["issuedAt"] = "Ausgestellt am",
        ["advisor"] = "Berater*in", ["mentor"] = "Mentor*in", ["startDate"] = "Beginn", ["endDate"] = "Ende", ["goals"] = "Ziele", ["meetings"] = "Treffen",
        ["topics"] = "Themen", ["nextSteps"] = "Nächste Schritte", ["contactPerson"] = "Ansprechperson", ["assignedAt"] = "Eingetragen am",
        ["call"] = "Ausschreibung", ["motivation"] = "Motivation", ["experience"] = "Erfahrung", ["answers"] = "Antworten", ["question"] = "Frage",
        ["answer"] = "Antwort", ["files"] = "Dateien", ["decision"] = "Entscheidung", ["decisionSentAt"] = "Entscheidung mitgeteilt am",
        ["countriesConsentAt"] = "Einwilligung (Herkunftsländer) am", ["reviews"] = "Gutachten", ["scores"] = "Bewertungen", ["criterion"] = "Kriterium",
        ["score"] = "Bewertung", ["scaleMax"] = "Skala bis", ["comment"] = "Kommentar",
        ["guide"] = "Leitfaden", ["heldOn"] = "Geführt am", ["intervieweeFunction"] = "Funktion der befragten Person", ["finished"] = "Abgeschlossen",
        ["interviewers"] = "Geführt von",
    };

    public static string Html(ExportData data)
    {
        var root = JsonSerializer.SerializeToNode(data, DataExport.Json)!.AsObject();
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"de\"><head><meta charset=\"utf-8\"><title>Ihre Daten im Beraterpool</title>")
            .Append("<style>body{font-family:sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem;line-height:1.4}")
            .Append("table{border-collapse:collapse;margin:.5rem 0 1.5rem}th,td{border:1px solid #bbb;padding:.25rem .5rem;text-align:left;vertical-align:top}")
            .Append("th{background:#f0f0f0}td table{margin:0}</style></head><body>\n")
            .Append("<h1>Ihre Daten im Beraterpool</h1>\n<p>Auskunft nach Art. 15 DSGVO für ").Append(E(data.Email)).Append(", erstellt am ")
            .Append(E(data.CreatedAt.ToString("dd.MM.yyyy HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture)))
            .Append(". Dieselben Daten stehen maschinenlesbar in <code>daten.json</code>; den Aufbau beschreibt <code>LIESMICH.txt</code>.</p>\n");
        foreach (var (key, title) in Sections)
        {
            html.Append("<h2>").Append(E(title)).Append("</h2>\n");
            var node = root[key];
            if (node is null || node is JsonArray { Count: 0 }) html.Append("<p>Dazu ist nichts gespeichert.</p>\n");
            else if (node is JsonArray list) foreach (var item in list) Value(html, item);
            else Value(html, node);
        }
        return html.Append("</body></html>\n").ToString();
    }

    private static void Value(StringBuilder html, JsonNode? node)
    {
        switch (node)
        {
            case null:
                html.Append('–');
                break;
            case JsonObject o:
                html.Append("<table>");
                foreach (var (k, v) in o)
                {
                    html.Append("<tr><th scope=\"row\">").Append(E(Labels.GetValueOrDefault(k) ?? k)).Append("</th><td>");
                    Value(html, v);
                    html.Append("</td></tr>");
                }
                html.Append("</table>\n");
                break;
            case JsonArray a:
                if (a.Count == 0) html.Append('–');
                else if (a.All(x => x is JsonValue)) html.Append(E(string.Join(", ", a.Select(x => Scalar(x!)))));
                else foreach (var x in a) Value(html, x);
                break;
            default:
                html.Append(E(Scalar(node)));
                break;
        }
    }

    private static string Scalar(JsonNode n) => n.GetValueKind() switch
    {
        JsonValueKind.True => "ja",
        JsonValueKind.False => "nein",
        JsonValueKind.String => n.GetValue<string>(),
        _ => n.ToJsonString(),
    };

    /// <summary>Umlauts and other letters stay readable in the file's source; markup characters are escaped.</summary>
    private static readonly System.Text.Encodings.Web.HtmlEncoder Encoder = System.Text.Encodings.Web.HtmlEncoder.Create(UnicodeRanges.All);

    private static string E(string s) => Encoder.Encode(s);
}
