using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Email;
using Beraterpool.Web.Features.Pools;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Requests;

/// <summary>
/// The e-mails of a request: confirmation with the personal link, the note to the pool's office, each change of
/// state and a withdrawal — to the contact in the language the request was written in, to the office in German.
/// </summary>
public sealed class RequestMails(AppDbContext db, Mailer mailer, PoolCatalog pools, TrackingTokenVault vault)
{
    public static readonly RequestConfirmationMail Confirmation = new();
    public static readonly RequestOfficeNotificationMail OfficeNotification = new();
    public static readonly RequestStatusChangedMail StatusChanged = new();
    public static readonly RequestWithdrawnMail Withdrawn = new();
    public static readonly MailTemplate[] Templates = [Confirmation, OfficeNotification, StatusChanged, Withdrawn, TrackingLinks.Renewed];

    public async Task SendConfirmationAsync(ConsultationRequest request, string token, string municipalityName, string poolName, int annualDayQuota, CancellationToken ct) =>
        await mailer.SendAsync(Confirmation, Contact(request),
            new RequestConfirmationMail.Model(request.ContactName, request.Reference, poolName, municipalityName, annualDayQuota, token),
            await pools.FindAsync(request.PoolId, ct));

    public async Task SendOfficeNotificationAsync(ConsultationRequest request, string officeEmail, string municipalityName, CancellationToken ct) =>
        await mailer.SendAsync(OfficeNotification, Office(officeEmail),
            new RequestOfficeNotificationMail.Model(request.Id, request.Reference, municipalityName, request.MunicipalityKey, request.ContactName,
                request.ContactEmail, request.Goal), await pools.FindAsync(request.PoolId, ct));

    /// <summary>Tells the contact about a change of state; the note (reason, question) is quoted, the personal link repeated.</summary>
    public async Task SendStatusChangedAsync(ConsultationRequest request, string poolName, string? note, CancellationToken ct) =>
        await mailer.SendAsync(StatusChanged, Contact(request),
            new RequestStatusChangedMail.Model(request.ContactName, request.Reference, request.Status, poolName, note, vault.Unprotect(request.TrackingTokenProtected)),
            await pools.FindAsync(request.PoolId, ct));

    /// <summary>The same for a move another feature made (closing the last engagement completes the request); answers the address told.</summary>
    public async Task<string> SendStatusChangedAsync(int requestId, string? note, CancellationToken ct)
    {
        var request = await db.ConsultationRequests.AsNoTracking().SingleAsync(r => r.Id == requestId, ct);
        var pool = await db.Pools.AsNoTracking().Where(p => p.Id == request.PoolId).Select(p => p.Name).SingleAsync(ct);
        await SendStatusChangedAsync(request, pool, note, ct);
        return request.ContactEmail;
    }

    public async Task SendWithdrawnAsync(ConsultationRequest request, string? reason, CancellationToken ct)
    {
        if (await pools.FindAsync(request.PoolId, ct) is not { } pool) return;
        await mailer.SendAsync(Withdrawn, Office(pool.ContactEmail), new RequestWithdrawnMail.Model(request.Reference, reason), pool);
    }

    private static MailRecipient Contact(ConsultationRequest request) => new(request.ContactEmail, request.ContactName, request.Culture);

    private static MailRecipient Office(string email) => new(email, email, "de");
}

public sealed class RequestConfirmationMail : MailTemplate<RequestConfirmationMail.Model>
{
    public sealed record Model(string ContactName, string Reference, string PoolName, string Municipality, int AnnualDayQuota, string Token);

    public override string Id => "requests.confirmation";
    public override Type Texts => typeof(RequestMails);
    public override string Feature => "Beratungsanfragen";
    public override string Name => "Bestätigung der Anfrage";
    public override string Audience => "Die Kontaktperson der Kommune, sobald sie eine Beratungsanfrage abschickt (mit dem persönlichen Link zur Anfrage).";
    public override Model Sample => new("Maria Schmidt", "BA-2026-0042", "MiGlobe NRW", "Köln", 10, "BEISPIEL");

    public static string TrackingLink(MailContext mail, string token) => mail.Pool($"/requests/track/{token}");

    public override MailContent Build(Model m, MailContext text) => new(
        text["Ihre Beratungsanfrage {0} ist eingegangen", m.Reference].Value,
        Lines(
            text["Guten Tag {0},", m.ContactName],
            "",
            text["vielen Dank für Ihre Beratungsanfrage an den Beraterpool {0} für {1}. Ihre Anfrage hat die Nummer {2}.", m.PoolName, m.Municipality, m.Reference],
            "",
            text["So geht es weiter:"],
            "- " + text["Die Koordinierungsstelle meldet sich in der Regel innerhalb von zehn Arbeitstagen, um mit Ihnen ein Erstgespräch zu vereinbaren."],
            "- " + text["Im Erstgespräch klären Sie gemeinsam Ziel, Bedarf und Rahmen. Danach schlägt die Koordinierungsstelle eine*n Berater*in oder ein Tandem vor."],
            "- " + text["Die Begleitung ist für Ihre Kommune kostenlos; je Kalenderjahr stehen bis zu {0} Beratungstage zur Verfügung.", m.AnnualDayQuota],
            "",
            text["Über Ihren persönlichen Link sehen Sie jederzeit den Stand Ihrer Anfrage und später die Begleitung. Dort können Sie die Anfrage auch zurückziehen oder ein Konto anlegen:"],
            TrackingLink(text, m.Token),
            "",
            text["Bitte geben Sie den Link nicht weiter: Wer ihn kennt, kann Ihre Anfrage lesen."],
            "",
            text["Mit freundlichen Grüßen"],
            text["Ihre Koordinierungsstelle {0}", m.PoolName]));
}

public sealed class RequestOfficeNotificationMail : MailTemplate<RequestOfficeNotificationMail.Model>
{
    public sealed record Model(int RequestId, string Reference, string Municipality, string MunicipalityKey, string ContactName, string ContactEmail, string Goal);

    public override string Id => "requests.office-notification";
    public override Type Texts => typeof(RequestMails);
    public override string Feature => "Beratungsanfragen";
    public override string Name => "Neue Anfrage an die Koordinierungsstelle";
    public override string Audience => "Die Kontaktadresse des Pools, sobald eine Kommune eine Beratungsanfrage abschickt (immer auf Deutsch).";
    public override Model Sample => new(42, "BA-2026-0042", "Köln", "05315000", "Maria Schmidt", "maria.schmidt@stadt-koeln.example",
        "Migrantenorganisationen in die Faire Beschaffung einbeziehen");

    public override MailContent Build(Model m, MailContext text) => new(
        text["Neue Beratungsanfrage {0}: {1}", m.Reference, m.Municipality].Value,
        Lines(
            text["Eine neue Beratungsanfrage ist eingegangen."],
            "",
            text["Nummer: {0}", m.Reference],
            text["Kommune: {0} ({1})", m.Municipality, m.MunicipalityKey],
            text["Kontakt: {0}, {1}", m.ContactName, m.ContactEmail],
            "",
            text["Ziel der Kommune:"],
            m.Goal,
            "",
            text["Zur Anfrage:"],
            text.Site($"/manage/requests/{m.RequestId}")));
}

public sealed class RequestStatusChangedMail : MailTemplate<RequestStatusChangedMail.Model>
{
    /// <summary>Token: the personal link's secret when it was kept (null for older requests: the mail points to the first e-mail).</summary>
    public sealed record Model(string ContactName, string Reference, RequestStatus Status, string PoolName, string? Note, string? Token = null);

    public override string Id => "requests.status-changed";
    public override Type Texts => typeof(RequestMails);
    public override string Feature => "Beratungsanfragen";
    public override string Name => "Neuer Stand der Anfrage";
    public override string Audience => "Die Kontaktperson der Kommune, wenn die Koordinierungsstelle den Stand ändert (Erstgespräch, Rückfrage, Suche, Ablehnung) und wenn die Begleitung abgeschlossen ist; Rückfrage oder Begründung stehen in der E-Mail.";
    public override Model Sample => new("Maria Schmidt", "BA-2026-0042", RequestStatus.NeedsInformation, "MiGlobe NRW",
        "Welche Ämter sollen an der Begleitung teilnehmen?", "BEISPIEL");

    public override MailContent Build(Model m, MailContext text)
    {
        var texts = new RequestTexts(text.For<RequestTexts>());
        var lines = new List<object>
        {
            text["Guten Tag {0},", m.ContactName],
            "",
            text["der Stand Ihrer Beratungsanfrage {0} hat sich geändert: {1}.", m.Reference, texts.Status(m.Status)],
            texts.Explanation(m.Status),
        };
        if (!string.IsNullOrWhiteSpace(m.Note))
        {
            lines.Add("");
            lines.Add(m.Status switch
            {
                RequestStatus.NeedsInformation => text["Unsere Rückfrage:"],
                RequestStatus.Declined => text["Begründung:"],
                _ => text["Hinweis der Koordinierungsstelle:"],
            });
            lines.Add(m.Note.Trim());
        }
        lines.Add("");
        if (m.Token is { } token)
        {
            // Answers by e-mail reach the office's mailbox (Reply-To) but not the request: the page keeps the conversation.
            lines.Add(m.Status == RequestStatus.NeedsInformation
                ? text["Bitte antworten Sie über Ihren persönlichen Link; dort sehen Sie auch den Stand. Antworten per E-Mail werden nicht automatisch übernommen."]
                : text["Den Stand sehen Sie jederzeit über Ihren persönlichen Link; dort können Sie uns auch schreiben:"]);
            lines.Add(RequestConfirmationMail.TrackingLink(text, token));
            lines.Add("");
            lines.Add(text["Bitte geben Sie den Link nicht weiter: Wer ihn kennt, kann Ihre Anfrage lesen."]);
        }
        else
        {
            lines.Add(m.Status == RequestStatus.NeedsInformation
                ? text["Bitte antworten Sie über den persönlichen Link aus unserer ersten E-Mail. Antworten per E-Mail werden nicht automatisch übernommen."]
                : text["Den Stand sehen Sie jederzeit über den persönlichen Link aus unserer ersten E-Mail."]);
        }
        lines.Add("");
        lines.Add(text["Mit freundlichen Grüßen"]);
        lines.Add(text["Ihre Koordinierungsstelle {0}", m.PoolName]);
        return new(text["Ihre Beratungsanfrage {0}: {1}", m.Reference, texts.Status(m.Status)].Value, Lines(lines));
    }
}

public sealed class RequestWithdrawnMail : MailTemplate<RequestWithdrawnMail.Model>
{
    public sealed record Model(string Reference, string? Reason);

    public override string Id => "requests.withdrawn";
    public override Type Texts => typeof(RequestMails);
    public override string Feature => "Beratungsanfragen";
    public override string Name => "Anfrage zurückgezogen";
    public override string Audience => "Die Kontaktadresse des Pools, wenn die Kommune ihre Anfrage über den persönlichen Link zurückzieht (immer auf Deutsch).";
    public override Model Sample => new("BA-2026-0042", "Wir haben die Stelle nicht besetzen können.");

    public override MailContent Build(Model m, MailContext text) => new(
        text["Anfrage {0} zurückgezogen", m.Reference].Value,
        Lines(
            text["Die Kommune hat die Beratungsanfrage {0} zurückgezogen.", m.Reference],
            string.IsNullOrWhiteSpace(m.Reason) ? "" : text["Grund: {0}", m.Reason.Trim()].Value));
}
