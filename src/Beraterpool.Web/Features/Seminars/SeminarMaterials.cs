using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Audit;
using Beraterpool.Web.Features.Engagements;
using Beraterpool.Web.Features.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Seminars;

public sealed record MaterialRow(int Id, string FileName, long Size, string UploadedByName, DateTimeOffset UploadedAt);

public sealed record TrainerLinkRow(int Id, string TrainerName, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt);

/// <summary>A seminar's files and its trainer links: what the office page, the participant's page and the trainer's page share.</summary>
public sealed class SeminarMaterials(AppDbContext db, TimeProvider time, SeminarMails mails)
{
    /// <summary>The name a file is stored under (no path, no control characters).</summary>
    public static string DocumentName(IFormFile file) => DocumentUpload.SafeName(file.FileName);

    public Task<List<MaterialRow>> ListAsync(int seminarId, CancellationToken ct) =>
        db.SeminarMaterials.AsNoTracking().Where(m => m.SeminarId == seminarId).OrderBy(m => m.FileName).ThenBy(m => m.Id)
            .Select(m => new MaterialRow(m.Id, m.FileName, m.Size, m.UploadedByName, m.UploadedAt)).ToListAsync(ct);

    /// <summary>Checks and stores the file; the message for the file field when it is refused.</summary>
    public async Task<string?> AddAsync(Seminar seminar, int poolId, IFormFile? file, string? userId, string uploaderName, IStringLocalizer text, CancellationToken ct)
    {
        if (file is null) return text["Bitte wählen Sie eine Datei aus."];
        var (content, type, problem) = await DocumentUpload.ReadAsync(file, ct);
        if (problem != DocumentUpload.Problem.None) return DocumentUpload.Message(problem, text);
        var material = new SeminarMaterial
        {
            SeminarId = seminar.Id, FileName = DocumentName(file), ContentType = type!, Size = content!.Length, Content = content,
            UploadedByUserId = userId, UploadedByName = uploaderName, UploadedAt = time.GetUtcNow(),
        };
        db.SeminarMaterials.Add(material);
        await db.SaveChangesAsync(ct);
        db.Audit("seminar.material.uploaded", $"seminar:{seminar.Id}", userId, poolId, $"material:{material.Id}; {material.FileName}; {material.Size} bytes; {uploaderName}");
        await db.SaveChangesAsync(ct);
        return null;
    }

    public async Task<(string FileName, string ContentType, byte[] Content)?> FindAsync(int seminarId, int materialId, CancellationToken ct)
    {
        var m = await db.SeminarMaterials.AsNoTracking().Where(m => m.Id == materialId && m.SeminarId == seminarId)
            .Select(m => new { m.FileName, m.ContentType, m.Content }).SingleOrDefaultAsync(ct);
        return m is null ? null : (m.FileName, m.ContentType, m.Content);
    }

    /// <summary>Removes the file; its name, or null when the seminar has no such file.</summary>
    public async Task<string?> DeleteAsync(Seminar seminar, int poolId, int materialId, string? userId, CancellationToken ct)
    {
        var name = await db.SeminarMaterials.Where(m => m.Id == materialId && m.SeminarId == seminar.Id).Select(m => m.FileName).SingleOrDefaultAsync(ct);
        if (name is null) return null;
        await db.SeminarMaterials.Where(m => m.Id == materialId).ExecuteDeleteAsync(ct);
        db.Audit("seminar.material.deleted", $"seminar:{seminar.Id}", userId, poolId, $"material:{materialId}; {name}");
        await db.SaveChangesAsync(ct);
        return name;
    }

    public Task<List<TrainerLinkRow>> LinksAsync(int seminarId, CancellationToken ct) =>
        db.SeminarTrainerLinks.AsNoTracking().Where(l => l.SeminarId == seminarId).OrderByDescending(l => l.Id)
            .Select(l => new TrainerLinkRow(l.Id, l.TrainerName, l.CreatedAt, l.ExpiresAt, l.RevokedAt)).ToListAsync(ct);

    /// <summary>
    /// A new link for the named trainer, valid until <see cref="SeminarProgram.TrainerLinkDays"/> days after the seminar ends
    /// (counted from now for a seminar already past). Sent to the address when one is given; the secret is returned once.
    /// </summary>
    public async Task<(string Token, DateTimeOffset ExpiresAt)> CreateLinkAsync(Seminar seminar, SeminarSeries series, string trainerName, string? email, string? userId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var token = ConsultationRequests.NewTrackingToken();
        var link = new SeminarTrainerLink
        {
            SeminarId = seminar.Id, TrainerName = trainerName, TokenHash = SeminarProgram.HashToken(token), CreatedAt = now, CreatedByUserId = userId,
            ExpiresAt = (seminar.EndsAt > now ? seminar.EndsAt : now).AddDays(SeminarProgram.TrainerLinkDays),
        };
        db.SeminarTrainerLinks.Add(link);
        db.Audit("seminar.trainer-link.created", $"seminar:{seminar.Id}", userId, series.PoolId, $"{trainerName}; until {link.ExpiresAt:O}{(email is null ? "" : "; sent by mail")}");
        await db.SaveChangesAsync(ct);
        if (email is not null) await mails.SendTrainerLinkAsync(seminar, series, trainerName, email, token, link.ExpiresAt, ct);
        return (token, link.ExpiresAt);
    }

    public async Task<bool> RevokeLinkAsync(Seminar seminar, int poolId, int linkId, string? userId, CancellationToken ct)
    {
        var revoked = await db.SeminarTrainerLinks.Where(l => l.Id == linkId && l.SeminarId == seminar.Id && l.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.RevokedAt, time.GetUtcNow()), ct);
        if (revoked == 0) return false;
        db.Audit("seminar.trainer-link.revoked", $"seminar:{seminar.Id}", userId, poolId, $"link:{linkId}");
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The active link of this secret, with its seminar and series; null when unknown, revoked or expired.</summary>
    public async Task<(SeminarTrainerLink Link, Seminar Seminar, SeminarSeries Series)?> FindLinkAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100) return null;
        var hash = SeminarProgram.HashToken(token);
        var now = time.GetUtcNow();
        var link = await db.SeminarTrainerLinks.AsNoTracking().FirstOrDefaultAsync(l => l.TokenHash == hash, ct);
        if (link is null || !link.IsActive(now)) return null;
        var seminar = await db.Seminars.AsNoTracking().FirstAsync(s => s.Id == link.SeminarId, ct);
        var series = await db.SeminarSeries.AsNoTracking().FirstAsync(s => s.Id == seminar.SeriesId, ct);
        return (link, seminar, series);
    }
}

/// <summary>
/// The material list of a page: the rows, where each download is (the office's, the participant's or the trainer's page)
/// and, for the office, where its deletion is posted.
/// </summary>
public sealed record MaterialListView(IReadOnlyList<MaterialRow> Rows, Func<int, string> Href, Func<int, string>? Delete = null);
