using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Advisors.Editor;
using Beraterpool.Web.Features.Audit;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Privacy.Consents;
using Beraterpool.Web.Features.Shared.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Advisors.Manage;

/// <summary>A coordinator edits an advisor of one of their pools: the whole profile (shared editor) and the status.</summary>
[Authorize(Roles = Roles.Administrator + "," + Roles.Coordinator)]
public sealed class EditModel(TimeProvider time, AppDbContext db, PoolAccess access, PoolCatalog catalog, ProfileEditor editor, AdvisorInvitation invitation,
    DataVersions versions, IStringLocalizer<EditModel> text) : PageModel
{
    [BindProperty] public ProfileInput Input { get; set; } = new();
    [BindProperty] public AdvisorStatus Status { get; set; }
    public string FullName { get; private set; } = "";
    public string PoolName { get; private set; } = "";
    public string Slug { get; private set; } = "";
    public AccountState Account { get; private set; }
    public IReadOnlyList<ConsentHistory.Row> ConsentHistory { get; private set; } = [];

    public enum AccountState { None, Invited, Active }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input = (await editor.LoadAsync(id, ct))!;
        await editor.PrepareAsync(id, Input, forCoordinator: true, PhotoUrl(id), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!Enum.IsDefined(Status)) ModelState.AddModelError(nameof(Status), text["Bitte wählen Sie einen Status aus der Liste."]);
        // Saving also checks what needs the database, so one submit shows every problem.
        if (await editor.SaveAsync(id, Input, ModelState, nameof(Input), access.UserId, ct, forCoordinator: true))
        {
            var advisor = await db.Advisors.FirstAsync(a => a.Id == id, ct);
            if (advisor.Status != Status)
            {
                db.Audit("advisor.status.changed", $"advisor:{id}", access.UserId, advisor.PoolId, $"{advisor.Status} → {Status}");
                advisor.Status = Status;
                advisor.UpdatedAt = time.GetUtcNow();
                await versions.SaveChangesAsync(db, DataVersions.Pool(advisor.PoolId), ct);
            }
            TempData[StatusMessage.Key] = text["Das Profil von {0} ist gespeichert.", advisor.FullName].Value;
            return RedirectToPage("/Advisors/Manage/Edit", new { id });
        }
        await editor.PrepareAsync(id, Input, forCoordinator: true, PhotoUrl(id), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSearchCityAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        await EditorPage.SearchCityAsync(editor, Input, ModelState, ct);
        await editor.PrepareAsync(id, Input, forCoordinator: true, PhotoUrl(id), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSearchEmployerAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        await EditorPage.SearchEmployerAsync(editor, Input, ModelState, ct);
        await editor.PrepareAsync(id, Input, forCoordinator: true, PhotoUrl(id), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostInviteAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var advisor = await db.Advisors.FirstAsync(a => a.Id == id, ct);
        TempData[StatusMessage.Key] = (await invitation.InviteAsync(advisor, ct)) switch
        {
            AdvisorInvitation.Outcome.Sent => text["Die Einladung an {0} ist verschickt.", advisor.Email].Value,
            AdvisorInvitation.Outcome.AlreadyActive => text["{0} hat die Einladung schon angenommen und kann sich anmelden.", advisor.FullName].Value,
            AdvisorInvitation.Outcome.EmailTaken => text["Keine Einladung: Diese E-Mail-Adresse gehört schon zum Konto eines anderen Profils."].Value,
            AdvisorInvitation.Outcome.NeedsAdministrator => text["Diese E-Mail-Adresse gehört zu einem Konto mit einer anderen Rolle (zum Beispiel Koordinierung oder Administration). Die Rolle Berater*in kann diesem Konto nur die Administration geben."].Value,
            _ => text["Die Einladung konnte nicht verschickt werden."].Value,
        };
        return RedirectToPage("/Advisors/Manage/Edit", new { id });
    }

    private string PhotoUrl(int id) => Url.Content($"~/manage/advisors/{id}/photo");

    /// <summary>False (→ 404) when the advisor does not exist or belongs to a pool the user does not manage.</summary>
    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var a = await db.Advisors.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new { x.PoolId, x.FirstName, x.LastName, x.Slug, x.Status, x.UserId, HasPassword = db.Users.Any(u => u.Id == x.UserId && u.PasswordHash != null) })
            .FirstOrDefaultAsync(ct);
        if (a is null || !await access.CanManageAsync(a.PoolId, ct)) return false;
        FullName = $"{a.FirstName} {a.LastName}";
        PoolName = (await catalog.FindAsync(a.PoolId, ct))?.Name ?? "";
        Slug = a.Slug;
        Account = a.UserId is null ? AccountState.None : a.HasPassword ? AccountState.Active : AccountState.Invited;
        ConsentHistory = await Privacy.Consents.ConsentHistory.ForAdvisorAsync(db, id, ct);
        if (HttpMethods.IsGet(Request.Method)) Status = a.Status;
        return true;
    }
}
