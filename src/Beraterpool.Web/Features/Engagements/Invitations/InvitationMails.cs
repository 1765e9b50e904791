using System.Globalization;
using Beraterpool.Web.Features.Email;
using Beraterpool.Web.Features.Pools;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Engagements.Invitations;

/// <summary>The e-mails of a proposal: to the advisor, back to the office, and to the municipality once someone accepted.</summary>
public sealed class InvitationMails(EmailSender sender, IStringLocalizer<InvitationMails> text, IHttpContextAccessor http, IConfiguration config)
{
    /// <summary>Scheme and host of the current request and its path base up to (not including) a pool prefix.</summary>
    public string SiteRoot
    {
        get
        {
            if (http.HttpContext?.Request is not { } r) return (config["App:PublicUrl"] ?? "http://localhost:5000").TrimEnd('/');
            var pathBase = r.PathBase.Value ?? "";
            var pool = pathBase.IndexOf(PoolResolution.Prefix, StringComparison.OrdinalIgnoreCase);
            return $"{r.Scheme}://{r.Host}{(pool < 0 ? pathBase : pathBase[..pool])}";
        }
    }

    /// <summary>The public address of a pool's pages: its own host, the bare routes (default pool) or /pool/{slug}.</summary>
    public string PoolRoot(PoolInfo pool)
    {
        if (pool.Host is { Length: > 0 } host && http.HttpContext?.Request is { } r) return $"{r.Scheme}://{host}";
        return pool.IsDefault ? SiteRoot : $"{SiteRoot}{PoolResolution.Prefix}{pool.Slug}";
    }

    public string InvitationLink(int invitationId) => $"{SiteRoot}/me/invitations/{invitationId}";

    public string MatchingLink(int requestId) => $"{SiteRoot}/manage/requests/{requestId}/matching";

    public Task SendProposalAsync(string to, string? culture, string advisorName, string municipality, string reference,
        string goal, string? partnerName, int invitationId, CancellationToken ct) =>
        SendAsync(to, culture, () => (
            text["Anfrage für eine Beratung: {0}", municipality].Value,
            Lines(
                text["Guten Tag {0},", advisorName],
                "",
                partnerName is null
                    ? text["die Koordinierungsstelle schlägt Sie für eine Beratung der Kommune {0} vor (Anfrage {1}).", municipality, reference]
                    : text["die Koordinierungsstelle schlägt Sie gemeinsam mit {2} als Tandem für eine Beratung der Kommune {0} vor (Anfrage {1}).", municipality, reference, partnerName],
                "",
                text["Das Ziel der Kommune: {0}", goal],
                "",
                text["Bitte sagen Sie zu oder ab – bei einer Absage mit kurzer Begründung:"],
                InvitationLink(invitationId))), ct);

    public Task SendAcceptedToOfficeAsync(string to, string advisorNames, string municipality, string reference, int requestId, bool started, CancellationToken ct) =>
        SendAsync(to, "de", () => (
            text["Zusage für {0} ({1})", municipality, reference].Value,
            Lines(
                text["{0} hat die Beratung der Kommune {1} zugesagt.", advisorNames, municipality],
                started
                    ? text["Die Begleitung ist angelegt; die Anfrage steht jetzt auf „in Bearbeitung“. Die Kommune wurde informiert."]
                    : text["Die Antwort der Tandem-Partnerin oder des Tandem-Partners steht noch aus."],
                "",
                MatchingLink(requestId))), ct);

    public Task SendDeclinedToOfficeAsync(string to, string advisorName, string municipality, string reference, string reason,
        int requestId, bool partnerWithdrawn, CancellationToken ct) =>
        SendAsync(to, "de", () => (
            text["Absage für {0} ({1})", municipality, reference].Value,
            Lines(
                text["{0} hat die Beratung der Kommune {1} abgelehnt.", advisorName, municipality],
                text["Begründung: {0}", reason],
                partnerWithdrawn ? text["Die Anfrage an die Tandem-Partnerin oder den Tandem-Partner wurde zurückgezogen."].Value : "",
                "",
                text["Bitte schlagen Sie auf der Matching-Seite eine andere Person vor:"],
                MatchingLink(requestId))), ct);

    public Task SendWithdrawnAsync(string to, string? culture, string advisorName, string municipality, string reference, CancellationToken ct) =>
        SendAsync(to, culture, () => (
            text["Anfrage zurückgezogen: {0}", municipality].Value,
            Lines(
                text["Guten Tag {0},", advisorName],
                "",
                text["Ihre Tandem-Partnerin oder Ihr Tandem-Partner hat die Beratung der Kommune {0} (Anfrage {1}) abgelehnt. Die Anfrage an Sie ist damit zurückgezogen; Sie müssen nichts weiter tun.", municipality, reference])), ct);

    public Task SendStartedToMunicipalityAsync(string to, string contactName, string municipality, string reference,
        IReadOnlyList<(string Name, string ProfileLink)> advisors, CancellationToken ct) =>
        SendAsync(to, "de", () => (
            text["Ihre Beratung beginnt: {0}", reference].Value,
            Lines(
                [
                    text["Guten Tag {0},", contactName],
                    "",
                    advisors.Count == 1
                        ? text["für Ihre Anfrage {0} ({1}) begleitet Sie:", reference, municipality]
                        : text["für Ihre Anfrage {0} ({1}) begleitet Sie ein Tandem:", reference, municipality],
                    "",
                    .. advisors.Select(a => (object)$"- {a.Name}: {a.ProfileLink}"),
                    "",
                    text["Die Berater*innen melden sich in den nächsten Tagen bei Ihnen, um einen ersten Termin zu vereinbaren."],
                    text["Den Stand der Begleitung sehen Sie jederzeit über Ihren persönlichen Link aus der Bestätigung Ihrer Anfrage."],
                ])), ct);

    private async Task SendAsync(string to, string? culture, Func<(string Subject, string Body)> build, CancellationToken ct)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture is "en" or "fr" ? culture : "de");
        (string Subject, string Body) mail;
        try { mail = build(); }
        finally { CultureInfo.CurrentUICulture = previous; }
        await sender.SendAsync(new EmailMessage(to, mail.Subject, mail.Body), ct);
    }

    private static string Lines(params object[] lines) => string.Join("\r\n", lines.Select(l => l.ToString()));
}
