using Beraterpool.Web.Features.Quota;
using Beraterpool.Web.Features.Shared;
using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Pools;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Requests.Contact;

/// <summary>The municipality contact's start page: their requests, the engagements, and the days left this year.</summary>
[Authorize(Roles = Roles.MunicipalityContact)]
public sealed class IndexModel(TimeProvider time, AppDbContext db, PoolAccess access, PoolCatalog catalog, DayBalances dayBalances) : PageModel
{
    public sealed record Row(int Id, string Reference, int PoolId, string MunicipalityKey, string MunicipalityName, RequestStatus Status,
        DateTimeOffset CreatedAt, IReadOnlyList<int> EngagementIds);

    public sealed record Days(string MunicipalityName, string PoolName, DayBalance Balance);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<Days> DaysLeft { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var userId = access.UserId;
        var rows = await db.ConsultationRequests.AsNoTracking().Where(r => r.ContactUserId == userId)
            .OrderByDescending(r => r.CreatedAt)
            .Select(r => new
            {
                r.Id, r.Reference, r.PoolId, r.MunicipalityKey, r.Status, r.CreatedAt,
                Name = db.Municipalities.Where(m => m.OfficialKey == r.MunicipalityKey).Select(m => m.ShortName).FirstOrDefault(),
            })
            .Take(200).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var engagements = await db.Engagements.AsNoTracking().Where(e => ids.Contains(e.RequestId))
            .Select(e => new { e.Id, e.RequestId }).ToListAsync(ct);
        Rows = rows.Select(r => new Row(r.Id, r.Reference, r.PoolId, r.MunicipalityKey, r.Name ?? r.MunicipalityKey, r.Status, r.CreatedAt,
            engagements.Where(e => e.RequestId == r.Id).Select(e => e.Id).ToList())).ToList();

        var scopes = Rows.Select(r => (r.PoolId, r.MunicipalityKey, r.MunicipalityName)).Distinct().ToList();
        var balances = await dayBalances.ForManyAsync(scopes.Select(s => (s.PoolId, s.MunicipalityKey)), time.LocalYear(), ct);
        var pools = await catalog.AllAsync(ct);
        DaysLeft = scopes.Select(s => new Days(s.MunicipalityName, pools.FirstOrDefault(p => p.Id == s.PoolId)?.Name ?? "", balances[(s.PoolId, s.MunicipalityKey)])).ToList();
    }
}
