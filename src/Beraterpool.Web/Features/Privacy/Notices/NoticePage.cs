using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Privacy.Notices;

/// <summary>What the public notice pages show: the pool's own text, the demo's example, or that there is none yet.</summary>
public sealed record NoticeView(NoticeKind Kind, PoolInfo? Pool, string? Html, bool IsExample, DateTimeOffset? UpdatedAt);

/// <summary>The two public pages (/datenschutz, /impressum) differ only in the kind they show; the pool is this site's.</summary>
public abstract class NoticePage(AppDbContext db, CurrentPool current) : PageModel
{
    protected abstract NoticeKind Kind { get; }
    public NoticeView Notice { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var pool = current.Pool;
        var notice = pool is null ? null : await db.PoolNotices.AsNoTracking()
            .Where(n => n.PoolId == pool.Id && n.Kind == Kind)
            .Select(n => new { n.Markdown, n.IsExample, n.UpdatedAt }).FirstOrDefaultAsync(ct);
        Notice = notice is null || string.IsNullOrWhiteSpace(notice.Markdown)
            ? new NoticeView(Kind, pool, null, false, null)
            : new NoticeView(Kind, pool, MarkdownHtml.ToHtml(notice.Markdown, topHeading: 1), notice.IsExample, notice.UpdatedAt);
    }
}
