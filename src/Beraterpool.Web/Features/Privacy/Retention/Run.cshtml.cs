using System.Security.Claims;
using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Jobs;
using Beraterpool.Web.Features.Shared.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Privacy.Retention;

/// <summary>
/// "Jetzt ausführen": the daily job at once, after a confirmation (it deletes for good). It takes the same lease as the
/// schedule, so it never runs beside a scheduled run on another instance.
/// </summary>
[Authorize(Roles = Roles.Administrator)]
public sealed class RunModel(JobRunner runner, RetentionJob job, AppDbContext db, IStringLocalizer<RunModel> text) : PageModel
{
    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var outcome = await runner.TryRunAsync(job, userId, ct);
        var latest = await db.Set<RetentionRun>().AsNoTracking().Where(r => r.RequestedByUserId == userId)
            .OrderByDescending(r => r.Id).Select(r => r.Counts).FirstOrDefaultAsync(ct);
        var total = latest is null ? 0 : new RetentionRun { Instance = "", Counts = latest }.CountsByKind().Values.Sum();
        TempData[StatusMessage.Key] = (outcome switch
        {
            JobOutcome.Ran => text["Der Lauf ist fertig: {0} Einträge gelöscht oder anonymisiert.", total],
            JobOutcome.HeldElsewhere => text["Gerade läuft schon ein Lauf (auf dieser oder einer anderen Instanz). Sein Bericht erscheint hier, sobald er fertig ist."],
            _ => text["Der Lauf ist fehlgeschlagen; der Bericht nennt den Fehler."],
        }).Value;
        return RedirectToPage("/Privacy/Retention/Index");
    }
}
