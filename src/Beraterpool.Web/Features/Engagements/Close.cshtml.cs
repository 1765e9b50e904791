using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Requests;
using Beraterpool.Web.Features.Shared.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Engagements;

/// <summary>
/// /engagements/{id}/close: closing is irreversible, so the coordinator first sees what is still open (reflections,
/// the municipality's rating, days not yet approved) and then confirms. Works without JavaScript.
/// </summary>
[Authorize(Roles = Roles.Administrator + "," + Roles.Coordinator)]
public sealed class CloseModel(AppDbContext db, EngagementAccess access, EngagementMoves moves, EngagementMails mails, RequestMails requestMails,
    IStringLocalizer<CloseModel> text) : PageModel
{
    public EngagementViewer Viewer { get; private set; } = null!;
    public string Municipality { get; private set; } = "";
    public int MissingReflections { get; private set; }
    public bool FeedbackGiven { get; private set; }
    public int UnapprovedActivities { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refusal) return refusal;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await access.ForAsync(id, ct) is not { IsCoordinator: true } viewer) return NotFound();
        // The request is completed through its own workflow when its last engagement closes (timeline, audit, mail).
        if (await moves.CloseAsync(id, viewer.UserId, viewer.Name, text["Begleitung abgeschlossen."], viewer.PoolId, ct) is not { } closed)
            return Done(id, text["Die Begleitung ist schon abgeschlossen."]);
        // The contact hears of a completed request once, through the request's own mail.
        var told = closed.RequestCompleted ? await requestMails.SendStatusChangedAsync(closed.RequestId, note: null, ct) : null;
        await mails.ClosedAsync(id, told, ct);
        return Done(id, text["Die Begleitung ist abgeschlossen."]);
    }

    private IActionResult Done(int id, string message)
    {
        TempData[StatusMessage.Key] = message;
        return RedirectToPage("/Engagements/Record", null, new { id }, "closing");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        if (await access.ForAsync(id, ct) is not { IsCoordinator: true } viewer) return NotFound();
        if (!viewer.IsOpen) return Done(id, text["Die Begleitung ist schon abgeschlossen."]);
        Viewer = viewer;
        Municipality = await db.Municipalities.Where(m => m.OfficialKey == viewer.MunicipalityKey).Select(m => m.ShortName).SingleAsync(ct);
        MissingReflections = await db.EngagementAdvisors.CountAsync(a => a.EngagementId == id && a.Reflection == null, ct);
        FeedbackGiven = await db.Engagements.AnyAsync(e => e.Id == id && e.FeedbackRating != null, ct);
        UnapprovedActivities = await db.Activities.CountAsync(a => a.EngagementId == id && a.ApprovedAt == null, ct);
        return null;
    }
}
