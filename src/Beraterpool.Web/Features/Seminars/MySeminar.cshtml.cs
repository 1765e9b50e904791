using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Pools;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Seminars;

/// <summary>One seminar for a participant (or the pool's office): when, where, trainers, topics, agenda and materials.</summary>
[Authorize]
public sealed class MySeminarModel(AppDbContext db, PoolAccess access, IStringLocalizer<MySeminarModel> text) : PageModel
{
    public Seminar Seminar { get; private set; } = null!;
    public SeminarSeries Series { get; private set; } = null!;
    public SeminarTexts Texts { get; } = new(text);

    public async Task<IActionResult> OnGetAsync(int seminarId, CancellationToken ct)
    {
        var seminar = await db.Seminars.AsNoTracking().FirstOrDefaultAsync(s => s.Id == seminarId, ct);
        if (seminar is null) return NotFound();
        var series = await db.SeminarSeries.AsNoTracking().FirstAsync(s => s.Id == seminar.SeriesId, ct);
        var userId = access.UserId;
        var takesPart = userId is not null && await db.SeminarParticipants.AnyAsync(p => p.SeriesId == series.Id
            && db.Advisors.Any(a => a.Id == p.AdvisorId && a.UserId == userId), ct);
        if (!takesPart && !await access.CanManageAsync(series.PoolId, ct)) return NotFound();
        (Seminar, Series) = (seminar, series);
        return Page();
    }
}
