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

namespace Beraterpool.Web.Features.Impact.Manage;

public sealed class ReportTextsInput
{
    /// <summary>One text per <see cref="ReportSection"/>, by its number.</summary>
    public List<string?> Texts { get; set; } = [];
    public List<string> Published { get; set; } = [];
}

/// <summary>
/// The coordinators' texts for one year's report (kept per year) and which indicators the pool's public impact page
/// shows (one choice per pool). Saving is audited.
/// </summary>
[Authorize(Roles = Roles.Administrator + "," + Roles.Coordinator)]
public sealed class TextsModel(AppDbContext db, ImpactPools pools, PoolAccess access, TimeProvider time, IStringLocalizer<TextsModel> text) : PageModel
{
    [BindProperty] public ReportTextsInput Input { get; set; } = new();

    public PoolInfo Pool { get; private set; } = null!;
    public int Year { get; private set; }
    /// <summary>Built-in and the pool's own indicators: either may be published.</summary>
    public IReadOnlyList<Indicator> Indicators { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int year, int? pool, CancellationToken ct)
    {
        if (!await LoadAsync(year, pool, ct)) return NotFound();
        var texts = await db.ReportTexts.AsNoTracking().Where(t => t.PoolId == Pool.Id && t.Year == year).ToDictionaryAsync(t => t.Section, t => t.Markdown, ct);
        Input.Texts = AnnualReport.Sections.Select(s => texts.GetValueOrDefault(s)).ToList<string?>();
        Input.Published = await db.PublishedIndicators.AsNoTracking().Where(p => p.PoolId == Pool.Id).Select(p => p.Key).ToListAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int year, int? pool, CancellationToken ct)
    {
        if (!await LoadAsync(year, pool, ct)) return NotFound();
        while (Input.Texts.Count < AnnualReport.Sections.Length) Input.Texts.Add(null);
        for (var i = 0; i < AnnualReport.Sections.Length; i++)
            if (Input.Texts[i]?.Length > ReportText.MaxLength)
                ModelState.AddModelError($"Input.Texts[{i}]", text["Der Text darf höchstens {0} Zeichen lang sein.", ReportText.MaxLength]);
        Input.Published = Input.Published.Where(k => Indicators.Any(i => i.Key == k)).Distinct().ToList();
        if (!ModelState.IsValid) return Page();

        var now = time.GetUtcNow();
        var saved = await db.ReportTexts.Where(t => t.PoolId == Pool.Id && t.Year == year).ToListAsync(ct);
        for (var i = 0; i < AnnualReport.Sections.Length; i++)
        {
            var section = AnnualReport.Sections[i];
            var markdown = Input.Texts[i]?.Trim() ?? "";
            var row = saved.FirstOrDefault(t => t.Section == section);
            if (row is null && markdown.Length == 0) continue;
            if (row is null) db.ReportTexts.Add(row = new ReportText { PoolId = Pool.Id, Year = year, Section = section, Markdown = markdown });
            else if (row.Markdown == markdown) continue;
            row.Markdown = markdown;
            row.UpdatedAt = now;
            row.UpdatedByUserId = access.UserId;
        }
        await db.PublishedIndicators.Where(p => p.PoolId == Pool.Id && !Input.Published.Contains(p.Key)).ExecuteDeleteAsync(ct);
        var already = await db.PublishedIndicators.Where(p => p.PoolId == Pool.Id).Select(p => p.Key).ToListAsync(ct);
        db.PublishedIndicators.AddRange(Input.Published.Except(already).Select(k => new PublishedIndicator { PoolId = Pool.Id, Key = k }));
        db.Audit("report.texts.saved", $"report:{Pool.Id}:{year}", access.UserId, Pool.Id, $"published={string.Join(',', Input.Published.Order())}");
        await db.SaveChangesAsync(ct);
        TempData[StatusMessage.Key] = text["Die Texte für {0} und die Auswahl für die öffentliche Seite sind gespeichert.", year].Value;
        return RedirectToPage("Report", new { year, pool = Pool.Id });
    }

    private async Task<bool> LoadAsync(int year, int? pool, CancellationToken ct)
    {
        if (year is < ImpactSetup.FirstYear or > ImpactSetup.LastYear) return false;
        var (_, chosen) = await pools.ChooseAsync(pool, ct);
        if (chosen is null) return false;
        (Pool, Year) = (chosen, year);
        Indicators = [.. BuiltInIndicators.All, .. await Custom.CustomIndicators.ForPoolAsync(db, chosen.Id, ct)];
        return true;
    }

    public string SectionTitle(ReportSection section) => text[ReportPdf.Titles[section]];
}
