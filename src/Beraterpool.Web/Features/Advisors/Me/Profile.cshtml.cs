using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Advisors.Editor;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Privacy.Consents;
using Beraterpool.Web.Features.Shared.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Advisors.Me;

/// <summary>
/// The advisor's own profile. The record is found by the signed-in user's id, never by an id in the
/// address or the form, so no advisor can reach another's data.
/// </summary>
[Authorize(Roles = Roles.Advisor)]
public sealed class ProfileModel(AppDbContext db, ProfileEditor editor, PoolAccess access, PoolCatalog pools, CurrentPool currentPool, LinkGenerator links, IStringLocalizer<ProfileModel> text) : PageModel
{
    [BindProperty] public ProfileInput Input { get; set; } = new();
    public string? AdvisorSlug { get; private set; }
    /// <summary>In the advisor's own pool, also when they are looking at another pool's pages.</summary>
    public string? PublicProfileUrl { get; private set; }
    public string? PoolName { get; private set; }
    public bool HasProfile { get; private set; }
    public AdvisorStatus Status { get; private set; }
    public IReadOnlyList<ConsentHistory.Row> ConsentHistory { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await OwnIdAsync(ct) is not { } id) return Page();
        Input = (await editor.LoadAsync(id, ct))!;
        await PrepareAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await OwnIdAsync(ct) is not { } id) return Page();
        // Saving also checks what needs the database, so one submit shows every problem.
        if (await editor.SaveAsync(id, Input, ModelState, nameof(Input), access.UserId, ct))
        {
            TempData[StatusMessage.Key] = text["Ihr Profil ist gespeichert."].Value;
            return RedirectToPage();
        }
        await PrepareAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSearchCityAsync(CancellationToken ct)
    {
        if (await OwnIdAsync(ct) is not { } id) return Page();
        await EditorPage.SearchCityAsync(editor, Input, ModelState, ct);
        await PrepareAsync(id, ct);
        return Page();
    }

    private async Task<int?> OwnIdAsync(CancellationToken ct)
    {
        var userId = access.UserId;
        var own = await db.Advisors.AsNoTracking().Where(a => a.UserId == userId)
            .Select(a => new { a.Id, a.Slug, a.PoolId, a.Status }).FirstOrDefaultAsync(ct);
        if (own is null) return null;
        HasProfile = true;
        AdvisorSlug = own.Slug;
        Status = own.Status;
        var pool = await pools.FindAsync(own.PoolId, ct);
        PoolName = pool?.Name;
        if (pool is not null)
        {
            var current = currentPool.Pool;
            var pathBase = current?.Id == pool.Id ? Request.PathBase : new PathString(PoolResolution.Prefix + pool.Slug);
            PublicProfileUrl = links.GetPathByPage(HttpContext, "/Advisors/Directory/Profile", values: new { slug = own.Slug }, pathBase: pathBase);
        }
        return own.Id;
    }

    private async Task PrepareAsync(int id, CancellationToken ct)
    {
        await editor.PrepareAsync(id, Input, forCoordinator: false, Url.Content("~/me/profile/photo"), ct);
        ConsentHistory = await Privacy.Consents.ConsentHistory.ForAdvisorAsync(db, id, ct);
    }
}
