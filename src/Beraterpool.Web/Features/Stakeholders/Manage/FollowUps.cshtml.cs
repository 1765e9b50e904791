using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Pools;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beraterpool.Web.Features.Stakeholders.Manage;

/// <summary>"Meine Wiedervorlagen": the signed-in coordinator's follow-ups, the overdue and next first.</summary>
[Authorize(Roles = Roles.Administrator + "," + Roles.Coordinator)]
public sealed class FollowUpsModel(AppDbContext db, TimeProvider time, PoolAccess access, StakeholderTimeline timeline) : PageModel
{
    [BindProperty(SupportsGet = true)] public bool Done { get; set; }
    public IReadOnlyList<FollowUpItem> Items { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        ModelState.Clear();
        Today = Shared.ProgrammeTime.LocalToday(time);
        var managed = await access.ManagedPoolIdsAsync(ct);
        var me = access.UserId;
        var query = db.FollowUps.Where(f => f.OwnerUserId == me && managed.Contains(f.PoolId));
        if (!Done) query = query.Where(f => f.DoneAt == null);
        Items = await timeline.FollowUpsAsync(query, ct);
    }

    public async Task<IActionResult> OnPostToggleAsync(int followUpId, CancellationToken ct)
    {
        await Activity.ToggleAsync(db, followUpId, await access.ManagedPoolIdsAsync(ct), time.GetUtcNow(), ct);
        return RedirectToPage(new { done = Done ? "true" : null });
    }
}
