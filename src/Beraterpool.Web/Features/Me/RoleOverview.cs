using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Pools;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Me;

/// <summary>
/// The overview of the narrow roles (application committee, mentors): who is signed in, what the role does in the
/// programme, and what waits for them. Applications and mentorships come with the establishment issue; until then the
/// list is honestly empty and says how work will reach them.
/// </summary>
public abstract class RoleOverviewModel(AppDbContext db, PoolAccess access) : PageModel
{
    public string Name { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        var userId = access.UserId;
        Name = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.DisplayName ?? u.Email ?? "").FirstOrDefaultAsync(ct) ?? "";
    }
}

[Authorize(Roles = Roles.Reviewer)]
public sealed class ReviewModel(AppDbContext db, PoolAccess access) : RoleOverviewModel(db, access);

[Authorize(Roles = Roles.Mentor)]
public sealed class MentoringModel(AppDbContext db, PoolAccess access) : RoleOverviewModel(db, access);
