using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Pools;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Interviews.Manage;

public sealed record GuideRow(int Id, int PoolId, string Title, int Version, int Finished, int Drafts, DateTimeOffset UpdatedAt);

/// <summary>The current guides of the pools the user coordinates, with their interviews counted.</summary>
[Authorize(Roles = Roles.Administrator + "," + Roles.Coordinator)]
public sealed class IndexModel(AppDbContext db, PoolAccess access, PoolCatalog catalog) : PageModel
{
    public IReadOnlyList<PoolInfo> Pools { get; private set; } = [];
    public IReadOnlyList<GuideRow> Guides { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var managed = await access.ManagedPoolIdsAsync(ct);
        Pools = (await catalog.AllAsync(ct)).Where(p => managed.Contains(p.Id)).ToList();
        Guides = await db.InterviewGuides.AsNoTracking().Where(g => managed.Contains(g.PoolId) && g.SupersededById == null)
            .OrderBy(g => g.Title)
            .Select(g => new GuideRow(g.Id, g.PoolId, g.Title, g.Version,
                db.Interviews.Count(i => i.FinishedAt != null && db.InterviewGuides.Any(v => v.Id == i.GuideId && v.FamilyId == g.FamilyId)),
                db.Interviews.Count(i => i.FinishedAt == null && db.InterviewGuides.Any(v => v.Id == i.GuideId && v.FamilyId == g.FamilyId)),
                g.UpdatedAt))
            .Take(500).ToListAsync(ct);
    }

    public string PoolName(int id) => Pools.FirstOrDefault(p => p.Id == id)?.Name ?? "";
}
