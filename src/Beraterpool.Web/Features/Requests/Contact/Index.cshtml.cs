using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Engagements;
using Beraterpool.Web.Features.MunicipalityAccounts;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Quota;
using Beraterpool.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Requests.Contact;

/// <summary>
/// The municipality's home: for each municipality the account speaks for, its name, the days left this year and the
/// colleagues; then all its requests and engagements (and the contact's own requests the office has not taken up yet).
/// </summary>
[Authorize(Roles = Roles.MunicipalityContact)]
public sealed class IndexModel(TimeProvider time, AppDbContext db, MunicipalityAccess access, PoolCatalog catalog, DayBalances dayBalances) : PageModel
{
    public sealed record Row(int Id, string Reference, string MunicipalityName, RequestStatus Status, DateTimeOffset CreatedAt);
    public sealed record EngagementRow(int Id, string Reference, string MunicipalityName, EngagementStatus Status, DateTimeOffset StartedAt);

    /// <summary><paramref name="IsMember"/> false: only the contact's own, not yet accepted request — no colleagues yet.</summary>
    public sealed record Home(MunicipalityScope Scope, string Name, string PoolName, DayBalance Days, bool IsMember, IReadOnlyList<Colleague> Colleagues);

    public IReadOnlyList<Home> Homes { get; private set; } = [];
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<EngagementRow> Engagements { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scopes = await access.ScopesAsync(ct);
        var candidates = await (await access.VisibleRequestsAsync(ct))
            .OrderByDescending(r => r.CreatedAt)
            .Select(r => new { r.Id, r.Reference, r.PoolId, r.MunicipalityKey, r.ContactUserId, r.Status, r.CreatedAt })
            .Take(500).ToListAsync(ct);
        var requests = candidates.Where(r => access.Owns(scopes, r.PoolId, r.MunicipalityKey, r.ContactUserId)).ToList();

        var all = scopes.Concat(requests.Select(r => new MunicipalityScope(r.PoolId, r.MunicipalityKey))).Distinct().ToList();
        var keys = all.Select(s => s.MunicipalityKey).Distinct().ToList();
        var names = await db.Municipalities.AsNoTracking().Where(m => keys.Contains(m.OfficialKey))
            .ToDictionaryAsync(m => m.OfficialKey, m => m.ShortName, ct);
        string Name(string key) => names.GetValueOrDefault(key, key);

        Rows = requests.Select(r => new Row(r.Id, r.Reference, Name(r.MunicipalityKey), r.Status, r.CreatedAt)).ToList();
        var ids = requests.Select(r => r.Id).ToList();
        var references = requests.ToDictionary(r => r.Id, r => r.Reference);
        Engagements = (await db.Engagements.AsNoTracking().Where(e => ids.Contains(e.RequestId))
                .Select(e => new { e.Id, e.RequestId, e.MunicipalityKey, e.Status, e.StartedAt }).ToListAsync(ct))
            .OrderByDescending(e => e.StartedAt)
            .Select(e => new EngagementRow(e.Id, references[e.RequestId], Name(e.MunicipalityKey), e.Status, e.StartedAt)).ToList();

        var balances = await dayBalances.ForManyAsync(all.Select(s => (s.PoolId, s.MunicipalityKey)), time.LocalYear(), ct);
        var pools = await catalog.AllAsync(ct);
        var homes = new List<Home>();
        foreach (var s in all)
        {
            var member = scopes.Contains(s);
            homes.Add(new Home(s, Name(s.MunicipalityKey), pools.FirstOrDefault(p => p.Id == s.PoolId)?.Name ?? "",
                balances[(s.PoolId, s.MunicipalityKey)], member, member ? await access.ColleaguesAsync(s, ct) : []));
        }
        Homes = homes;
    }
}
