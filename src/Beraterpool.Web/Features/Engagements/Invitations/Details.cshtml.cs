using System.Security.Claims;
using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Matching;
using Beraterpool.Web.Features.Shared;
using Beraterpool.Web.Features.Shared.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Engagements.Invitations;

/// <summary>/me/invitations/{id}: an advisor reads a proposal and accepts it or declines it with a reason. Only their own.</summary>
[Authorize(Roles = Roles.Advisor)]
public sealed class DetailsModel(AppDbContext db, InvitationWorkflow workflow, IStringLocalizer<DetailsModel> text) : PageModel
{
    public const int MaxReasonLength = 1000;

    public sealed record InvitationView(int Id, int RequestId, Guid Group, InvitationStatus Status, string? Reason, DateTimeOffset CreatedAt, DateTimeOffset? RespondedAt);

    public InvitationView Invitation { get; private set; } = null!;
    public RequestFacts Facts { get; private set; } = null!;
    public IReadOnlyDictionary<int, string> TopicNames { get; private set; } = new Dictionary<int, string>();
    public IReadOnlyList<string> Partners { get; private set; } = [];
    public int? EngagementId { get; private set; }

    [BindProperty] public string? Reason { get; set; }

    /// <summary>What the advisor agrees to hand over to the municipality with the acceptance; nothing unless ticked.</summary>
    [BindProperty] public ContactInput Contact { get; set; } = new();

    public sealed class ContactInput
    {
        public bool Share { get; set; }
        public string? Email { get; set; }
        public string? Phone { get; set; }
        public ContactChannel? Channel { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Contact = new ContactInput { Email = ProfileEmail, Channel = ContactChannel.Email };
        return Page();
    }

    public async Task<IActionResult> OnPostAcceptAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        ModelState.Clear();
        var share = Contact.Share ? CheckedContact() : null;
        if (!ModelState.IsValid) return Page();
        var accepted = await workflow.AcceptAsync(id, User.FindFirstValue(ClaimTypes.NameIdentifier), ct, share);
        TempData[StatusMessage.Key] = accepted
            ? text["Danke für Ihre Zusage. Die Koordinierungsstelle ist informiert."].Value
            : text["Diese Anfrage ist schon beantwortet oder zurückgezogen."].Value;
        return RedirectToPage("/Engagements/Invitations/Details", new { id });
    }

    public async Task<IActionResult> OnPostDeclineAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Reason = Reason?.Trim();
        if (string.IsNullOrEmpty(Reason))
            ModelState.AddModelError(nameof(Reason), text["Bitte begründen Sie Ihre Absage, damit die Koordinierungsstelle passend neu vermitteln kann."]);
        else if (Reason.Length > MaxReasonLength)
            ModelState.AddModelError(nameof(Reason), text["Die Begründung darf höchstens {0} Zeichen lang sein.", MaxReasonLength.ToString("N0", System.Globalization.CultureInfo.CurrentCulture)]);
        if (!ModelState.IsValid) return Page();

        var declined = await workflow.DeclineAsync(id, Reason!, User.FindFirstValue(ClaimTypes.NameIdentifier), ct);
        TempData[StatusMessage.Key] = declined
            ? text["Ihre Absage ist übermittelt. Danke für die Begründung."].Value
            : text["Diese Anfrage ist schon beantwortet oder zurückgezogen."].Value;
        return RedirectToPage("/Engagements/Invitations/Details", new { id });
    }

    private InvitationWorkflow.SharedContact? CheckedContact()
    {
        var email = Contact.Email?.Trim();
        var phone = string.IsNullOrWhiteSpace(Contact.Phone) ? null : Contact.Phone.Trim();
        if (string.IsNullOrEmpty(email))
            ModelState.AddModelError("Contact.Email", text["Bitte geben Sie die E-Mail-Adresse an, unter der die Kommune Sie erreicht."]);
        else if (email.Length > 200 || !IsEmail(email))
            ModelState.AddModelError("Contact.Email", text["Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. name@example.org."]);
        if (phone is not null && (phone.Length > 40 || !IsPhone(phone)))
            ModelState.AddModelError("Contact.Phone", text["Bitte geben Sie die Telefonnummer mit Ziffern an, z. B. 0221 123456 oder +49 221 123456."]);
        if (Contact.Channel is not { } channel || !Enum.IsDefined(channel))
            ModelState.AddModelError("Contact.Channel", text["Bitte wählen Sie, wie die Kommune Sie am liebsten erreicht."]);
        else if (channel == ContactChannel.Phone && phone is null)
            ModelState.AddModelError("Contact.Phone", text["Bitte geben Sie eine Telefonnummer an, wenn Sie am liebsten per Telefon erreicht werden."]);
        return ModelState.IsValid ? new InvitationWorkflow.SharedContact(email!, phone, Contact.Channel!.Value) : null;
    }

    // An address the municipality can really write to: with a domain that has a dot (not "name@hamm").
    private static bool IsEmail(string s) =>
        new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(s) && s.LastIndexOf('@') is var at && s.IndexOf('.', at) > at + 1 && !s.EndsWith('.');

    private static bool IsPhone(string s) => s.Count(char.IsAsciiDigit) >= 5 && s.All(c => char.IsAsciiDigit(c) || " +-/()".Contains(c));

    /// <summary>The address on the advisor's profile, offered for the hand-over.</summary>
    public string? ProfileEmail { get; private set; }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        // Someone else's invitation answers exactly like one that does not exist.
        var invitation = await (
                from i in db.EngagementInvitations.AsNoTracking()
                join a in db.Advisors on i.AdvisorId equals a.Id
                where i.Id == id && a.UserId != null && a.UserId == userId
                select new InvitationView(i.Id, i.RequestId, i.ProposalGroup, i.Status, i.Reason, i.CreatedAt, i.RespondedAt))
            .FirstOrDefaultAsync(ct);
        if (invitation is null || await RequestFacts.LoadAsync(db, invitation.RequestId, ct) is not { } facts) return false;
        Invitation = invitation;
        ProfileEmail = await db.EngagementInvitations.Where(i => i.Id == id).Join(db.Advisors, i => i.AdvisorId, a => a.Id, (i, a) => a.Email).FirstAsync(ct);
        Facts = facts;
        var culture = WebUi.CurrentCulture;
        TopicNames = (await db.Topics.AsNoTracking().Where(t => t.PoolId == facts.PoolId).ToListAsync(ct)).ToDictionary(t => t.Id, t => t.Name(culture));
        Partners = await (
                from i in db.EngagementInvitations.AsNoTracking()
                join a in db.Advisors on i.AdvisorId equals a.Id
                where i.ProposalGroup == invitation.Group && i.Id != invitation.Id
                select a.FirstName + " " + a.LastName)
            .ToListAsync(ct);
        if (invitation.Status == InvitationStatus.Accepted)
            EngagementId = await db.Engagements.Where(e => e.RequestId == facts.Id).Select(e => (int?)e.Id).FirstOrDefaultAsync(ct);
        return true;
    }
}
