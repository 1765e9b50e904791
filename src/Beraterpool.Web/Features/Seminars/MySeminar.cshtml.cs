using Beraterpool.Web.Features.Engagements;
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
public sealed class MySeminarModel(AppDbContext db, PoolAccess access, SeminarMaterials materials, IStringLocalizer<MySeminarModel> text) : PageModel
{
    public Seminar Seminar { get; private set; } = null!;
    public SeminarSeries Series { get; private set; } = null!;
    public IReadOnlyList<MaterialRow> Materials { get; private set; } = [];
    public SeminarTexts Texts { get; } = new(text);

    public async Task<IActionResult> OnGetAsync(int seminarId, CancellationToken ct)
    {
        if (!await LoadAsync(seminarId, ct)) return NotFound();
        Materials = await materials.ListAsync(seminarId, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetMaterialAsync(int seminarId, int materialId, CancellationToken ct)
    {
        if (!await LoadAsync(seminarId, ct) || await materials.FindAsync(seminarId, materialId, ct) is not { } file) return NotFound();
        return DocumentUpload.Download(this, file);
    }

    private async Task<bool> LoadAsync(int seminarId, CancellationToken ct)
    {
        var seminar = await db.Seminars.AsNoTracking().FirstOrDefaultAsync(s => s.Id == seminarId, ct);
        if (seminar is null) return false;
        var series = await db.SeminarSeries.AsNoTracking().FirstAsync(s => s.Id == seminar.SeriesId, ct);
        var userId = access.UserId;
        var takesPart = userId is not null && await db.SeminarParticipants.AnyAsync(p => p.SeriesId == series.Id
            && db.Advisors.Any(a => a.Id == p.AdvisorId && a.UserId == userId), ct);
        if (!takesPart && !await access.CanManageAsync(series.PoolId, ct)) return false;
        (Seminar, Series) = (seminar, series);
        return true;
    }
}
