using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Engagements;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Quota;

/// <summary>The outcome of booking half days against a municipality's annual account.</summary>
public sealed record QuotaBooking(bool Succeeded, int Year, int QuotaHalfDays, int UsedHalfDays)
{
    public int RemainingHalfDays => DayBalance.Remaining(QuotaHalfDays, UsedHalfDays);
}

/// <summary>
/// Books advisor days against <see cref="DayQuotaAccount"/> (pool, municipality, calendar year of the activity's date).
/// Every booking is one transaction: make sure the account row exists, then one conditional set-based UPDATE
/// (used + n ≤ quota). On PostgreSQL the UPDATE takes the row lock and re-checks its WHERE against the committed
/// row, on SQLite writers are serialised (BEGIN IMMEDIATE, busy waits), so parallel logs can never pass the quota;
/// the check constraint on the table is the last line of defence.
/// </summary>
public sealed class DayQuotaService(TimeProvider time, AppDbContext db, DayBalances balances, IStringLocalizer<DayQuotaService> text)
{
    /// <summary>Adds <paramref name="activity"/> if its half days still fit into the year's quota of its engagement's municipality.</summary>
    public async Task<QuotaBooking> TryLogActivityAsync(Activity activity, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(activity.HalfDays, 1);
        var scope = await ScopeOfAsync(activity.EngagementId, ct);
        var year = activity.Date.Year;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await EnsureAccountAsync(scope.PoolId, scope.MunicipalityKey, year, ct);
        if (!await TryBookAsync(scope.PoolId, scope.MunicipalityKey, year, activity.HalfDays, ct))
        {
            await tx.RollbackAsync(ct);
            return await RefusedAsync(scope.PoolId, scope.MunicipalityKey, year, ct);
        }
        if (activity.CreatedAt == default) activity.CreatedAt = time.GetUtcNow();
        db.Activities.Add(activity);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return await BookedAsync(scope.PoolId, scope.MunicipalityKey, year, ct);
    }

    /// <summary>
    /// Changes date and/or duration of an unbilled activity: gives the old half days back and books the new ones in
    /// one transaction, so the change is refused as a whole when the new days do not fit. Other field changes made
    /// to the tracked <paramref name="activity"/> are saved with it.
    /// </summary>
    public async Task<QuotaBooking> TryChangeActivityAsync(Activity activity, DateOnly newDate, int newHalfDays, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(newHalfDays, 1);
        var scope = await ScopeOfAsync(activity.EngagementId, ct);
        var (oldYear, oldHalfDays, newYear) = (activity.Date.Year, activity.HalfDays, newDate.Year);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await db.Activities.Where(a => a.Id == activity.Id && a.FeeStatementId == null)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.HalfDays, newHalfDays).SetProperty(a => a.Date, newDate), ct) == 0)
            throw new InvalidOperationException("The activity is billed or gone.");
        bool ok;
        if (oldYear == newYear)
        {
            await EnsureAccountAsync(scope.PoolId, scope.MunicipalityKey, newYear, ct);
            ok = await TryBookAsync(scope.PoolId, scope.MunicipalityKey, newYear, newHalfDays - oldHalfDays, ct);
        }
        else
        {
            await EnsureAccountAsync(scope.PoolId, scope.MunicipalityKey, newYear, ct);
            // Always lock the two years' rows in the same order, so two opposite moves cannot deadlock on PostgreSQL.
            if (oldYear < newYear)
            {
                await ReleaseAsync(scope.PoolId, scope.MunicipalityKey, oldYear, oldHalfDays, ct);
                ok = await TryBookAsync(scope.PoolId, scope.MunicipalityKey, newYear, newHalfDays, ct);
            }
            else
            {
                ok = await TryBookAsync(scope.PoolId, scope.MunicipalityKey, newYear, newHalfDays, ct);
                if (ok) await ReleaseAsync(scope.PoolId, scope.MunicipalityKey, oldYear, oldHalfDays, ct);
            }
        }
        if (!ok)
        {
            await tx.RollbackAsync(ct);
            return await RefusedAsync(scope.PoolId, scope.MunicipalityKey, newYear, ct);
        }
        // The tracked entity still holds the old values; keep it in step with the row before saving the rest.
        var entry = db.Entry(activity);
        entry.Property(a => a.Date).CurrentValue = newDate;
        entry.Property(a => a.Date).OriginalValue = newDate;
        entry.Property(a => a.HalfDays).CurrentValue = newHalfDays;
        entry.Property(a => a.HalfDays).OriginalValue = newHalfDays;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return await BookedAsync(scope.PoolId, scope.MunicipalityKey, newYear, ct);
    }

    /// <summary>Deletes an unbilled activity and gives its half days back. False when it is billed or already gone.</summary>
    public async Task<bool> DeleteActivityAsync(int activityId, CancellationToken ct = default)
    {
        var row = await db.Activities.AsNoTracking().Where(a => a.Id == activityId)
            .Select(a => new { a.EngagementId, a.Date, a.HalfDays }).SingleOrDefaultAsync(ct);
        if (row is null) return false;
        var scope = await ScopeOfAsync(row.EngagementId, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await db.Activities.Where(a => a.Id == activityId && a.FeeStatementId == null).ExecuteDeleteAsync(ct) == 0)
        {
            await tx.RollbackAsync(ct);
            return false;
        }
        await ReleaseAsync(scope.PoolId, scope.MunicipalityKey, row.Date.Year, row.HalfDays, ct);
        await tx.CommitAsync(ct);
        return true;
    }

    public enum RaiseOutcome { Changed, Unchanged, BelowUsed }

    /// <summary>
    /// A coordinator's decision to set one municipality's quota for one year, with a written reason: a QuotaIncrease
    /// row and the account change in one transaction. The conditional UPDATE refuses a quota below the days already
    /// used, even when days are logged at the same moment.
    /// </summary>
    public async Task<(RaiseOutcome Outcome, QuotaBooking Balance)> SetQuotaAsync(int poolId, string municipalityKey, int year, int newQuotaHalfDays,
        string reason, string? userId, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await EnsureAccountAsync(poolId, municipalityKey, year, ct);
        var previous = await db.DayQuotaAccounts.AsNoTracking()
            .Where(a => a.PoolId == poolId && a.MunicipalityKey == municipalityKey && a.Year == year).Select(a => a.QuotaHalfDays).SingleAsync(ct);
        if (previous == newQuotaHalfDays)
        {
            await tx.RollbackAsync(ct);
            return (RaiseOutcome.Unchanged, await BalanceAsync(poolId, municipalityKey, year, ct));
        }
        var changed = await db.DayQuotaAccounts
            .Where(a => a.PoolId == poolId && a.MunicipalityKey == municipalityKey && a.Year == year && a.UsedHalfDays <= newQuotaHalfDays)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.QuotaHalfDays, newQuotaHalfDays), ct);
        if (changed == 0)
        {
            await tx.RollbackAsync(ct);
            return (RaiseOutcome.BelowUsed, await BalanceAsync(poolId, municipalityKey, year, ct));
        }
        db.QuotaIncreases.Add(new QuotaIncrease
        {
            PoolId = poolId, MunicipalityKey = municipalityKey, Year = year, PreviousQuotaHalfDays = previous, NewQuotaHalfDays = newQuotaHalfDays,
            Reason = reason.Trim(), UserId = userId, At = time.GetUtcNow(),
        });
        Audit.AuditLog.Audit(db, "quota.changed", $"quota:{poolId}:{municipalityKey}:{year}", userId, poolId,
            $"{previous} → {newQuotaHalfDays} half days; reason: {reason.Trim()}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (RaiseOutcome.Changed, await BalanceAsync(poolId, municipalityKey, year, ct));
    }

    /// <summary>The account's state for a year without creating it: an untouched year has the pool's quota.</summary>
    public async Task<QuotaBooking> BalanceAsync(int poolId, string municipalityKey, int year, CancellationToken ct = default)
    {
        var balance = await balances.ForAsync(poolId, municipalityKey, year, ct);
        return new QuotaBooking(true, year, balance.QuotaHalfDays, balance.UsedHalfDays);
    }

    /// <summary>"Es sind nur noch 1,5 Beratungstage für 2026 übrig." — what a refused log tells the user.</summary>
    public string RefusalMessage(QuotaBooking booking) => booking.RemainingHalfDays switch
    {
        0 => text["Für {0} sind keine Beratungstage mehr übrig. Das Kontingent von {1} Tagen ist ausgeschöpft.", booking.Year, Days.Number(booking.QuotaHalfDays)],
        2 => text["Es ist nur noch 1 Beratungstag für {0} übrig.", booking.Year],
        var r => text["Es sind nur noch {0} Beratungstage für {1} übrig.", Days.Number(r), booking.Year],
    };

    /// <summary>
    /// Creates the year's account if missing — with the quota a coordinator decided for that year, else the pool's —
    /// and lets a concurrent creator win without an error (ON CONFLICT DO NOTHING works on both providers).
    /// </summary>
    private Task<int> EnsureAccountAsync(int poolId, string key, int year, CancellationToken ct) =>
        db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "DayQuotaAccounts" ("PoolId", "MunicipalityKey", "Year", "QuotaHalfDays", "UsedHalfDays")
            VALUES ({poolId}, {key}, {year},
                COALESCE(
                    (SELECT q."NewQuotaHalfDays" FROM "QuotaIncreases" q
                     WHERE q."PoolId" = {poolId} AND q."MunicipalityKey" = {key} AND q."Year" = {year}
                     ORDER BY q."Id" DESC LIMIT 1),
                    (SELECT p."AnnualDayQuota" * 2 FROM "Pools" p WHERE p."Id" = {poolId})),
                0)
            ON CONFLICT ("PoolId", "MunicipalityKey", "Year") DO NOTHING
            """, ct);

    private async Task<bool> TryBookAsync(int poolId, string key, int year, int halfDays, CancellationToken ct) =>
        await db.DayQuotaAccounts
            .Where(a => a.PoolId == poolId && a.MunicipalityKey == key && a.Year == year
                        && a.UsedHalfDays + halfDays <= a.QuotaHalfDays && a.UsedHalfDays + halfDays >= 0)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.UsedHalfDays, a => a.UsedHalfDays + halfDays), ct) == 1;

    private Task<int> ReleaseAsync(int poolId, string key, int year, int halfDays, CancellationToken ct) =>
        db.DayQuotaAccounts
            .Where(a => a.PoolId == poolId && a.MunicipalityKey == key && a.Year == year)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.UsedHalfDays, a => a.UsedHalfDays - halfDays > 0 ? a.UsedHalfDays - halfDays : 0), ct);

    private async Task<(int PoolId, string MunicipalityKey)> ScopeOfAsync(int engagementId, CancellationToken ct)
    {
        var e = await db.Engagements.AsNoTracking().Where(x => x.Id == engagementId)
            .Select(x => new { x.PoolId, x.MunicipalityKey }).SingleAsync(ct);
        return (e.PoolId, e.MunicipalityKey);
    }

    private async Task<QuotaBooking> RefusedAsync(int poolId, string key, int year, CancellationToken ct) =>
        (await BalanceAsync(poolId, key, year, ct)) with { Succeeded = false };

    private Task<QuotaBooking> BookedAsync(int poolId, string key, int year, CancellationToken ct) => BalanceAsync(poolId, key, year, ct);
}
