using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Quota;
using Beraterpool.Web.Features.Shared.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Engagements;

/// <summary>
/// Changes or deletes one unbilled activity (its author or a coordinator). Days go back to the municipality's account
/// in the same transaction; a change that would pass the quota is refused as a whole. A change withdraws an approval.
/// </summary>
public sealed class ActivityEditModel(AppDbContext db, EngagementAccess access, DayQuotaService quota, ActivityDates dates, IStringLocalizer<ActivityEditModel> text) : PageModel
{
    public EngagementViewer Viewer { get; private set; } = null!;
    public string Municipality { get; private set; } = "";
    public int HalfDays { get; private set; }
    public DateOnly Date { get; private set; }
    /// <summary>The office's question when it returned the activity instead of approving it.</summary>
    public string? ReturnQuestion { get; private set; }
    public RecordModel.LogInput Log { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, int activityId, CancellationToken ct)
    {
        if (await LoadAsync(id, activityId, ct) is not { } activity) return NotFound();
        Log = new RecordModel.LogInput { Date = activity.Date, Kind = activity.Kind, HalfDays = activity.HalfDays, Participants = activity.Participants, Notes = activity.Notes };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int activityId, CancellationToken ct)
    {
        if (await LoadAsync(id, activityId, ct) is not { } activity) return NotFound();
        await TryUpdateModelAsync(Log, nameof(Log));
        if (Log.Kind is { } k && !Enum.IsDefined(k)) ModelState.AddModelError("Log.Kind", text["Bitte wählen Sie die Art der Aktivität."]);
        // Notes of an older activity may still be corrected; its days may move only within the allowed dates.
        if (Log.Date is { } d && (d != activity.Date || Log.HalfDays != activity.HalfDays) && await dates.ProblemAsync(id, d, ct) is { } wrongDate)
            ModelState.AddModelError("Log.Date", wrongDate);
        if (!ModelState.IsValid) return Page();
        activity.Kind = Log.Kind!.Value;
        activity.Participants = string.IsNullOrWhiteSpace(Log.Participants) ? null : Log.Participants.Trim();
        activity.Notes = string.IsNullOrWhiteSpace(Log.Notes) ? null : Log.Notes.Trim();
        activity.ApprovedAt = null;
        activity.ApprovedByUserId = null;
        // Saving answers the office's question: the day waits for approval again.
        activity.ReturnQuestion = null;
        activity.ReturnedAt = null;
        var booking = await quota.TryChangeActivityAsync(activity, Log.Date!.Value, Log.HalfDays!.Value, Viewer.UserId, ct);
        switch (booking.Refusal)
        {
            case BookingRefusal.None:
                TempData[StatusMessage.Key] = text["Die Aktivität ist geändert."].Value;
                return RedirectToPage("/Engagements/Record", null, new { id }, "activities");
            case BookingRefusal.Gone:
                // Deleted or billed while the form was open: say so instead of failing.
                ModelState.AddModelError("", quota.RefusalMessage(booking));
                return new PageResult { StatusCode = StatusCodes.Status409Conflict };
            default:
                ModelState.AddModelError(booking.Refusal == BookingRefusal.AdvisorDay ? "Log.Date" : "Log.HalfDays", quota.RefusalMessage(booking));
                return Page();
        }
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, int activityId, CancellationToken ct)
    {
        if (await LoadAsync(id, activityId, ct) is null) return NotFound();
        if (!await quota.DeleteActivityAsync(activityId, Viewer.UserId, ct)) return NotFound();
        TempData[StatusMessage.Key] = text["Die Aktivität ist gelöscht; die Tage sind wieder verfügbar."].Value;
        return RedirectToPage("/Engagements/Record", null, new { id }, "activities");
    }

    private async Task<Activity?> LoadAsync(int id, int activityId, CancellationToken ct)
    {
        if (await access.ForAsync(id, ct) is not { IsOpen: true } viewer) return null;
        Viewer = viewer;
        var activity = await db.Activities.SingleOrDefaultAsync(a => a.Id == activityId && a.EngagementId == id && a.FeeStatementId == null, ct);
        if (activity is null || !(viewer.IsCoordinator || activity.CreatedByUserId == viewer.UserId)) return null;
        Municipality = await db.Municipalities.Where(m => m.OfficialKey == viewer.MunicipalityKey).Select(m => m.ShortName).SingleAsync(ct);
        (Date, HalfDays, ReturnQuestion) = (activity.Date, activity.HalfDays, activity.ReturnQuestion);
        return activity;
    }
}
