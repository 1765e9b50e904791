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

namespace Beraterpool.Web.Features.Interviews.Manage;

public sealed record InterviewRow(int Id, string Municipality, DateOnly HeldOn, string? Function, bool Finished);
public sealed record VersionRow(int Id, int Version, DateTimeOffset CreatedAt);

/// <summary>A guide version: its questions, its interviews (drafts included), the other versions, and the findings.</summary>
[Authorize(Roles = Roles.Administrator + "," + Roles.Coordinator)]
public sealed class GuideModel(AppDbContext db, TimeProvider time, PoolAccess access, IStringLocalizer<GuideModel> text) : PageModel
{
    public const int MaxFindings = 40_000;

    public InterviewGuide Guide { get; private set; } = null!;
    public IReadOnlyList<InterviewRow> Interviews { get; private set; } = [];
    public IReadOnlyList<VersionRow> Versions { get; private set; } = [];
    [BindProperty] public string? Findings { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Findings = Guide.Findings;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Findings is { Length: > MaxFindings }) ModelState.AddModelError(nameof(Findings), text["Die Erkenntnisse dürfen höchstens 40.000 Zeichen lang sein."]);
        if (!ModelState.IsValid) return Page();
        var findings = string.IsNullOrWhiteSpace(Findings) ? null : Findings.Trim().ReplaceLineEndings("\n");
        await db.InterviewGuides.Where(g => g.Id == id).ExecuteUpdateAsync(s => s.SetProperty(g => g.Findings, findings).SetProperty(g => g.UpdatedAt, time.GetUtcNow()), ct);
        db.Audit("interview-guide.findings", $"interview-guide:{id}", access.UserId, Guide.PoolId, Guide.Title);
        await db.SaveChangesAsync(ct);
        TempData[StatusMessage.Key] = text["Die Erkenntnisse sind gespeichert."].Value;
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var guide = await db.InterviewGuides.AsNoTracking().Include(g => g.Questions).FirstOrDefaultAsync(g => g.Id == id, ct);
        if (guide is null || !await access.CanManageAsync(guide.PoolId, ct)) return false;
        guide.Questions = guide.Questions.OrderBy(q => q.Position).ToList();
        Guide = guide;
        Interviews = await db.Interviews.AsNoTracking().Where(i => i.GuideId == id).OrderByDescending(i => i.HeldOn)
            .Select(i => new InterviewRow(i.Id, db.Municipalities.Where(m => m.OfficialKey == i.MunicipalityKey).Select(m => m.ShortName).FirstOrDefault() ?? i.MunicipalityKey,
                i.HeldOn, i.IntervieweeFunction, i.FinishedAt != null)).Take(1000).ToListAsync(ct);
        Versions = await db.InterviewGuides.AsNoTracking().Where(g => g.FamilyId == guide.FamilyId && g.PoolId == guide.PoolId).OrderBy(g => g.Version)
            .Select(g => new VersionRow(g.Id, g.Version, g.CreatedAt)).ToListAsync(ct);
        return true;
    }
}
