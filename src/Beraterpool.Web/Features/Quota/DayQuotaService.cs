using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Audit;
using Beraterpool.Web.Features.Engagements;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Quota;

/// <summary>Why a booking was refused: the year's quota is used up, the advisor already has a day on that date, or the activity is gone.</summary>
public enum BookingRefusal { None, Quota, AdvisorDay, Gone }

/// <summary>The outcome of booking half days against a municipality's annual account.</summary>
public sealed record QuotaBooking(bool Succeeded, int Year, int QuotaHalfDays, int UsedHalfDays)
{
    public int RemainingHalfDays => DayBalance.Remaining(QuotaHalfDays, UsedHalfDays);
    public BookingRefusal Refusal { get; init; }
    /// <summary>For <see cref="BookingRefusal.AdvisorDay"/>: the date and what the advisor already has on it.</summary>
    public DateOnly Date { get; init; }
    public int OnDateHalfDays { get; init; }
}

/// <summary>
/// Books advisor days against <see cref="DayQuotaAccount"/> (pool, municipality, calendar year of the activity's date).
/// The account's used half days always equal the sum of the activities' half days, so every write of an activity's
/// days is one transaction that reads the activity's current days under a lock, moves the difference with one
/// conditional set-based UPDATE (used + n ≤ quota) and writes the activity.
/// Locks: on SQLite a transaction starts with BEGIN IMMEDIATE and so holds the database's write lock from its first
/// statement (writers queue in the busy handler); on PostgreSQL the advisor's row (FOR NO KEY UPDATE: one day per
/// advisor and date), then the activity's row (FOR UPDATE), then the account rows (the UPDATE, in ascending years)
/// are locked, always in this order, so no two writers deadlock. The check constraint on the account is the last line
/// of defence: a release below 0 would mean drift and fails loudly instead of being clamped.
/// </summary>
public sealed class DayQuotaService(TimeProvider time, AppDbContext db, DayBalances balances, DayFormat days, IStringLocalizer<DayQuotaService> text)
{
    /// <summary>At most one day per advisor and calendar date, across all engagements.</summary>
    public const int MaxHalfDaysPerDate = 2;

    /// <summary>Adds <paramref name="activity"/> if its half days still fit into the year's quota of its engagement's municipality.</summary>
    public async Task<QuotaBooking> TryLogActivityAsync(Activity activity, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(activity.HalfDays, 1);
        var scope = await ScopeOfAsync(activity.EngagementId, ct);
        var year = activity.Date.Year;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await LockAdvisorAsync(activity.AdvisorId, ct);
        if (await AdvisorDayRefusalAsync(activity.AdvisorId, activity.Date, activity.HalfDays, null, ct) is { } full)
        {
            await tx.RollbackAsync(ct);
            return full;
        }
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
    /// Changes date and/or duration of an unbilled activity: reads its current days under the lock, gives them back and
    /// books the new ones in one transaction, so the change is refused as a whole when the new days do not fit.
    /// The other fields of the tracked <paramref name="activity"/> are saved with it (the whole row: the last change
    /// wins, never half of two), with an audit entry by <paramref name="userId"/>. Refused with
    /// <see cref="BookingRefusal.Gone"/> when the activity was deleted or billed meanwhile.
    /// </summary>
    public async Task<QuotaBooking> TryChangeActivityAsync(Activity activity, DateOnly newDate, int newHalfDays, string? userId = null, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(newHalfDays, 1);
        var scope = await ScopeOfAsync(activity.EngagementId, ct);
        var newYear = newDate.Year;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await LockAdvisorAsync(activity.AdvisorId, ct);
        if (await LockActivityAsync(activity.Id, ct) is not { } old)
        {
            await tx.RollbackAsync(ct);
            return new QuotaBooking(false, newYear, 0, 0) { Refusal = BookingRefusal.Gone };
        }
        if (await AdvisorDayRefusalAsync(activity.AdvisorId, newDate, newHalfDays, activity.Id, ct) is { } full)
        {
            await tx.RollbackAsync(ct);
            return full;
        }
        bool ok;
        if (old.Date.Year == newYear)
        {
            var more = newHalfDays - old.HalfDays;
            if (more > 0) await EnsureAccountAsync(scope.PoolId, scope.MunicipalityKey, newYear, ct);
            ok = more <= 0 || await TryBookAsync(scope.PoolId, scope.MunicipalityKey, newYear, more, ct);
            if (more < 0) await ReleaseAsync(scope.PoolId, scope.MunicipalityKey, newYear, -more, ct);
        }
        else
        {
            await EnsureAccountAsync(scope.PoolId, scope.MunicipalityKey, newYear, ct);
            // Always lock the two years' rows in the same order, so two opposite moves cannot deadlock on PostgreSQL.
            if (old.Date.Year < newYear)
            {
                await ReleaseAsync(scope.PoolId, scope.MunicipalityKey, old.Date.Year, old.HalfDays, ct);
                ok = await TryBookAsync(scope.PoolId, scope.MunicipalityKey, newYear, newHalfDays, ct);
            }
            else
            {
                ok = await TryBookAsync(scope.PoolId, scope.MunicipalityKey, newYear, newHalfDays, ct);
                if (ok) await ReleaseAsync(scope.PoolId, scope.MunicipalityKey, old.Date.Year, old.HalfDays, ct);
            }
        }
        if (!ok)
        {
            await tx.RollbackAsync(ct);
            return await RefusedAsync(scope.PoolId, scope.MunicipalityKey, newYear, ct);
        }
        // The tracked entity was read before the lock; writing the whole row keeps it from mixing with a change made meanwhile.
        activity.Date = newDate;
        activity.HalfDays = newHalfDays;
        db.Entry(activity).State = EntityState.Modified;
        db.Audit("engagement.activity.changed", $"engagement:{activity.EngagementId}", userId, scope.PoolId,
            $"activity:{activity.Id}; {old.Date:yyyy-MM-dd}; halfDays={old.HalfDays} → {newDate:yyyy-MM-dd}; halfDays={newHalfDays}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return await BookedAsync(scope.PoolId, scope.MunicipalityKey, newYear, ct);
    }

    /// <summary>
    /// Deletes an unbilled activity and gives back the half days it has at that moment, with an audit entry by
    /// <paramref name="userId"/>. False when it is billed or already gone.
    /// </summary>
    public async Task<bool> DeleteActivityAsync(int activityId, string? userId = null, CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await LockActivityAsync(activityId, ct) is not { } row)
        {
            await tx.RollbackAsync(ct);
            return false;
        }
        var scope = await ScopeOfAsync(row.EngagementId, ct);
        await db.Activities.Where(a => a.Id == activityId).ExecuteDeleteAsync(ct);
        await ReleaseAsync(scope.PoolId, scope.MunicipalityKey, row.Date.Year, row.HalfDays, ct);
        db.Audit("engagement.activity.deleted", $"engagement:{row.EngagementId}", userId, scope.PoolId,
            $"activity:{activityId}; {row.Date:yyyy-MM-dd}; halfDays={row.HalfDays}");
        await db.SaveChangesAsync(ct);
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
    public string RefusalMessage(QuotaBooking booking) => booking.Refusal switch
    {
        BookingRefusal.AdvisorDay => text["Bereits eingetragen am {0}: {1}. Je Beraterin oder Berater und Datum geht höchstens ein Beratungstag.",
            booking.Date.ToString("d", System.Globalization.CultureInfo.CurrentCulture), days.Text(booking.OnDateHalfDays)],
        BookingRefusal.Gone => text["Die Aktivität ist inzwischen gelöscht oder abgerechnet worden; Ihre Änderung ist nicht gespeichert."],
        _ => booking.RemainingHalfDays switch
        {
            0 => text["Für {0} sind keine Beratungstage mehr übrig. Das Kontingent von {1} Tagen ist ausgeschöpft.", booking.Year, Days.Number(booking.QuotaHalfDays)],
            2 => text["Es ist nur noch 1 Beratungstag für {0} übrig.", booking.Year],
            var r => text["Es sind nur noch {0} Beratungstage für {1} übrig.", Days.Number(r), booking.Year],
        },
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

    /// <summary>Gives half days back; there is no floor at 0, as going below would mean the account has drifted.</summary>
    private async Task ReleaseAsync(int poolId, string key, int year, int halfDays, CancellationToken ct)
    {
        var released = await db.DayQuotaAccounts
            .Where(a => a.PoolId == poolId && a.MunicipalityKey == key && a.Year == year && a.UsedHalfDays >= halfDays)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.UsedHalfDays, a => a.UsedHalfDays - halfDays), ct);
        if (released != 1)
            throw new InvalidOperationException($"The day account {poolId}/{key}/{year} holds fewer than the {halfDays} half days to give back: it has drifted from its activities.");
    }

    private sealed record LockedActivity(int EngagementId, DateOnly Date, int HalfDays);

    /// <summary>The unbilled activity's current days, locked until the transaction ends; null when it is billed or gone.</summary>
    private async Task<LockedActivity?> LockActivityAsync(int activityId, CancellationToken ct)
    {
        var rows = db.Database.IsNpgsql()
            ? db.Activities.FromSql($"""SELECT * FROM "Activities" WHERE "Id" = {activityId} FOR UPDATE""")
            : db.Activities.Where(a => a.Id == activityId);
        return await rows.AsNoTracking().Where(a => a.FeeStatementId == null)
            .Select(a => new LockedActivity(a.EngagementId, a.Date, a.HalfDays)).SingleOrDefaultAsync(ct);
    }

    /// <summary>
    /// Serialises the writers of one advisor's days on PostgreSQL, where the sum per date would otherwise be read by
    /// two transactions before either commits (SQLite's write lock already does this). NO KEY UPDATE leaves inserts
    /// that merely reference the advisor free.
    /// </summary>
    private async Task LockAdvisorAsync(int advisorId, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
            await db.Database.ExecuteSqlAsync($"""SELECT 1 FROM "Advisors" WHERE "Id" = {advisorId} FOR NO KEY UPDATE""", ct);
    }

    private async Task<QuotaBooking?> AdvisorDayRefusalAsync(int advisorId, DateOnly date, int halfDays, int? exceptActivityId, CancellationToken ct)
    {
        var onDate = await db.Activities.Where(a => a.AdvisorId == advisorId && a.Date == date && a.Id != exceptActivityId).SumAsync(a => a.HalfDays, ct);
        return onDate + halfDays <= MaxHalfDaysPerDate ? null
            : new QuotaBooking(false, date.Year, 0, 0) { Refusal = BookingRefusal.AdvisorDay, Date = date, OnDateHalfDays = onDate };
    }

    private async Task<(int PoolId, string MunicipalityKey)> ScopeOfAsync(int engagementId, CancellationToken ct)
    {
        var e = await db.Engagements.AsNoTracking().Where(x => x.Id == engagementId)
            .Select(x => new { x.PoolId, x.MunicipalityKey }).SingleAsync(ct);
        return (e.PoolId, e.MunicipalityKey);
    }

    private async Task<QuotaBooking> RefusedAsync(int poolId, string key, int year, CancellationToken ct) =>
        (await BalanceAsync(poolId, key, year, ct)) with { Succeeded = false, Refusal = BookingRefusal.Quota };

    private Task<QuotaBooking> BookedAsync(int poolId, string key, int year, CancellationToken ct) => BalanceAsync(poolId, key, year, ct);
}
