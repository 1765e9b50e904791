using System.ComponentModel.DataAnnotations;
using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Audit;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Shared.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Engagements.Manage;

/// <summary>
/// Instead of approving: one activity goes back to the advisor with the coordinator's question. It leaves the approval
/// list until the advisor saves it again (which clears the question).
/// </summary>
[Authorize(Roles = Roles.Administrator + "," + Roles.Coordinator)]
public sealed class ActivityReturnModel(AppDbContext db, PoolAccess access, EngagementMails mails, TimeProvider time,
    IStringLocalizer<ActivityReturnModel> text) : PageModel
{
    public sealed record Shown(int EngagementId, string Municipality, string Advisor, DateOnly Date, ActivityKind Kind, int HalfDays,
        string? Participants, string? Notes);

    public Shown Activity { get; private set; } = null!;

    [BindProperty]
    [StringLength(1000, ErrorMessage = "Die Rückfrage darf höchstens 1000 Zeichen lang sein.")]
    public string? Question { get; set; }

    public async Task<IActionResult> OnGetAsync(int activityId, CancellationToken ct) =>
        await LoadAsync(activityId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int activityId, CancellationToken ct)
    {
        if (!await LoadAsync(activityId, ct)) return NotFound();
        if (string.IsNullOrWhiteSpace(Question)) ModelState.AddModelError(nameof(Question), text["Bitte schreiben Sie Ihre Rückfrage an die Berater*in."]);
        if (!ModelState.IsValid) return Page();

        var activity = await db.Activities.SingleAsync(a => a.Id == activityId, ct);
        activity.ReturnQuestion = Question!.Trim();
        activity.ReturnedAt = time.GetUtcNow();
        var poolId = await db.Engagements.Where(e => e.Id == activity.EngagementId).Select(e => e.PoolId).SingleAsync(ct);
        db.Audit("engagement.activity.returned", $"engagement:{activity.EngagementId}", access.UserId, poolId, $"activity:{activity.Id}");
        await db.SaveChangesAsync(ct);
        await mails.ActivityReturnedAsync(activity, activity.ReturnQuestion, ct);
        TempData[StatusMessage.Key] = text["Die Aktivität ist mit Ihrer Rückfrage an {0} zurückgegangen.", Activity.Advisor].Value;
        return RedirectToPage("/Engagements/Manage/Index", null, null, "approval");
    }

    /// <summary>Only a pending activity of a pool the coordinator manages; an approved or billed one is not returned.</summary>
    private async Task<bool> LoadAsync(int activityId, CancellationToken ct)
    {
        var pools = await access.ManagedPoolIdsAsync(ct);
        var shown = await db.Activities.AsNoTracking()
            .Where(a => a.Id == activityId && a.ApprovedAt == null && a.FeeStatementId == null
                        && db.Engagements.Any(e => e.Id == a.EngagementId && pools.Contains(e.PoolId) && e.Status != EngagementStatus.Closed))
            .Select(a => new Shown(a.EngagementId,
                db.Engagements.Where(e => e.Id == a.EngagementId).Join(db.Municipalities, e => e.MunicipalityKey, m => m.OfficialKey, (e, m) => m.ShortName).First(),
                db.Advisors.Where(x => x.Id == a.AdvisorId).Select(x => x.FirstName + " " + x.LastName).First(),
                a.Date, a.Kind, a.HalfDays, a.Participants, a.Notes))
            .SingleOrDefaultAsync(ct);
        if (shown is null) return false;
        Activity = shown;
        return true;
    }
}
