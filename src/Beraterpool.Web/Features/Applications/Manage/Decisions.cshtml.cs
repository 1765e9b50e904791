using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Email;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Shared.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Applications.Manage;

/// <summary>
/// The decisions outbox of a call: every drafted decision with the mail the applicant will read, sent together with one
/// button; afterwards the delivery of each mail, refreshed while some still wait.
/// </summary>
[Authorize(Roles = Roles.Administrator + "," + Roles.Coordinator)]
public sealed class DecisionsModel(AppDbContext db, PoolAccess access, CallDecisions decisions, IStringLocalizer<DecisionsModel> text) : PageModel
{
    public Call Call { get; private set; } = null!;
    public IReadOnlyList<DecisionDraft> Drafts { get; private set; } = [];
    public IReadOnlyList<DecisionDelivery> Deliveries { get; private set; } = [];
    public int Waiting => Deliveries.Count(d => d.Status is OutboxStatus.Pending or OutboxStatus.Sending);

    /// <summary>The drafts the coordinator read: only these are sent, so a draft added meanwhile waits for the next look.</summary>
    [BindProperty] public List<int> Ids { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var count = await decisions.SendAsync(Call, Ids, ct);
        TempData[StatusMessage.Key] = count switch
        {
            0 => text["Es gab keine Entscheidung mehr zu versenden."].Value,
            1 => text["Die Entscheidung ist versandt."].Value,
            _ => text["{0} Entscheidungen sind versandt.", count].Value,
        };
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var call = await db.Calls.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (call is null || !await access.CanManageAsync(call.PoolId, ct)) return false;
        Call = call;
        Drafts = await decisions.DraftsAsync(call, ct);
        Deliveries = await decisions.DeliveriesAsync(call, ct);
        return true;
    }
}
