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

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAcceptAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        ModelState.Clear();
        var accepted = await workflow.AcceptAsync(id, User.FindFirstValue(ClaimTypes.NameIdentifier), ct);
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
