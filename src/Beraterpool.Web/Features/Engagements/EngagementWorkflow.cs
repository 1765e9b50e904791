using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Audit;
using Beraterpool.Web.Features.Requests;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Engagements;

/// <summary>
/// The allowed moves of an engagement: active → closing (the first reflection or the municipality's feedback) →
/// closed (the coordinator); a coordinator may also close an active one. Pure, so it is tested directly.
/// </summary>
public static class EngagementWorkflow
{
    private static readonly Dictionary<EngagementStatus, EngagementStatus[]> Moves = new()
    {
        [EngagementStatus.Active] = [EngagementStatus.Closing, EngagementStatus.Closed],
        [EngagementStatus.Closing] = [EngagementStatus.Closed],
        [EngagementStatus.Closed] = [],
    };

    public static bool CanMove(EngagementStatus from, EngagementStatus to) =>
        Moves.TryGetValue(from, out var targets) && targets.Contains(to);

    public static EngagementStatus[] From(EngagementStatus to) => Moves.Where(m => m.Value.Contains(to)).Select(m => m.Key).ToArray();
}

/// <summary>
/// Applies <see cref="EngagementWorkflow"/>: each move is a conditional update on the states it may come from, saved in
/// one transaction with its audit entry, so of two moves at once only one happens and is recorded.
/// </summary>
public sealed class EngagementMoves(TimeProvider time, AppDbContext db, ConsultationRequests requests)
{
    public sealed record Closed(int RequestId, bool RequestCompleted);

    /// <summary>
    /// Moves to <paramref name="to"/> from whichever state allows it and saves the caller's tracked changes (a
    /// reflection, the feedback) in the same transaction — those also when the engagement is already there or past it.
    /// Answers whether this call made the move.
    /// </summary>
    public async Task<bool> SaveWithMoveAsync(int id, EngagementStatus to, string? userId, int poolId, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var moved = await UpdateAsync(id, to, ct);
        if (moved) db.Audit($"engagement.status.{to.ToString().ToLowerInvariant()}", $"engagement:{id}", userId, poolId);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return moved;
    }

    /// <summary>
    /// Closes the engagement and, when it was the request's last open one, completes the request through
    /// <see cref="ConsultationRequests.MoveAsync"/> (timeline and audit) — all in one transaction. Null when someone
    /// closed it a moment ago.
    /// </summary>
    public async Task<Closed?> CloseAsync(int id, string? userId, string actorName, string note, int poolId, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await UpdateAsync(id, EngagementStatus.Closed, ct)) return null;
        db.Audit("engagement.closed", $"engagement:{id}", userId, poolId);
        await db.SaveChangesAsync(ct);
        var requestId = await db.Engagements.Where(e => e.Id == id).Select(e => e.RequestId).SingleAsync(ct);
        var request = await db.ConsultationRequests.SingleAsync(r => r.Id == requestId, ct);
        var completed = request.Status == RequestStatus.InProgress
                        && !await db.Engagements.AnyAsync(e => e.RequestId == requestId && e.Id != id && e.Status != EngagementStatus.Closed, ct)
                        && await requests.MoveAsync(request, RequestStatus.Completed, userId, actorName, note, ct);
        await tx.CommitAsync(ct);
        return new Closed(requestId, completed);
    }

    private async Task<bool> UpdateAsync(int id, EngagementStatus to, CancellationToken ct)
    {
        var from = EngagementWorkflow.From(to);
        var now = time.GetUtcNow();
        var moved = to == EngagementStatus.Closed
            ? await db.Engagements.Where(e => e.Id == id && from.Contains(e.Status))
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, to).SetProperty(e => e.ClosedAt, now), ct)
            : await db.Engagements.Where(e => e.Id == id && from.Contains(e.Status))
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, to), ct);
        return moved == 1;
    }
}
