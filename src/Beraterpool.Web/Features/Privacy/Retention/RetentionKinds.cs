namespace Beraterpool.Web.Features.Privacy.Retention;

/// <summary>Months after the event, or full calendar years after the end of the event's year (tax law counts so).</summary>
public enum RetentionUnit { Months, YearsAfterYearEnd }

/// <summary>
/// One kind of record with its retention rule: the legal default, the shortest period an administrator may set (the law's
/// minimum, or what the work still needs), what the job does when the period is over, and the reason in words.
/// </summary>
public sealed record RetentionKind(
    string Key, string Name, string Action, int Default, int Minimum, int Maximum, RetentionUnit Unit, string LegalBasis)
{
    /// <summary>Shown in the list, but no rule yet: the records do not exist in the product so far; says what brings them.</summary>
    public string? ComesWith { get; init; }
    public bool Planned => ComesWith is not null;
}

/// <summary>
/// The retention rules the product knows, written where an administrator or a data protection officer can check them.
/// German texts; the pages translate them through the feature's resource.
/// </summary>
public static class RetentionKinds
{
    public const string WithdrawnRequests = "requests.withdrawn";
    public const string DeclinedRequests = "requests.declined";
    public const string ClosedEngagements = "engagements.closed";
    public const string SecurityAudit = "audit.security";
    public const string ChangeAudit = "audit.changes";
    public const string FeeStatements = "fees.statements";
    public const string DeclinedApplications = "applications.declined";
    public const string SentMails = "outbox.sent";

    public static readonly IReadOnlyList<RetentionKind> All =
    [
        new(WithdrawnRequests, "Zurückgezogene Anfragen",
            "Die Anfrage wird mit Verlauf, Erstgespräch, Notizen, Nachrichten und Vorschlägen gelöscht.",
            Default: 6, Minimum: 1, Maximum: 60, RetentionUnit.Months,
            "Art. 5 Abs. 1 lit. e und Art. 17 Abs. 1 lit. a DSGVO: nach dem Rückzug wird die Anfrage nicht mehr gebraucht. Sechs Monate lassen Zeit für Rückfragen der Kommune und eine erneute Anfrage."),
        new(DeclinedRequests, "Abgelehnte Anfragen",
            "Die Anfrage wird mit Verlauf, Erstgespräch, Notizen, Nachrichten und Vorschlägen gelöscht.",
            Default: 6, Minimum: 1, Maximum: 60, RetentionUnit.Months,
            "Art. 5 Abs. 1 lit. e und Art. 17 Abs. 1 lit. a DSGVO: nach der Ablehnung wird die Anfrage nicht mehr gebraucht. Sechs Monate lassen Zeit für Rückfragen und Beschwerden zur Entscheidung."),
        new(ClosedEngagements, "Abgeschlossene Begleitungen",
            "Name und Kontaktdaten der Ansprechperson der Kommune, Kommentare, Nachrichten, Notizen, Dokumente, Rückmeldungstext und Reflexionen werden entfernt. Kommune, Zeitraum, Themen, Handlungsoptionen und die Beratungstage (Datum, Art, Umfang) bleiben: Honorarabrechnungen belegen sie, und das Tageskontingent zählt sie.",
            Default: 60, Minimum: 36, Maximum: 120, RetentionUnit.Months,
            "Nachweis der Mittelverwendung gegenüber dem Zuwendungsgeber (ANBest-P Nr. 6.5: Belege fünf Jahre nach Vorlage des Verwendungsnachweises); mindestens die regelmäßige Verjährungsfrist von drei Jahren (§ 195 BGB) für Ansprüche aus der Begleitung."),
        new(SecurityAudit, "Protokoll: Sicherheitsereignisse",
            "Anmeldungen, Fehlversuche, Sperren, neue Passwörter, Rollen- und Zwei-Faktor-Änderungen werden gelöscht.",
            Default: 12, Minimum: 3, Maximum: 36, RetentionUnit.Months,
            "Art. 32 DSGVO (Sicherheit der Verarbeitung): ein Angriff wird oft erst Monate später bemerkt und muss dann nachvollzogen und gemeldet werden können (Art. 33 DSGVO). Länger als ein Jahr braucht es dafür nicht (Art. 5 Abs. 1 lit. e DSGVO)."),
        new(ChangeAudit, "Protokoll: Änderungen",
            "Einträge über Änderungen (Einwilligungen, Status, Einstellungen, Genehmigungen) werden gelöscht.",
            Default: 36, Minimum: 12, Maximum: 120, RetentionUnit.Months,
            "Rechenschaftspflicht (Art. 5 Abs. 2 und Art. 7 Abs. 1 DSGVO: Einwilligungen nachweisen); drei Jahre entsprechen der regelmäßigen Verjährungsfrist (§ 195 BGB)."),
        new(FeeStatements, "Honorarabrechnungen und Belege",
            "Die Abrechnung wird mit Reisekosten, Belegen und den abgerechneten Aktivitäten gelöscht (sonst ließen sich die Tage ein zweites Mal abrechnen). Das Tageskontingent jenes Jahres bleibt, wie es war.",
            Default: 10, Minimum: 10, Maximum: 30, RetentionUnit.YearsAfterYearEnd,
            "§ 147 Abs. 1 Nr. 4 und Abs. 3 AO, § 14b UStG: Buchungsbelege zehn Jahre, gerechnet ab dem Ende des Kalenderjahres, in dem die Abrechnung bezahlt (sonst erstellt) wurde. Kürzer ist nicht erlaubt."),
        new(DeclinedApplications, "Abgelehnte Bewerbungen",
            "Kommt mit den Bewerbungsverfahren.",
            Default: 6, Minimum: 6, Maximum: 6, RetentionUnit.Months,
            "Kommt mit den Bewerbungsverfahren (§ 15 Abs. 4 AGG: Ansprüche binnen zwei Monaten nach der Absage; danach Löschung).")
            { ComesWith = "kommt mit den Bewerbungsverfahren" },
        new(SentMails, "Versandte E-Mails im Postausgang",
            "Die versandte E-Mail wird mit Empfänger und Betreff gelöscht (ihr Text wird schon beim Versand geleert). Nicht zugestellte E-Mails bleiben für die Koordinierungsstelle.",
            Default: 3, Minimum: 1, Maximum: 24, RetentionUnit.Months,
            "Art. 5 Abs. 1 lit. e DSGVO: eine versandte E-Mail wird nur noch für Rückfragen zur Zustellung gebraucht; was sie mitteilt, steht im Vorgang selbst."),
    ];

    public static RetentionKind? Find(string? key) => All.FirstOrDefault(k => k.Key == key && !k.Planned);

    /// <summary>Records counted in months are due when their event lies before this moment.</summary>
    public static DateTimeOffset DueBefore(int months, DateTimeOffset now) => now.AddMonths(-months);

    /// <summary>
    /// Records counted in calendar years are due when their year is at most this one (German local time): a statement paid
    /// in 2016 is kept to the end of 2026 with 10 years, and due from 1 January 2027.
    /// </summary>
    public static int LastDueYear(int years, int currentYear) => currentYear - years - 1;
}
