using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Audit;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Shared.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Seminars.Manage;

/// <summary>A new series (its participants: the pool's advisors in qualification, from the start) or its settings.</summary>
[Authorize(Roles = Roles.Administrator + "," + Roles.Coordinator)]
public sealed class EditSeriesModel(AppDbContext db, TimeProvider time, PoolAccess access, PoolCatalog catalog, SeminarProgram program,
    IStringLocalizer<EditSeriesModel> text) : PageModel
{
    [BindProperty] public SeriesInput Input { get; set; } = new();
    public int? SeriesId { get; private set; }
    public IReadOnlyList<PoolInfo> Pools { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? seriesId, int? pool, CancellationToken ct)
    {
        if (seriesId is { } id)
        {
            var s = await db.SeminarSeries.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
            if (s is null || !await access.CanManageAsync(s.PoolId, ct)) return NotFound();
            SeriesId = id;
            Input = new SeriesInput
            {
                PoolId = s.PoolId, Title = s.Title, Description = s.Description, RequiredSeminars = s.RequiredSeminars,
                LateCounts = s.LateCounts, LeftEarlyCounts = s.LeftEarlyCounts, Signatory = s.Signatory,
            };
        }
        else Input.PoolId = pool;
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(int? seriesId, CancellationToken ct)
    {
        SeminarSeries? s = null;
        if (seriesId is { } id)
        {
            s = await db.SeminarSeries.FirstOrDefaultAsync(x => x.Id == id, ct);
            if (s is null || !await access.CanManageAsync(s.PoolId, ct)) return NotFound();
            SeriesId = id;
            Input.PoolId = s.PoolId;
        }
        if (!await LoadAsync(ct)) return NotFound();
        if (Input.PoolId is not { } poolId || Pools.All(p => p.Id != poolId))
            ModelState.AddModelError("Input.PoolId", text["Bitte wählen Sie den Pool."]);
        if (!ModelState.IsValid) return Page();
        var now = time.GetUtcNow();
        var isNew = s is null;
        if (s is null)
        {
            s = new SeminarSeries { PoolId = Input.PoolId!.Value, Title = "", CreatedAt = now };
            db.SeminarSeries.Add(s);
        }
        s.Title = Input.Title!.Trim();
        s.Description = Clean(Input.Description)?.ReplaceLineEndings("\n");
        s.RequiredSeminars = Input.RequiredSeminars!.Value;
        (s.LateCounts, s.LeftEarlyCounts, s.Signatory) = (Input.LateCounts, Input.LeftEarlyCounts, Clean(Input.Signatory));
        s.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        db.Audit(isNew ? "seminar.series.created" : "seminar.series.updated", $"seminar-series:{s.Id}", access.UserId, s.PoolId, s.Title);
        await db.SaveChangesAsync(ct);
        var added = isNew ? await program.AddAdvisorsInQualificationAsync(s, fromStart: true, access.UserId, ct) : 0;
        TempData[StatusMessage.Key] = (isNew
            ? text["Die Seminarreihe „{0}“ ist angelegt; {1} Berater*innen in Qualifizierung nehmen teil.", s.Title, added]
            : text["Die Seminarreihe „{0}“ ist gespeichert.", s.Title]).Value;
        return RedirectToPage("/Seminars/Manage/Series", new { seriesId = s.Id });
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var managed = await access.ManagedPoolIdsAsync(ct);
        Pools = (await catalog.AllAsync(ct)).Where(p => managed.Contains(p.Id)).ToList();
        if (Pools.Count == 0) return false;
        Input.PoolId ??= Pools[0].Id;
        return true;
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
