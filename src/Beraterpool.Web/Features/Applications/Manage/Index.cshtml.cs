using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Pools;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Applications.Manage;

public sealed record ManagedCall(int Id, int PoolId, string Title, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, bool BlindReview, int Criteria, int Questions);

/// <summary>The calls of the pools the user coordinates, newest first.</summary>
[Authorize(Roles = Roles.Administrator + "," + Roles.Coordinator)]
public sealed class IndexModel(AppDbContext db, TimeProvider time, PoolAccess access, PoolCatalog catalog, IStringLocalizer<IndexModel> text) : PageModel
{
    public IReadOnlyList<PoolInfo> Pools { get; private set; } = [];
    public IReadOnlyList<ManagedCall> Calls { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }
    public CallTexts Texts { get; } = new(text);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var managed = await access.ManagedPoolIdsAsync(ct);
        Pools = (await catalog.AllAsync(ct)).Where(p => managed.Contains(p.Id)).ToList();
        Now = time.GetUtcNow();
        Calls = await db.Calls.AsNoTracking().Where(c => managed.Contains(c.PoolId)).OrderByDescending(c => c.ClosesAt).Take(200)
            .Select(c => new ManagedCall(c.Id, c.PoolId, c.Title, c.OpensAt, c.ClosesAt, c.BlindReview, c.Criteria.Count, c.Questions.Count)).ToListAsync(ct);
    }

    public string PoolName(int id) => Pools.FirstOrDefault(p => p.Id == id)?.Name ?? "";
}
