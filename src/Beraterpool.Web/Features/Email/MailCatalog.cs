using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Engagements;
using Beraterpool.Web.Features.Engagements.Invitations;
using Beraterpool.Web.Features.Events;
using Beraterpool.Web.Features.Fees;
using Beraterpool.Web.Features.Messages;
using Beraterpool.Web.Features.MunicipalityAccounts;
using Beraterpool.Web.Features.Requests;

namespace Beraterpool.Web.Features.Email;

/// <summary>
/// Every mail the product sends, in the order of a consultation's life. A feature that sends a new mail adds its
/// templates here; the mail list (<c>/manage/mails</c>) shows them and a test checks that none is missing.
/// </summary>
public static class MailCatalog
{
    public static readonly IReadOnlyList<MailTemplate> All =
    [
        .. AccountMails.Templates,
        .. RoleGrants.Templates,
        .. RequestMails.Templates,
        .. ColleagueInvitations.Templates,
        .. InvitationMails.Templates,
        .. EngagementMails.Templates,
        .. FeeMails.Templates,
        .. MessageMails.Templates,
        .. EventMails.Templates,
        .. Seminars.SeminarMails.Templates,
        .. Applications.ApplicationMails.Templates,
    ];

    public static MailTemplate? Find(string id) => All.FirstOrDefault(t => t.Id == id);
}
