using Beraterpool.Web.Features.Email;
using Beraterpool.Web.Features.Pools;

namespace Beraterpool.Web.Features.Engagements.Invitations;

/// <summary>The e-mails of a proposal: to the advisor, back to the office, and to the municipality once someone accepted.</summary>
public sealed class InvitationMails(Mailer mailer, PoolCatalog pools)
{
    public static readonly ProposalMail Proposal = new();
    public static readonly ProposalAcceptedMail Accepted = new();
    public static readonly ProposalDeclinedMail Declined = new();
    public static readonly ProposalWithdrawnMail Withdrawn = new();
    public static readonly EngagementStartedMail Started = new();
    public static readonly EngagementStartedForAdvisorMail StartedForAdvisor = new();
    public static readonly MailTemplate[] Templates = [Proposal, Accepted, Declined, Withdrawn, Started, StartedForAdvisor];

    public async Task SendProposalAsync(int poolId, string to, string? culture, string advisorName, string municipality, string reference,
        string goal, string? partnerName, int invitationId, CancellationToken ct) =>
        await mailer.SendAsync(Proposal, new(to, advisorName, culture), new ProposalMail.Model(advisorName, municipality, reference, goal, partnerName, invitationId), await pools.FindAsync(poolId, ct));

    public async Task SendAcceptedToOfficeAsync(int poolId, string to, string advisorNames, string municipality, string reference, int requestId, bool started, CancellationToken ct) =>
        await mailer.SendAsync(Accepted, new(to, to, "de"), new ProposalAcceptedMail.Model(advisorNames, municipality, reference, requestId, started), await pools.FindAsync(poolId, ct));

    public async Task SendDeclinedToOfficeAsync(int poolId, string to, string advisorName, string municipality, string reference, string reason,
        int requestId, bool partnerWithdrawn, CancellationToken ct) =>
        await mailer.SendAsync(Declined, new(to, to, "de"), new ProposalDeclinedMail.Model(advisorName, municipality, reference, reason, requestId, partnerWithdrawn), await pools.FindAsync(poolId, ct));

    public async Task SendWithdrawnAsync(int poolId, string to, string? culture, string advisorName, string municipality, string reference, CancellationToken ct) =>
        await mailer.SendAsync(Withdrawn, new(to, advisorName, culture), new ProposalWithdrawnMail.Model(advisorName, municipality, reference), await pools.FindAsync(poolId, ct));

    /// <summary>The advisors' profiles are linked on the pool's public pages; their contact details only as far as they consented.</summary>
    public Task SendStartedToMunicipalityAsync(string to, string contactName, string municipality, string reference,
        IReadOnlyList<EngagementStartedMail.Advisor> advisors, string officeEmail, PoolInfo? pool, CancellationToken ct) =>
        mailer.SendAsync(Started, new(to, contactName, "de"), new EngagementStartedMail.Model(contactName, municipality, reference, advisors, officeEmail), pool);

    public async Task SendStartedToAdvisorAsync(int poolId, string to, string? culture, string advisorName, string municipality, string reference,
        HandedOverContact contact, IReadOnlyList<EngagementStartedMail.Advisor> partners, int engagementId, CancellationToken ct) =>
        await mailer.SendAsync(StartedForAdvisor, new(to, advisorName, culture),
            new EngagementStartedForAdvisorMail.Model(advisorName, municipality, reference, contact, partners, engagementId), await pools.FindAsync(poolId, ct));
}

public sealed class ProposalMail : MailTemplate<ProposalMail.Model>
{
    public sealed record Model(string AdvisorName, string Municipality, string Reference, string Goal, string? PartnerName, int InvitationId);

    public override string Id => "invitations.proposal";
    public override Type Texts => typeof(InvitationMails);
    public override string Feature => "Vorschläge";
    public override string Name => "Anfrage für eine Beratung";
    public override string Audience => "Die vorgeschlagene Berater*in (bei einem Tandem beide), sobald die Koordinierungsstelle sie auf der Matching-Seite vorschlägt.";
    public override Model Sample => new("Amina Tesfaye", "Köln", "BA-2026-0042", "Migrantenorganisationen in die Faire Beschaffung einbeziehen", "Kwame Mensah", 12);

    public override MailContent Build(Model m, MailContext text) => new(
        text["Anfrage für eine Beratung: {0}", m.Municipality].Value,
        Lines(
            text["Guten Tag {0},", m.AdvisorName],
            "",
            m.PartnerName is null
                ? text["die Koordinierungsstelle schlägt Sie für eine Beratung der Kommune {0} vor (Anfrage {1}).", m.Municipality, m.Reference]
                : text["die Koordinierungsstelle schlägt Sie gemeinsam mit {2} als Tandem für eine Beratung der Kommune {0} vor (Anfrage {1}).", m.Municipality, m.Reference, m.PartnerName],
            "",
            text["Das Ziel der Kommune: {0}", m.Goal],
            "",
            text["Bitte sagen Sie zu oder ab – bei einer Absage mit kurzer Begründung:"],
            text.Site($"/me/invitations/{m.InvitationId}")));
}

public sealed class ProposalAcceptedMail : MailTemplate<ProposalAcceptedMail.Model>
{
    public sealed record Model(string AdvisorNames, string Municipality, string Reference, int RequestId, bool Started);

    public override string Id => "invitations.accepted";
    public override Type Texts => typeof(InvitationMails);
    public override string Feature => "Vorschläge";
    public override string Name => "Zusage an die Koordinierungsstelle";
    public override string Audience => "Die Koordinator*in, die vorgeschlagen hat (sonst die Kontaktadresse des Pools), wenn eine Berater*in zusagt (immer auf Deutsch).";
    public override Model Sample => new("Amina Tesfaye", "Köln", "BA-2026-0042", 42, true);

    public override MailContent Build(Model m, MailContext text) => new(
        text["Zusage für {0} ({1})", m.Municipality, m.Reference].Value,
        Lines(
            text["{0} hat die Beratung der Kommune {1} zugesagt.", m.AdvisorNames, m.Municipality],
            m.Started
                ? text["Die Begleitung ist angelegt; die Anfrage steht jetzt auf „in Bearbeitung“. Die Kommune wurde informiert."]
                : text["Die Antwort der Tandem-Partnerin oder des Tandem-Partners steht noch aus."],
            "",
            text.Site($"/manage/requests/{m.RequestId}/matching")));
}

public sealed class ProposalDeclinedMail : MailTemplate<ProposalDeclinedMail.Model>
{
    public sealed record Model(string AdvisorName, string Municipality, string Reference, string Reason, int RequestId, bool PartnerWithdrawn);

    public override string Id => "invitations.declined";
    public override Type Texts => typeof(InvitationMails);
    public override string Feature => "Vorschläge";
    public override string Name => "Absage an die Koordinierungsstelle";
    public override string Audience => "Die Koordinator*in, die vorgeschlagen hat (sonst die Kontaktadresse des Pools), wenn eine Berater*in mit Begründung absagt (immer auf Deutsch).";
    public override Model Sample => new("Amina Tesfaye", "Köln", "BA-2026-0042", "Im Mai bin ich auf Dienstreise.", 42, false);

    public override MailContent Build(Model m, MailContext text) => new(
        text["Absage für {0} ({1})", m.Municipality, m.Reference].Value,
        Lines(
            text["{0} hat die Beratung der Kommune {1} abgelehnt.", m.AdvisorName, m.Municipality],
            text["Begründung: {0}", m.Reason],
            m.PartnerWithdrawn ? text["Die Anfrage an die Tandem-Partnerin oder den Tandem-Partner wurde zurückgezogen."].Value : "",
            "",
            text["Bitte schlagen Sie auf der Matching-Seite eine andere Person vor:"],
            text.Site($"/manage/requests/{m.RequestId}/matching")));
}

public sealed class ProposalWithdrawnMail : MailTemplate<ProposalWithdrawnMail.Model>
{
    public sealed record Model(string AdvisorName, string Municipality, string Reference);

    public override string Id => "invitations.withdrawn";
    public override Type Texts => typeof(InvitationMails);
    public override string Feature => "Vorschläge";
    public override string Name => "Anfrage zurückgezogen (Tandem)";
    public override string Audience => "Die Tandem-Partner*in, deren Anfrage sich erledigt, weil die andere Person des Tandems abgesagt hat.";
    public override Model Sample => new("Kwame Mensah", "Köln", "BA-2026-0042");

    public override MailContent Build(Model m, MailContext text) => new(
        text["Anfrage zurückgezogen: {0}", m.Municipality].Value,
        Lines(
            text["Guten Tag {0},", m.AdvisorName],
            "",
            text["Ihre Tandem-Partnerin oder Ihr Tandem-Partner hat die Beratung der Kommune {0} (Anfrage {1}) abgelehnt. Die Anfrage an Sie ist damit zurückgezogen; Sie müssen nichts weiter tun.", m.Municipality, m.Reference]));
}

public sealed class EngagementStartedMail : MailTemplate<EngagementStartedMail.Model>
{
    /// <summary>Email null = the advisor did not consent to hand over their details.</summary>
    public sealed record Advisor(string Name, string Slug, string? Email, string? Phone, ContactChannel? Channel);

    public sealed record Model(string ContactName, string Municipality, string Reference, IReadOnlyList<Advisor> Advisors, string OfficeEmail);

    public override string Id => "invitations.engagement-started";
    public override Type Texts => typeof(InvitationMails);
    public override string Feature => "Vorschläge";
    public override string Name => "Ihre Beratung beginnt";
    public override string Audience => "Die Kontaktperson der Kommune, sobald alle Vorgeschlagenen zugesagt haben und die Begleitung beginnt (mit Links zu den Profilen und den Kontaktdaten, die die Berater*innen freigegeben haben).";
    public override Model Sample => new("Maria Schmidt", "Köln", "BA-2026-0042",
        [new("Amina Tesfaye", "amina-tesfaye", "amina.tesfaye@example.org", "0221 123456", ContactChannel.Phone)], "koordination@example.org");

    public override MailContent Build(Model m, MailContext text) => new(
        text["Ihre Beratung beginnt: {0}", m.Reference].Value,
        Lines(
        [
            text["Guten Tag {0},", m.ContactName],
            "",
            m.Advisors.Count == 1
                ? text["für Ihre Anfrage {0} ({1}) begleitet Sie:", m.Reference, m.Municipality]
                : text["für Ihre Anfrage {0} ({1}) begleitet Sie ein Tandem:", m.Reference, m.Municipality],
            "",
            .. m.Advisors.SelectMany(a => ContactLines(text, a, m.OfficeEmail)),
            text["Die Berater*innen melden sich in den nächsten Tagen bei Ihnen, um einen ersten Termin zu vereinbaren. Sie können sich auch direkt an sie wenden."],
            text["Den Stand der Begleitung sehen Sie jederzeit über Ihren persönlichen Link aus der Bestätigung Ihrer Anfrage."],
        ]));

    /// <summary>One advisor with profile link and, as far as they consented, e-mail, phone and the way they prefer.</summary>
    public static IEnumerable<object> ContactLines(MailContext text, Advisor a, string? officeEmail)
    {
        yield return $"- {a.Name}: {text.Pool($"/advisors/{a.Slug}")}";
        if (a.Email is null)
        {
            if (officeEmail is not null)
                yield return "  " + text["erreichbar über die Koordinierungsstelle: {0}", officeEmail];
        }
        else
        {
            yield return "  " + text["E-Mail: {0}", a.Email];
            if (a.Phone is not null) yield return "  " + text["Telefon: {0}", a.Phone];
            if (a.Channel is { } c) yield return "  " + text["Am liebsten per: {0}", new EngagementNames(text.For<EngagementNames>())[c]];
        }
        yield return "";
    }
}

public sealed class EngagementStartedForAdvisorMail : MailTemplate<EngagementStartedForAdvisorMail.Model>
{
    public sealed record Model(string AdvisorName, string Municipality, string Reference, HandedOverContact Contact,
        IReadOnlyList<EngagementStartedMail.Advisor> Partners, int EngagementId);

    public override string Id => "invitations.engagement-started-advisor";
    public override Type Texts => typeof(InvitationMails);
    public override string Feature => "Vorschläge";
    public override string Name => "Die Begleitung beginnt";
    public override string Audience => "Die Berater*innen, sobald alle Vorgeschlagenen zugesagt haben: mit den Kontaktdaten der Kommune (aus der Anfrage) und, im Tandem, der Partner*in.";
    public override Model Sample => new("Amina Tesfaye", "Köln", "BA-2026-0042",
        new HandedOverContact("Maria Schmidt", "Büro für Internationales", "maria.schmidt@stadt-koeln.example", "0221 221-0", null, true), [], 7);

    public override MailContent Build(Model m, MailContext text) => new(
        text["Die Begleitung {0} beginnt ({1})", m.Municipality, m.Reference].Value,
        Lines(
        [
            text["Guten Tag {0},", m.AdvisorName],
            "",
            text["alle Vorgeschlagenen haben zugesagt: Die Begleitung der Kommune {0} (Anfrage {1}) beginnt. Bitte nehmen Sie in den nächsten Tagen Kontakt auf, um einen ersten Termin zu vereinbaren.", m.Municipality, m.Reference],
            "",
            text["Ihre Ansprechperson in der Kommune:"],
            m.Contact.Function is null ? $"- {m.Contact.Name}" : $"- {m.Contact.Name} ({m.Contact.Function})",
            "  " + text["E-Mail: {0}", m.Contact.Email ?? ""],
            .. m.Contact.Phone is null ? [] : new object[] { "  " + text["Telefon: {0}", m.Contact.Phone] },
            "",
            .. m.Partners.Count == 0 ? [] : new object[] { text["Ihr Tandem:"] }.Concat(m.Partners.SelectMany(p => EngagementStartedMail.ContactLines(text, p, null))),
            text["Zur Begleitung:"],
            text.Site($"/engagements/{m.EngagementId}#contacts"),
        ]));
}
