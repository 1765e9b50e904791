using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Email;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Requests;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Messages;

/// <summary>
/// Tells the other side of a conversation that a message came: the municipality's message goes to the pool's office
/// (and, on an engagement, to its advisors); the office's or an advisor's to the municipality contact, with the personal
/// link. Answers go to the office (Reply-To), but the mails say to write on the page.
/// </summary>
public sealed class MessageMails(AppDbContext db, Mailer mailer, PoolCatalog pools, TrackingTokenVault vault)
{
    public static readonly MessageToOfficeMail ToOffice = new();
    public static readonly MessageToMunicipalityMail ToMunicipality = new();
    public static readonly MailTemplate[] Templates = [ToOffice, ToMunicipality];

    public async Task SendAsync(Message message, CancellationToken ct)
    {
        var pool = await pools.FindAsync(message.PoolId, ct);
        var r = await db.ConsultationRequests.AsNoTracking().Where(x => x.Id == message.RequestId)
            .Select(x => new
            {
                x.Reference, x.ContactName, x.ContactEmail, x.Culture, x.TrackingTokenProtected,
                Municipality = db.Municipalities.Where(m => m.OfficialKey == x.MunicipalityKey).Select(m => m.ShortName).FirstOrDefault() ?? x.MunicipalityKey,
                Account = db.Users.Where(u => u.Id == x.ContactUserId).Select(u => new { u.Email, u.Culture }).FirstOrDefault(),
            })
            .SingleAsync(ct);

        if (message.Side == MessageSide.Municipality)
        {
            var model = new MessageToOfficeMail.Model(message.RequestId, message.EngagementId, r.Reference, r.Municipality, message.AuthorName, message.Body);
            if (pool is not null) await mailer.SendAsync(ToOffice, new MailRecipient(pool.ContactEmail, pool.ContactEmail, "de"), model, pool);
            if (message.EngagementId is { } engagementId)
                foreach (var advisor in await AdvisorsAsync(engagementId, ct))
                    await mailer.SendAsync(ToOffice, advisor, model, pool);
            return;
        }

        var token = vault.Unprotect(r.TrackingTokenProtected);
        var to = r.Account?.Email is { } email ? new MailRecipient(email, r.ContactName, r.Account.Culture ?? r.Culture) : new MailRecipient(r.ContactEmail, r.ContactName, r.Culture);
        await mailer.SendAsync(ToMunicipality, to, new MessageToMunicipalityMail.Model(r.ContactName, r.Reference, message.EngagementId, pool?.Name ?? "",
            message.AuthorName, message.Body, token, r.Account is not null), pool);
    }

    private Task<List<MailRecipient>> AdvisorsAsync(int engagementId, CancellationToken ct) =>
        db.EngagementAdvisors.AsNoTracking().Where(ea => ea.EngagementId == engagementId)
            .Join(db.Advisors, ea => ea.AdvisorId, a => a.Id, (ea, a) => new
            {
                a.Email, Name = a.FirstName + " " + a.LastName,
                User = db.Users.Where(u => u.Id == a.UserId).Select(u => new { u.Email, u.Culture }).FirstOrDefault(),
            })
            .Select(a => new MailRecipient(a.User != null && a.User.Email != null ? a.User.Email : a.Email, a.Name, a.User != null ? a.User.Culture : null))
            .ToListAsync(ct);
}

public sealed class MessageToOfficeMail : MailTemplate<MessageToOfficeMail.Model>
{
    public sealed record Model(int RequestId, int? EngagementId, string Reference, string Municipality, string AuthorName, string Body);

    public override string Id => "messages.to-office";
    public override Type Texts => typeof(MessageMails);
    public override string Feature => "Nachrichten";
    public override string Name => "Neue Nachricht der Kommune";
    public override string Audience => "Die Kontaktadresse des Pools und bei einer Begleitung deren Berater*innen, sobald die Kommune eine Nachricht zu ihrer Anfrage oder Begleitung schreibt.";
    public override Model Sample => new(42, null, "BA-2026-0042", "Köln", "Maria Schmidt", "Beteiligt sind das Amt für Integration und das Büro des Oberbürgermeisters.");

    public override MailContent Build(Model m, MailContext text) => new(
        text["Neue Nachricht zu {0} ({1})", m.Reference, m.Municipality].Value,
        Lines(
            text["{0} ({1}) hat zur Anfrage {2} geschrieben:", m.AuthorName, m.Municipality, m.Reference],
            "",
            m.Body,
            "",
            text["Antworten Sie bitte auf der Seite; so sehen alle Beteiligten den ganzen Verlauf:"],
            m.EngagementId is { } e ? text.Site($"/engagements/{e}#messages") : text.Site($"/manage/requests/{m.RequestId}#messages")));
}

public sealed class MessageToMunicipalityMail : MailTemplate<MessageToMunicipalityMail.Model>
{
    public sealed record Model(string ContactName, string Reference, int? EngagementId, string PoolName, string AuthorName, string Body, string? Token,
        bool HasAccount);

    public override string Id => "messages.to-municipality";
    public override Type Texts => typeof(MessageMails);
    public override string Feature => "Nachrichten";
    public override string Name => "Neue Nachricht an die Kommune";
    public override string Audience => "Die Kontaktperson der Kommune, sobald die Koordinierungsstelle oder ein*e Berater*in ihr zur Anfrage oder Begleitung schreibt (mit dem persönlichen Link).";
    public override Model Sample => new("Maria Schmidt", "BA-2026-0042", null, "MiGlobe NRW", "Koordinierungsstelle MiGlobe NRW",
        "Vielen Dank für Ihre Angaben. Wir schlagen Ihnen ein Erstgespräch am 12. März vor.", "BEISPIEL", false);

    public override MailContent Build(Model m, MailContext text)
    {
        var link = m.Token is { } token
            ? m.EngagementId is { } e ? text.Pool($"/requests/track/{token}/engagement/{e}") : RequestConfirmationMail.TrackingLink(text, token)
            : m.HasAccount ? text.Site(m.EngagementId is { } id ? $"/engagements/{id}#messages" : "/municipality")
            : text["über Ihren persönlichen Link aus der Bestätigung Ihrer Anfrage"].Value;
        return new(
            text["Neue Nachricht zu Ihrer Anfrage {0}", m.Reference].Value,
            Lines(
                text["Guten Tag {0},", m.ContactName],
                "",
                text["{0} hat Ihnen zu Ihrer Anfrage {1} geschrieben:", m.AuthorName, m.Reference],
                "",
                m.Body,
                "",
                text["Antworten Sie bitte auf der Seite Ihrer Anfrage. Antworten per E-Mail werden nicht automatisch übernommen."],
                link,
                "",
                text["Bitte geben Sie den Link nicht weiter: Wer ihn kennt, kann Ihre Anfrage lesen."],
                "",
                text["Mit freundlichen Grüßen"],
                text["Ihre Koordinierungsstelle {0}", m.PoolName]));
    }
}
