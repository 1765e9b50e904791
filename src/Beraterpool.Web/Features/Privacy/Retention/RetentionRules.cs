using Beraterpool.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Privacy.Retention;

/// <summary>The rules in force: an administrator's value where one was set, else the legal default; never below the minimum.</summary>
public sealed class RetentionRules(AppDbContext db)
{
    public async Task<IReadOnlyDictionary<string, int>> CurrentAsync(CancellationToken ct = default)
    {
        var set = await db.Set<RetentionRule>().AsNoTracking().ToDictionaryAsync(r => r.Kind, r => r.Value, ct);
        // A minimum raised in a later version lifts a stored value that is now too short.
        return RetentionKinds.All.Where(k => !k.Planned)
            .ToDictionary(k => k.Key, k => set.TryGetValue(k.Key, out var v) ? Math.Max(v, k.Minimum) : k.Default);
    }

    public async Task<RetentionPromise> PromiseAsync(CancellationToken ct = default)
    {
        var current = await CurrentAsync(ct);
        return new RetentionPromise(current[RetentionKinds.WithdrawnRequests], current[RetentionKinds.DeclinedRequests], current[RetentionKinds.ClosedEngagements]);
    }
}

/// <summary>The periods the request form promises, from the rules in force.</summary>
public sealed record RetentionPromise(int WithdrawnMonths, int DeclinedMonths, int EngagementMonths);
