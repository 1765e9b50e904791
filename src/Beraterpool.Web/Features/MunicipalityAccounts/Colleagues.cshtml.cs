using System.ComponentModel.DataAnnotations;
using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Requests;
using Beraterpool.Web.Features.Shared;
using Beraterpool.Web.Features.Shared.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.MunicipalityAccounts;

/// <summary>
/// The people of one municipality's account in one pool, and the form to invite another. Open to its members and to
/// the pool's coordinator; anyone else gets 404, as if the municipality had no account.
/// </summary>
[Authorize(Roles = $"{Roles.MunicipalityContact},{Roles.Coordinator},{Roles.Administrator}")]
[EnableRateLimiting(RequestRateLimit.Policy), SendingHandlers("Invite")]
public sealed class ColleaguesModel(AppDbContext db, MunicipalityAccess access, PoolCatalog catalog, ColleagueInvitations invitations,
    IStringLocalizer<ColleaguesModel> text) : PageModel
{
    public MunicipalityScope Scope { get; private set; } = null!;
    public string MunicipalityName { get; private set; } = "";
    public string PoolName { get; private set; } = "";
    public IReadOnlyList<Colleague> People { get; private set; } = [];
    public bool IsMember { get; private set; }

    [BindProperty] public InviteInput Input { get; set; } = new();

    public sealed class InviteInput
    {
        [Required(ErrorMessage = "Bitte geben Sie den Namen an.")]
        [StringLength(120, ErrorMessage = "Der Name darf höchstens 120 Zeichen lang sein.")]
        public string? Name { get; set; }

        [Required(ErrorMessage = "Bitte geben Sie die E-Mail-Adresse an.")]
        [MailAddress(ErrorMessage = "Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. name@example.org.")]
        [StringLength(200, ErrorMessage = "Die E-Mail-Adresse ist zu lang.")]
        public string? Email { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int poolId, string key, CancellationToken ct) =>
        await LoadAsync(poolId, key, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostInviteAsync(int poolId, string key, CancellationToken ct)
    {
        if (!await LoadAsync(poolId, key, ct)) return NotFound();
        if (!ModelState.IsValid) return Page();
        switch (await invitations.InviteAsync(Scope, MunicipalityName, Input.Name!.Trim(), Input.Email!.Trim(), WebUi.CurrentCulture, ct))
        {
            case ColleagueInvitations.Outcome.AlreadyMember:
                ModelState.AddModelError("Input.Email", text["Diese Person gehört schon zum Konto von {0}.", MunicipalityName]);
                return Page();
            case ColleagueInvitations.Outcome.NotPossible:
                ModelState.AddModelError("Input.Email", text["Diese Adresse kann hier nicht eingeladen werden. Bitte wenden Sie sich an die Koordinierungsstelle."]);
                return Page();
        }
        TempData[StatusMessage.Key] = text["Wir haben {0} eine Einladung an {1} geschickt.", Input.Name!.Trim(), Input.Email!.Trim()].Value;
        return RedirectToPage(new { poolId, key });
    }

    private async Task<bool> LoadAsync(int poolId, string key, CancellationToken ct)
    {
        if (key is not { Length: 5 or 8 }) return false;
        Scope = new MunicipalityScope(poolId, key);
        if (!await access.CanManageColleaguesAsync(Scope, ct)) return false;
        var name = await db.Municipalities.AsNoTracking().Where(m => m.OfficialKey == key).Select(m => m.ShortName).FirstOrDefaultAsync(ct);
        var pool = await catalog.FindAsync(poolId, ct);
        if (name is null || pool is null) return false;
        (MunicipalityName, PoolName) = (name, pool.Name);
        IsMember = await access.IsMemberAsync(poolId, key, ct);
        People = await access.ColleaguesAsync(Scope, ct);
        return true;
    }
}
