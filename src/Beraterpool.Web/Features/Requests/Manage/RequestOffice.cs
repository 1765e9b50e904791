using Beraterpool.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Requests.Manage;

/// <summary>The office's side of a request: who looks after it and its internal notes.</summary>
public sealed class RequestOffice(AppDbContext db)
{
    public sealed record Coordinator(string UserId, string Name);
    public sealed record Note(int Id, string AuthorName, string Body, DateTimeOffset CreatedAt);

    /// <summary>The pool's coordinators, the people a request can be given to.</summary>
    public async Task<IReadOnlyList<Coordinator>> CoordinatorsAsync(int poolId, CancellationToken ct) =>
        await db.PoolCoordinators.AsNoTracking().Where(c => c.PoolId == poolId)
            .Join(db.Users, c => c.UserId, u => u.Id, (c, u) => new { u.Id, Name = u.DisplayName ?? u.Email ?? u.Id })
            .OrderBy(c => c.Name)
            .Select(c => new Coordinator(c.Id, c.Name))
            .ToListAsync(ct);

    public async Task<IReadOnlyList<Note>> NotesAsync(int requestId, CancellationToken ct) =>
        await db.InternalNotes.AsNoTracking().Where(n => n.RequestId == requestId).OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Select(n => new Note(n.Id, n.AuthorName, n.Body, n.CreatedAt))
            .ToListAsync(ct);
}
