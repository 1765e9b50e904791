using Beraterpool.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Quota;

/// <summary>
/// A municipality's advisor days in one pool and calendar year, in half days: the one place that says what is left.
/// An untouched year has the pool's annual quota and nothing used.
/// </summary>
public sealed record DayBalance(int PoolId, string MunicipalityKey, int Year, int QuotaHalfDays, int UsedHalfDays)
{
    public int RemainingHalfDays => Remaining(QuotaHalfDays, UsedHalfDays);

    /// <summary>Never below zero: a quota lowered under what was used leaves nothing, not a debt.</summary>
    public static int Remaining(int quotaHalfDays, int usedHalfDays) => Math.Max(0, quotaHalfDays - usedHalfDays);
}

/// <summary>Reads day balances for the pages and mails that show days left; one query however many municipalities.</summary>
public sealed class DayBalances(AppDbContext db)
{
    public async Task<DayBalance> ForAsync(int poolId, string municipalityKey, int year, CancellationToken ct = default) =>
        (await ForManyAsync([(poolId, municipalityKey)], year, ct))[(poolId, municipalityKey)];

    public async Task<IReadOnlyDictionary<(int PoolId, string MunicipalityKey), DayBalance>> ForManyAsync(
        IEnumerable<(int PoolId, string MunicipalityKey)> scopes, int year, CancellationToken ct = default)
    {
        var wanted = scopes.Distinct().ToList();
        if (wanted.Count == 0) return new Dictionary<(int, string), DayBalance>();
        var poolIds = wanted.Select(w => w.PoolId).Distinct().ToList();
        var keys = wanted.Select(w => w.MunicipalityKey).Distinct().ToList();
        var pools = await db.Pools.AsNoTracking().Where(p => poolIds.Contains(p.Id))
            .Select(p => new
            {
                p.Id, QuotaHalfDays = p.AnnualDayQuota * 2,
                Accounts = db.DayQuotaAccounts.Where(a => a.PoolId == p.Id && a.Year == year && keys.Contains(a.MunicipalityKey))
                    .Select(a => new { a.MunicipalityKey, a.QuotaHalfDays, a.UsedHalfDays }).ToList(),
            })
            .ToListAsync(ct);
        var byPool = pools.ToDictionary(p => p.Id);
        return wanted.ToDictionary(w => w, w =>
        {
            var pool = byPool[w.PoolId];
            var account = pool.Accounts.FirstOrDefault(a => a.MunicipalityKey == w.MunicipalityKey);
            return new DayBalance(w.PoolId, w.MunicipalityKey, year, account?.QuotaHalfDays ?? pool.QuotaHalfDays, account?.UsedHalfDays ?? 0);
        });
    }
}
