using System.Globalization;
using Beraterpool.Web.Features.Email;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Requests;

/// <summary>
/// The e-mails of a request: confirmation with the personal link, the note to the pool's office, and each
/// change of state — in the language the request was written in.
/// </summary>
public sealed class RequestMails(EmailSender sender, IStringLocalizer<RequestMails> text, RequestTexts texts, IHttpContextAccessor http, IConfiguration config)
{
    /// <summary>Scheme, host and path base of the current request (keeps a pool prefix); App:PublicUrl outside a request.</summary>
    public string BaseUrl => http.HttpContext?.Request is { } r
        ? $"{r.Scheme}://{r.Host}{r.PathBase}"
        : (config["App:PublicUrl"] ?? "http://localhost:5000").TrimEnd('/');

    public string TrackingLink(string token) => $"{BaseUrl}/requests/track/{token}";

    public Task SendConfirmationAsync(ConsultationRequest request, string token, string municipalityName, string poolName, int annualDayQuota, CancellationToken ct)
    {
        var (subject, body) = InCulture(request.Culture, () => (
            text["Ihre Beratungsanfrage {0} ist eingegangen", request.Reference].Value,
            Lines(
                text["Guten Tag {0},", request.ContactName],
                "",
                text["vielen Dank für Ihre Beratungsanfrage an den Beraterpool {0} für {1}. Ihre Anfrage hat die Nummer {2}.", poolName, municipalityName, request.Reference],
                "",
                text["So geht es weiter:"],
                "- " + text["Die Koordinierungsstelle meldet sich in der Regel innerhalb von zehn Arbeitstagen, um mit Ihnen ein Erstgespräch zu vereinbaren."],
                "- " + text["Im Erstgespräch klären Sie gemeinsam Ziel, Bedarf und Rahmen. Danach schlägt die Koordinierungsstelle eine*n Berater*in oder ein Tandem vor."],
                "- " + text["Die Begleitung ist für Ihre Kommune kostenlos; je Kalenderjahr stehen bis zu {0} Beratungstage zur Verfügung.", annualDayQuota],
                "",
                text["Über Ihren persönlichen Link sehen Sie jederzeit den Stand Ihrer Anfrage und später die Begleitung. Dort können Sie die Anfrage auch zurückziehen oder ein Konto anlegen:"],
                TrackingLink(token),
                "",
                text["Bitte geben Sie den Link nicht weiter: Wer ihn kennt, kann Ihre Anfrage lesen."],
                "",
                text["Mit freundlichen Grüßen"],
                text["Ihre Koordinierungsstelle {0}", poolName])));
        return sender.SendAsync(new EmailMessage(request.ContactEmail, subject, body), ct);
    }

    public Task SendOfficeNotificationAsync(ConsultationRequest request, string officeEmail, string municipalityName, CancellationToken ct)
    {
        var (subject, body) = InCulture("de", () => (
            text["Neue Beratungsanfrage {0}: {1}", request.Reference, municipalityName].Value,
            Lines(
                text["Eine neue Beratungsanfrage ist eingegangen."],
                "",
                text["Nummer: {0}", request.Reference],
                text["Kommune: {0} ({1})", municipalityName, request.MunicipalityKey],
                text["Kontakt: {0}, {1}", request.ContactName, request.ContactEmail],
                "",
                text["Ziel der Kommune:"],
                request.Goal,
                "",
                text["Zur Anfrage:"],
                $"{BaseUrl}/manage/requests/{request.Id}")));
        return sender.SendAsync(new EmailMessage(officeEmail, subject, body), ct);
    }

    /// <summary>Tells the contact about a change of state; the note (reason, question) is quoted.</summary>
    public Task SendStatusChangedAsync(ConsultationRequest request, string poolName, string? note, CancellationToken ct)
    {
        var (subject, body) = InCulture(request.Culture, () =>
        {
            var lines = new List<object>
            {
                text["Guten Tag {0},", request.ContactName],
                "",
                text["der Stand Ihrer Beratungsanfrage {0} hat sich geändert: {1}.", request.Reference, texts.Status(request.Status)],
                texts.Explanation(request.Status),
            };
            if (!string.IsNullOrWhiteSpace(note))
            {
                lines.Add("");
                lines.Add(request.Status switch
                {
                    RequestStatus.NeedsInformation => text["Unsere Rückfrage:"],
                    RequestStatus.Declined => text["Begründung:"],
                    _ => text["Hinweis der Koordinierungsstelle:"],
                });
                lines.Add(note.Trim());
            }
            if (request.Status == RequestStatus.NeedsInformation)
            {
                lines.Add("");
                lines.Add(text["Bitte antworten Sie einfach auf diese E-Mail oder schreiben Sie an die Koordinierungsstelle."]);
            }
            lines.Add("");
            lines.Add(text["Den Stand sehen Sie jederzeit über den persönlichen Link aus unserer ersten E-Mail."]);
            lines.Add("");
            lines.Add(text["Mit freundlichen Grüßen"]);
            lines.Add(text["Ihre Koordinierungsstelle {0}", poolName]);
            return (text["Ihre Beratungsanfrage {0}: {1}", request.Reference, texts.Status(request.Status)].Value, Lines([.. lines]));
        });
        return sender.SendAsync(new EmailMessage(request.ContactEmail, subject, body), ct);
    }

    private static string Lines(params object[] lines) => string.Join("\r\n", lines.Select(l => l.ToString()));

    private static T InCulture<T>(string? culture, Func<T> build)
    {
        var (previous, previousUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        var c = new CultureInfo(culture is "en" or "fr" ? culture : "de");
        CultureInfo.CurrentCulture = c;
        CultureInfo.CurrentUICulture = c;
        try { return build(); }
        finally
        {
            CultureInfo.CurrentCulture = previous;
            CultureInfo.CurrentUICulture = previousUi;
        }
    }
}
