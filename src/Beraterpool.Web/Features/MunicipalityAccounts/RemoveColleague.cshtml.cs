using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Shared.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.MunicipalityAccounts;

/// <summary>"Really remove?": a colleague leaves the municipality's account only after this confirmation.</summary>
[Authorize(Roles = $"{Roles.MunicipalityContact},{Roles.Coordinator},{Roles.Administrator}")]
public sealed class RemoveColleagueModel(AppDbContext db, MunicipalityAccess access, ColleagueInvitations invitations,
    IStringLocalizer<RemoveColleagueModel> text) : PageModel
{
    public MunicipalityScope Scope { get; private set; } = null!;
    public string MunicipalityName { get; private set; } = "";
    public Colleague Person { get; private set; } = null!;
    public bool Self => Person.UserId == access.UserId;

    public async Task<IActionResult> OnGetAsync(int poolId, string key, string userId, CancellationToken ct) =>
        await LoadAsync(poolId, key, userId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int poolId, string key, string userId, CancellationToken ct)
    {
        if (!await LoadAsync(poolId, key, userId, ct)) return NotFound();
        await invitations.RemoveAsync(Scope, userId, ct);
        TempData[StatusMessage.Key] = text["{0} gehört nicht mehr zum Konto von {1}.", Person.Name, MunicipalityName].Value;
        // Whoever removed themselves has no colleagues page left to see.
        return Self ? RedirectToPage("/Requests/Contact/Index") : RedirectToPage("/MunicipalityAccounts/Colleagues", new { poolId, key });
    }

    private async Task<bool> LoadAsync(int poolId, string key, string userId, CancellationToken ct)
    {
        Scope = new MunicipalityScope(poolId, key);
        if (!await access.CanManageColleaguesAsync(Scope, ct)) return false;
        if ((await access.ColleaguesAsync(Scope, ct)).FirstOrDefault(c => c.UserId == userId) is not { } person) return false;
        Person = person;
        MunicipalityName = await db.Municipalities.AsNoTracking().Where(m => m.OfficialKey == key).Select(m => m.ShortName).FirstOrDefaultAsync(ct) ?? key;
        return true;
    }
}
