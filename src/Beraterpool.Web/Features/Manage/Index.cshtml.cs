using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Manage;

/// <summary>The start page of the administration: what the signed-in person may do, by role.</summary>
[Authorize(Roles = Roles.Administrator + "," + Roles.Coordinator)]
public sealed class IndexModel(TimeProvider time, AppDbContext db, PoolAccess access) : PageModel
{
    public sealed record PoolRow(int Id, string Name, int Advisors, int Active);

    public IReadOnlyList<PoolRow> Pools { get; private set; } = [];
    public Requests.Manage.CoordinatorQueue.Result? Queue { get; private set; }
    public bool IsAdministrator => access.IsAdministrator;
    public int ThisYear => time.LocalYear();
    public Email.Outbox.IndexModel.Counts Mails { get; private set; } = new(0, 0);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var ids = await access.ManagedPoolIdsAsync(ct);
        Pools = await db.Pools.AsNoTracking().Where(p => ids.Contains(p.Id)).OrderBy(p => p.Name)
            .Select(p => new PoolRow(p.Id, p.Name,
                db.Advisors.Count(a => a.PoolId == p.Id),
                db.Advisors.Count(a => a.PoolId == p.Id && a.Status == Advisors.AdvisorStatus.Active)))
            .ToListAsync(ct);
        Queue = await Requests.Manage.CoordinatorQueue.LoadAsync(db, time, ids, access.UserId, ct);
        Mails = await Email.Outbox.IndexModel.CountsAsync(db, access.IsAdministrator, ids, ct);
    }
}
