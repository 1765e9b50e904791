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
public sealed class IndexModel(TimeProvider time, AppDbContext db, PoolAccess access, PoolCatalog catalog) : PageModel
{
    public sealed record Row(int Id, string Reference, int PoolId, string MunicipalityKey, string MunicipalityName, RequestStatus Status,
        DateTimeOffset CreatedAt, IReadOnlyList<int> EngagementIds);

    public sealed record Days(string MunicipalityName, string PoolName, int QuotaHalfDays, int UsedHalfDays)
    {
        public int RemainingHalfDays => Math.Max(0, QuotaHalfDays - UsedHalfDays);
    }

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

        // One query for all of the contact's day accounts this year; without a row the pool's full quota applies.
        var keys = Rows.Select(r => r.MunicipalityKey).Distinct().ToList();
        var year = time.LocalYear();
        var accounts = await db.DayQuotaAccounts.AsNoTracking()
            .Where(a => a.Year == year && keys.Contains(a.MunicipalityKey))
            .Select(a => new { a.PoolId, a.MunicipalityKey, a.QuotaHalfDays, a.UsedHalfDays }).ToListAsync(ct);
        var pools = await catalog.AllAsync(ct);
        DaysLeft = Rows.Select(r => (r.PoolId, r.MunicipalityKey, r.MunicipalityName)).Distinct().Select(pair =>
        {
            var pool = pools.FirstOrDefault(p => p.Id == pair.PoolId);
            var account = accounts.FirstOrDefault(a => a.PoolId == pair.PoolId && a.MunicipalityKey == pair.MunicipalityKey);
            return new Days(pair.MunicipalityName, pool?.Name ?? "", account?.QuotaHalfDays ?? (pool?.AnnualDayQuota ?? 10) * 2, account?.UsedHalfDays ?? 0);
        }).ToList();
    }
}
