using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Handbooks;

/// <summary>The handbooks of this site's pool that the visitor may read, and a search through their chapters.</summary>
[AllowAnonymous]
public sealed class IndexModel(CurrentPool current, HandbookReaders readers, PoolAccess access) : PageModel
{
    public const int MaxHits = 50, MaxQueryLength = 100;

    public sealed record HandbookItem(string Slug, string Title, HandbookKind Kind, HandbookVisibility Visibility, int Chapters, DateTimeOffset UpdatedAt);
    public sealed record Hit(string Slug, string Handbook, int Position, string Chapter, string Excerpt);

    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    public PoolInfo? Pool => current.Pool;
    public IReadOnlyList<HandbookItem> Handbooks { get; private set; } = [];
    public IReadOnlyList<Hit>? Hits { get; private set; }
    public bool CanManage { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (current.Pool is not { } pool) return;
        CanManage = await access.CanManageAsync(pool.Id, ct);
        var readable = (await readers.ReadableAsync(pool.Id, ct)).Where(h => h.Kind != HandbookKind.SitePage);
        Handbooks = await readable.OrderBy(h => h.Kind).ThenBy(h => h.Title)
            .Select(h => new HandbookItem(h.Slug, h.Title, h.Kind, h.Visibility, h.Chapters.Count, h.UpdatedAt)).ToListAsync(ct);

        var term = Query?.Trim();
        if (string.IsNullOrEmpty(term)) return;
        if (term.Length > MaxQueryLength) term = term[..MaxQueryLength];
        // A parameter, never SQL text; lower() on both sides makes it case-insensitive on both databases (for ASCII on SQLite).
        var lower = term.ToLowerInvariant();
        var found = await readable.SelectMany(h => h.Chapters, (h, c) => new { h.Slug, Handbook = h.Title, h.Kind, c.Position, c.Title, c.Markdown })
            .Where(x => x.Title.ToLower().Contains(lower) || x.Markdown.ToLower().Contains(lower))
            .OrderBy(x => x.Kind).ThenBy(x => x.Handbook).ThenBy(x => x.Position).Take(MaxHits).ToListAsync(ct);
        Hits = found.Select(x => new Hit(x.Slug, x.Handbook, x.Position, x.Title, Excerpt(MarkdownHtml.ToPlainText(x.Markdown), term))).ToList();
    }

    /// <summary>About 200 characters of the chapter's text around the first occurrence of the term.</summary>
    public static string Excerpt(string text, string term, int length = 200)
    {
        text = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var at = text.IndexOf(term, StringComparison.CurrentCultureIgnoreCase);
        if (text.Length <= length) return text;
        var start = Math.Clamp(at < 0 ? 0 : at - length / 3, 0, text.Length - length);
        return (start > 0 ? "… " : "") + text.Substring(start, length).Trim() + (start + length < text.Length ? " …" : "");
    }
}
