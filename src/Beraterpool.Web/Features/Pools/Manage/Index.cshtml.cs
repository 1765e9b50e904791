using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Pools.Manage;

[Authorize(Roles = Roles.Administrator)]
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public sealed record Row(int Id, string Name, string BrandName, string Slug, bool IsDefault, IReadOnlyList<string> StateCodes, int Coordinators, int Advisors);

    public IReadOnlyList<Row> Pools { get; private set; } = [];
    public IReadOnlyDictionary<string, string> StateNames { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Pools = await db.Pools.AsNoTracking().OrderBy(p => p.Name)
            .Select(p => new Row(p.Id, p.Name, p.BrandName, p.Slug, p.IsDefault, p.StateCodes, p.Coordinators.Count, db.Advisors.Count(a => a.PoolId == p.Id)))
            .ToListAsync(ct);
        StateNames = (await FederalStates.AllAsync(db, ct)).ToDictionary(s => s.Code, s => s.Name);
    }
}
