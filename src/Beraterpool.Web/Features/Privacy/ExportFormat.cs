namespace Beraterpool.Web.Features.Privacy;

/// <summary>The description of the export's structure: <c>LIESMICH.txt</c> in every ZIP (docs/datenschutz-auskunft.md says the same).</summary>
public static class ExportFormat
{
    public const string Readme = """
        Auskunft nach Art. 15 DSGVO und Datenübertragbarkeit nach Art. 20 DSGVO
        ========================================================================

        Diese ZIP-Datei enthält alle Daten, die der Beraterpool zu Ihrer E-Mail-Adresse, Ihrem Konto und
        Ihrem Profil gespeichert hat.

        Inhalt
        ------
        daten.json        Alle Daten maschinenlesbar (JSON, UTF-8). Aufbau siehe unten.
        uebersicht.html   Dieselben Daten lesbar aufbereitet; öffnen Sie die Datei in einem Browser.
        LIESMICH.txt      Diese Beschreibung.
        foto-<Nr>.<Typ>   Ihr Profilfoto, falls hinterlegt.
        dokumente/        Dokumente, die Sie in Begleitungen hochgeladen haben.
        belege/           Belege zu Reisekosten in Ihren Honorarabrechnungen.
        honorare/         Ihre Honorarabrechnungen als PDF (mit vollständiger IBAN).

        Aufbau von daten.json
        ---------------------
        Ein Objekt mit diesen Feldern. Jeder Abschnitt ist vorhanden, eine leere Liste heißt: dazu ist nichts
        gespeichert. Zeitpunkte sind ISO 8601 mit Zeitzone (UTC), Tage JJJJ-MM-TT, Geldbeträge Euro als Zahl,
        Beratungstage in halben Tagen (2 = ein Tag). Aufzählungen stehen als englischer Name (z. B. "Active").
        Pfade zu Dateien sind relativ zur ZIP-Datei.

        format            immer "beraterpool-auskunft"
        version           Version dieses Aufbaus (zurzeit 1); neue Felder erhöhen sie nicht, geänderte schon
        createdAt         Zeitpunkt der Auskunft
        email             die E-Mail-Adresse, zu der die Auskunft erstellt wurde
        account           Ihr Konto: E-Mail, Name, Sprache, Rollen, zweiter Faktor an/aus, Sperre,
                          Anmeldungen (Zeitpunkte), koordinierte Pools, Kommunen-Konten. Nie enthalten sind
                          Passwort-Hash, Sicherheitsstempel, Authenticator-Schlüssel und Wiederherstellungscodes.
                          null, wenn Sie kein Konto haben.
        advisorProfiles   Ihre Berater*innen-Profile mit allen Feldern, Herkunftsländern (countriesOfOrigin),
                          Sprachen, Themen, Einwilligungen (consents: Feld, wann, wie, durch wen),
                          Zeiten ohne Verfügbarkeit und dem Dateinamen des Fotos
        bankDetails       Ihre Bankverbindung mit vollständiger IBAN, Anschrift und Steuernummer
        requests          Beratungsanfragen, deren Ansprechperson Sie sind, mit ihrem Verlauf (timeline)
        invitations       Anfragen, für die die Koordinierungsstelle Sie vorgeschlagen hat, und Ihre Antwort
        engagements       Begleitungen, in denen Sie beraten (role "advisor") oder Ansprechperson sind
                          (role "contact"), mit Ihrer Reflexion und der Rückmeldung der Kommune
        activities        Tätigkeiten, die Sie eingetragen haben oder die Ihnen zugerechnet sind
        days              Beratungstage je Jahr und Kommune (halfDays, davon freigegeben: approvedHalfDays)
        actionOptions     Handlungsoptionen Ihrer Begleitungen
        learnings         Erkenntnisse, die Sie geschrieben haben
        comments          Kommentare, die Sie geschrieben haben
        documents         Dokumente, die Sie hochgeladen haben (file: Pfad in dokumente/)
        contactShares     Kontaktdaten, die Sie in einer Begleitung weitergegeben haben
        feeStatements     Ihre Honorarabrechnungen mit Reisekosten (receipt: Pfad in belege/, pdf: Pfad in honorare/)
        messages          Nachrichten, die Sie geschrieben haben (writtenByYou true), und die Nachrichten zu
                          Anfragen, deren Ansprechperson Sie sind
        internalNotes     interne Notizen, die Sie (als Koordinierungsstelle) geschrieben haben
        auditEntries      Protokolleinträge über Ihr Konto oder Profil (byYou false) und über Ihre eigenen
                          Handlungen (byYou true)
        consentHistory    jede Erteilung und jeder Widerruf einer Einwilligung: Zweck (purpose), Erteilt/Widerrufen
                          (action), Wortlaut des damals gezeigten Textes (wording), wie (via) und durch wen (byName)
        mails             E-Mails an Ihre Adresse im Postausgang: Betreff, Art, Status, Versandzeit; der Text nur,
                          solange die E-Mail noch nicht versandt ist (danach wird er geleert)
        eventRegistrations Anmeldungen zu Veranstaltungen unter Ihrer Adresse: Veranstaltung, Ihre Angaben,
                          Stand (status), Zeitpunkte von Anmeldung, Einwilligung, Absage und Anwesenheit,
                          Ihre Antworten auf die Fragen der Veranstaltung (answers: Frage und Antwort)
        seminarAttendance Seminare der Qualifizierung: Reihe, Seminar, Beginn, seit wann Sie teilnehmen
                          (joinedAt), Ihre Antwort (rsvp) und die erfasste Anwesenheit (attendance)
        certificates      Ihre Zertifikate: Reihe, Prüfcode, Name, Ausstellungsdatum
        mentorships       Mentoring, an dem Sie als Berater*in (role advisor) oder als Mentor*in (role mentor)
                          teilnehmen: Ziele, Zeitraum, Stand und die Treffen mit Themen und nächsten Schritten
        contactPersons    Ihre Ansprechperson in der Koordinierungsstelle (role advisor) oder die Berater*innen,
                          deren Ansprechperson Sie sind (role contact), mit der angegebenen Telefonnummer
        stakeholderContacts Ihre Angaben als Kontakt im Netzwerk eines Pools: Name, Funktion, Organisationen,
                          Notizen, Einwilligung in die Kontaktaufnahme (Datum, Quelle, Widerruf)
        applications      Ihre Bewerbungen auf Ausschreibungen: Ihre Angaben und Antworten, die Namen Ihrer
                          Dateien, die mitgeteilte Entscheidung (decision) und die abgeschickten Gutachten der
                          Auswahlkommission mit Bewertungen und Kommentaren, ohne die Namen der Gutachter*innen
        interviews        Interviews mit Kommunen, die Sie geführt haben: Leitfaden, Kommune, Datum (heldOn),
                          Funktion der befragten Person, ob abgeschlossen (finished) und wer es mit Ihnen führte;
                          die Antworten beschreiben die Kommune und stehen deshalb nicht hier

        Fragen zu dieser Auskunft beantwortet die Koordinierungsstelle Ihres Pools.
        """;
}
