using Beraterpool.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Engagements.Revisions;

public sealed record RevisionRow(string Content, string AuthorName, DateTimeOffset WrittenAt, DateTimeOffset ReplacedAt);

/// <summary>Keeps and reads the earlier versions of corrected texts; a kept version is saved with the correction.</summary>
public sealed class RevisionLog(AppDbContext db)
{
    public void Keep(RevisionKind kind, int recordId, string content, string authorName, DateTimeOffset writtenAt, string? userId, DateTimeOffset now) =>
        db.Set<Revision>().Add(new Revision
        {
            Kind = kind, RecordId = recordId, Content = content, AuthorName = authorName, WrittenAt = writtenAt, ReplacedAt = now, ReplacedByUserId = userId,
        });

    /// <summary>When the current version was written: the last correction, else <paramref name="created"/>.</summary>
    public async Task<DateTimeOffset> CurrentSinceAsync(RevisionKind kind, int recordId, DateTimeOffset created, CancellationToken ct) =>
        await db.Set<Revision>().Where(r => r.Kind == kind && r.RecordId == recordId).OrderByDescending(r => r.Id)
            .Select(r => (DateTimeOffset?)r.ReplacedAt).FirstOrDefaultAsync(ct) ?? created;

    /// <summary>Earlier versions per record, newest first.</summary>
    public async Task<ILookup<int, RevisionRow>> ForAsync(RevisionKind kind, IReadOnlyCollection<int> recordIds, CancellationToken ct)
    {
        var ids = recordIds.ToList();
        if (ids.Count == 0) return Array.Empty<RevisionRow>().ToLookup(_ => 0);
        var rows = await db.Set<Revision>().AsNoTracking().Where(r => r.Kind == kind && ids.Contains(r.RecordId)).OrderByDescending(r => r.Id)
            .Select(r => new { r.RecordId, Row = new RevisionRow(r.Content, r.AuthorName, r.WrittenAt, r.ReplacedAt) }).ToListAsync(ct);
        return rows.ToLookup(r => r.RecordId, r => r.Row);
    }
}
