using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Audit;
using Beraterpool.Web.Features.Engagements;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Events;

public sealed record DocumentRow(int Id, string FileName, long Size, string UploadedByName, DateTimeOffset UploadedAt);

/// <summary>The files of an event's documentation: what the office page and the public event page share.</summary>
public sealed class EventDocuments(AppDbContext db, TimeProvider time)
{

    public Task<List<DocumentRow>> ListAsync(int eventId, CancellationToken ct) =>
        db.EventDocuments.AsNoTracking().Where(d => d.EventId == eventId).OrderBy(d => d.FileName).ThenBy(d => d.Id)
            .Select(d => new DocumentRow(d.Id, d.FileName, d.Size, d.UploadedByName, d.UploadedAt)).ToListAsync(ct);

    /// <summary>Checks and stores the file; the message for the file field when it is refused.</summary>
    public async Task<string?> AddAsync(Event e, IFormFile? file, string? userId, string uploaderName, IStringLocalizer text, CancellationToken ct)
    {
        if (file is null) return text["Bitte wählen Sie eine Datei aus."];
        var (content, type, problem) = await DocumentUpload.ReadAsync(file, ct);
        if (problem != DocumentUpload.Problem.None) return DocumentUpload.Message(problem, text);
        var document = new EventDocument
        {
            EventId = e.Id, FileName = DocumentUpload.SafeName(file.FileName), ContentType = type!, Size = content!.Length, Content = content,
            UploadedByUserId = userId, UploadedByName = uploaderName, UploadedAt = time.GetUtcNow(),
        };
        db.EventDocuments.Add(document);
        await db.SaveChangesAsync(ct);
        db.Audit("event.document.uploaded", $"event:{e.Id}", userId, e.PoolId, $"document:{document.Id}; {document.FileName}; {document.Size} bytes");
        await db.SaveChangesAsync(ct);
        return null;
    }

    public async Task<(string FileName, string ContentType, byte[] Content)?> FindAsync(int eventId, int documentId, CancellationToken ct)
    {
        var d = await db.EventDocuments.AsNoTracking().Where(d => d.Id == documentId && d.EventId == eventId)
            .Select(d => new { d.FileName, d.ContentType, d.Content }).SingleOrDefaultAsync(ct);
        return d is null ? null : (d.FileName, d.ContentType, d.Content);
    }

    /// <summary>Removes the file; its name, or null when the event has no such file.</summary>
    public async Task<string?> DeleteAsync(Event e, int documentId, string? userId, CancellationToken ct)
    {
        var name = await db.EventDocuments.Where(d => d.Id == documentId && d.EventId == e.Id).Select(d => d.FileName).SingleOrDefaultAsync(ct);
        if (name is null) return null;
        await db.EventDocuments.Where(d => d.Id == documentId).ExecuteDeleteAsync(ct);
        db.Audit("event.document.deleted", $"event:{e.Id}", userId, e.PoolId, $"document:{documentId}; {name}");
        await db.SaveChangesAsync(ct);
        return name;
    }
}
