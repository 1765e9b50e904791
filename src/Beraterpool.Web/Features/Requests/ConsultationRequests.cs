using Beraterpool.Web.Features.Shared;
using System.Security.Cryptography;
using System.Text;
using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Audit;
using Beraterpool.Web.Features.Privacy.Consents;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Requests;

/// <summary>Creating requests (reference number, tracking token) and moving them through <see cref="RequestWorkflow"/>.</summary>
public sealed class ConsultationRequests(TimeProvider time, AppDbContext db)
{
    public const string ReferencePrefix = "BA";

    /// <summary>A new random secret for the personal link; only its hash is stored.</summary>
    public static string NewTrackingToken() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string HashToken(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>
    /// Saves a new request with its first timeline entry, its audit entry and the record of its consent in one transaction. The reference counts
    /// per calendar year; two requests sent at the same moment collide on the unique index, and the later one simply
    /// takes the next number (SaveChanges rolls back to its own savepoint, so the transaction goes on).
    /// </summary>
    public async Task SaveNewAsync(ConsultationRequest request, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = time.GetUtcNow();
        request.CreatedAt = now;
        request.UpdatedAt = now;
        request.Status = RequestStatus.Submitted;
        request.StatusChanges.Add(new RequestStatusChange { From = null, To = RequestStatus.Submitted, At = now, ActorName = request.ContactName });
        db.ConsultationRequests.Add(request);
        for (var attempt = 1; ; attempt++)
        {
            request.Reference = await NextReferenceAsync(time.LocalYear(), ct);
            try
            {
                await db.SaveChangesAsync(ct);
                break;
            }
            catch (DbUpdateException) when (attempt < 8)
            {
                // Another request took this number a moment ago: try the next one.
            }
        }
        db.Audit("request.submitted", $"request:{request.Id}", null, request.PoolId, $"{request.Reference}; {request.MunicipalityKey}");
        db.RecordRequestConsent(request.PoolId, request.Id, request.ContactName, request.ContactEmail, request.ConsentGivenAt);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    public async Task<string> NextReferenceAsync(int year, CancellationToken ct)
    {
        var prefix = $"{ReferencePrefix}-{year}-";
        var last = await db.ConsultationRequests.AsNoTracking()
            .Where(r => r.Reference.StartsWith(prefix))
            .OrderByDescending(r => r.Reference.Length).ThenByDescending(r => r.Reference)
            .Select(r => r.Reference).FirstOrDefaultAsync(ct);
        var number = last is not null && int.TryParse(last[prefix.Length..], out var n) ? n + 1 : 1;
        return $"{prefix}{number:0000}";
    }

    /// <summary>
    /// Moves a (tracked) request to another state if the workflow allows it, with a timeline entry and an audit
    /// entry, saved in the same transaction as the move (the caller's when it has one). Returns false when the move
    /// is not allowed from the current state or the request was moved meanwhile by someone else.
    /// </summary>
    public async Task<bool> MoveAsync(ConsultationRequest request, RequestStatus to, string? actorUserId, string actorName, string? note, CancellationToken ct)
    {
        if (!RequestWorkflow.CanMove(request.Status, to)) return false;
        await using var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var now = time.GetUtcNow();
        var from = request.Status;
        // Conditional on the state we read: of two moves at once (a double click, two tandem partners accepting
        // together) only one wins, so the timeline and whatever the caller starts after a move happen once.
        var moved = await db.ConsultationRequests.Where(r => r.Id == request.Id && r.Status == from)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, to).SetProperty(r => r.UpdatedAt, now), ct);
        if (moved == 0) return false;
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        request.Status = to;
        request.UpdatedAt = now;
        if (RequestWorkflow.NeedsReason(to)) request.StatusReason = note;
        else if (to != RequestStatus.Withdrawn) request.StatusReason = null;
        db.RequestStatusChanges.Add(new RequestStatusChange
        {
            RequestId = request.Id, From = from, To = to, At = now, ActorUserId = actorUserId,
            ActorName = actorName.Length > 120 ? actorName[..120] : actorName, Note = note,
        });
        db.Audit($"request.status.{to.ToString().ToLowerInvariant()}", $"request:{request.Id}", actorUserId, request.PoolId,
            note is null ? $"{from} -> {to}" : $"{from} -> {to}: {(note.Length > 1500 ? note[..1500] : note)}");
        await db.SaveChangesAsync(ct);
        if (own is not null) await own.CommitAsync(ct);
        return true;
    }

    /// <summary>The name a coordinator's change carries in the timeline (internal; the municipality sees "Koordinierungsstelle").</summary>
    public async Task<string> ActorNameAsync(string? userId, CancellationToken ct) =>
        userId is null ? "System"
            : await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName ?? u.Email ?? u.UserName ?? userId).FirstOrDefaultAsync(ct) ?? userId;
}
