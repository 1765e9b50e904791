using System.Text;
using Beraterpool.Web.Features.Pools;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Handbooks;

/// <summary>One handbook to read, chapter by chapter, and its current version as HTML or PDF; a handbook the visitor may not read is not found.</summary>
[AllowAnonymous]
public sealed class ReadModel(CurrentPool current, HandbookReaders readers, PoolAccess access) : PageModel
{
    public sealed record ChapterView(int Position, string Title, string Markdown);

    public PoolInfo Pool { get; private set; } = null!;
    public int HandbookId { get; private set; }
    public string Slug { get; private set; } = "";
    public string Title { get; private set; } = "";
    public HandbookKind Kind { get; private set; }
    public HandbookVisibility Visibility { get; private set; }
    public int Revision { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public IReadOnlyList<ChapterView> Chapters { get; private set; } = [];
    public bool CanManage { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct)) return NotFound();
        // A site page is read where the footer links it; old links and the chapter editor's "Ansehen" land there too.
        return Kind == HandbookKind.SitePage ? Redirect(HandbookLinks.SitePage(Pool, Slug)) : Page();
    }

    public async Task<IActionResult> OnGetPdfAsync(string slug, CancellationToken ct) =>
        await LoadAsync(slug, ct) ? File(HandbookExport.Pdf(Snapshot(), Info()), "application/pdf", Info().FileName("pdf")) : NotFound();

    public async Task<IActionResult> OnGetHtmlAsync(string slug, CancellationToken ct) =>
        await LoadAsync(slug, ct) ? File(Encoding.UTF8.GetBytes(HandbookExport.Html(Snapshot(), Info())), "text/html; charset=utf-8", Info().FileName("html")) : NotFound();

    private HandbookSnapshot Snapshot() => new(Title, Chapters.Select(c => new SnapshotChapter(c.Title, c.Markdown)).ToList());
    private ExportInfo Info() => new(Pool.Name, Slug, Revision, UpdatedAt);

    private async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        if (current.Pool is not { } pool) return false;
        var readable = await readers.ReadableAsync(pool.Id, ct);
        var handbook = await readable.Where(h => h.Slug == slug)
            .Select(h => new { h.Id, h.Slug, h.Title, h.Kind, h.Visibility, h.Revision, h.UpdatedAt }).FirstOrDefaultAsync(ct);
        if (handbook is null) return false;
        (Pool, HandbookId, Slug, Title, Kind, Visibility, Revision, UpdatedAt) =
            (pool, handbook.Id, handbook.Slug, handbook.Title, handbook.Kind, handbook.Visibility, handbook.Revision, handbook.UpdatedAt);
        Chapters = await readable.Where(h => h.Id == handbook.Id).SelectMany(h => h.Chapters).OrderBy(c => c.Position)
            .Select(c => new ChapterView(c.Position, c.Title, c.Markdown)).ToListAsync(ct);
        CanManage = await access.CanManageAsync(pool.Id, ct);
        return true;
    }
}
