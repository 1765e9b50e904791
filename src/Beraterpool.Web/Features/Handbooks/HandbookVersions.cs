using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Audit;
using Beraterpool.Web.Features.Pools;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Handbooks;

/// <summary>
/// The one way a handbook changes: the caller changes the tracked handbook (chapters loaded), then <see cref="Record"/>
/// adds the next version and its audit entry to the same save. <see cref="Handbook.Revision"/> is the concurrency token,
/// so of two saves of the same handbook at once the second fails instead of both claiming one number.
/// </summary>
public sealed class HandbookVersions(AppDbContext db, PoolAccess access, TimeProvider time)
{
    public HandbookVersion Record(Handbook handbook, HandbookChange change, string? subject = null)
    {
        var now = time.GetUtcNow();
        handbook.Revision++;
        handbook.UpdatedAt = now;
        var snapshot = HandbookSnapshot.Of(handbook);
        var version = new HandbookVersion
        {
            Number = handbook.Revision, CreatedAt = now, AuthorUserId = access.UserId, Change = change,
            Subject = subject is { Length: > Handbook.TitleLength } ? subject[..Handbook.TitleLength] : subject,
            Title = snapshot.Title, ChaptersJson = snapshot.ChaptersJson(),
        };
        handbook.Versions.Add(version);
        db.Audit("handbook." + AuditName(change), $"handbook:{handbook.PoolId}/{handbook.Slug}", access.UserId, handbook.PoolId,
            subject is null ? $"version {version.Number}" : $"version {version.Number}: {version.Subject}");
        return version;
    }

    /// <summary>
    /// Saves the change; false when someone else saved the same handbook first. On PostgreSQL the new version's row can be
    /// inserted before the revision check runs, so the loser meets the unique version number instead of the concurrency token.
    /// </summary>
    public async Task<bool> TrySaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException
            || e.InnerException is Npgsql.PostgresException { SqlState: "23505" } or Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 })
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>Puts the handbook back to <paramref name="version"/> (title and chapters, by position) as a new version.</summary>
    public HandbookVersion Restore(Handbook handbook, HandbookVersion version)
    {
        var snapshot = HandbookSnapshot.Of(version);
        handbook.Title = snapshot.Title;
        var current = handbook.Chapters.OrderBy(c => c.Position).ToList();
        for (var i = 0; i < snapshot.Chapters.Count; i++)
        {
            var chapter = i < current.Count ? current[i] : null;
            if (chapter is null) handbook.Chapters.Add(chapter = new HandbookChapter { Title = "" });
            (chapter.Position, chapter.Title, chapter.Markdown) = (i + 1, snapshot.Chapters[i].Title, snapshot.Chapters[i].Markdown);
        }
        foreach (var surplus in current.Skip(snapshot.Chapters.Count))
        {
            handbook.Chapters.Remove(surplus);
            db.HandbookChapters.Remove(surplus);
        }
        return Record(handbook, HandbookChange.Restored, version.Number.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static string AuditName(HandbookChange change) => change switch
    {
        HandbookChange.Created => "created",
        HandbookChange.ChapterSaved => "chapter.saved",
        HandbookChange.ChapterAdded => "chapter.added",
        HandbookChange.ChapterRemoved => "chapter.removed",
        HandbookChange.ChapterMoved => "chapter.moved",
        HandbookChange.SettingsChanged => "settings.changed",
        HandbookChange.Restored => "restored",
        _ => "changed",
    };
}
