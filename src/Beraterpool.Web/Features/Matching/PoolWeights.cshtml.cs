using System.ComponentModel.DataAnnotations;
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

namespace Beraterpool.Web.Features.Matching;

/// <summary>/manage/pools/{id}/matching: how much each matching criterion counts in this pool.</summary>
[Authorize(Roles = Roles.Administrator + "," + Roles.Coordinator)]
public sealed class PoolWeightsModel(AppDbContext db, PoolAccess access, IStringLocalizer<PoolWeightsModel> text) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    public string PoolName { get; private set; } = "";

    public sealed class InputModel
    {
        [Range(0, 10, ErrorMessage = "Bitte geben Sie für die Themen eine ganze Zahl von 0 bis 10 an.")]
        public int Topics { get; set; }

        [Range(0, 10, ErrorMessage = "Bitte geben Sie für die Sprachen eine ganze Zahl von 0 bis 10 an.")]
        public int Languages { get; set; }

        [Range(0, 10, ErrorMessage = "Bitte geben Sie für die Entfernung eine ganze Zahl von 0 bis 10 an.")]
        public int Distance { get; set; }

        [Range(0, 10, ErrorMessage = "Bitte geben Sie für die Verfügbarkeit eine ganze Zahl von 0 bis 10 an.")]
        public int Availability { get; set; }

        [Range(0, 10, ErrorMessage = "Bitte geben Sie für die Auslastung eine ganze Zahl von 0 bis 10 an.")]
        public int Workload { get; set; }

        [Range(10, 1000, ErrorMessage = "Die größte Entfernung muss zwischen 10 und 1.000 km liegen.")]
        public int MaxDistanceKm { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var pool = await FindAsync(id, ct);
        if (pool is null) return NotFound();
        var w = pool.Matching;
        Input = new InputModel
        {
            Topics = w.Topics, Languages = w.Languages, Distance = w.Distance, Availability = w.Availability, Workload = w.Workload,
            MaxDistanceKm = w.MaxDistanceKm,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var pool = await FindAsync(id, ct, tracking: true);
        if (pool is null) return NotFound();
        if (ModelState.IsValid && Input.Topics + Input.Languages + Input.Distance + Input.Availability + Input.Workload == 0)
            ModelState.AddModelError("Input.Topics", text["Mindestens ein Kriterium braucht ein Gewicht über 0, sonst gibt es keine Reihenfolge."]);
        if (!ModelState.IsValid) return Page();

        var w = pool.Matching;
        var before = Describe(w);
        (w.Topics, w.Languages, w.Distance, w.Availability, w.Workload, w.MaxDistanceKm) =
            (Input.Topics, Input.Languages, Input.Distance, Input.Availability, Input.Workload, Input.MaxDistanceKm);
        var after = Describe(w);
        if (before != after) db.Audit("pool.matching.updated", $"pool:{pool.Id}", access.UserId, pool.Id, $"{before} → {after}");
        await db.SaveChangesAsync(ct);
        TempData[StatusMessage.Key] = text["Die Gewichtung für „{0}“ ist gespeichert.", pool.Name].Value;
        return RedirectToPage("/Matching/PoolWeights", new { id });
    }

    private async Task<Pool?> FindAsync(int id, CancellationToken ct, bool tracking = false)
    {
        if (!await access.CanManageAsync(id, ct)) return null;
        var query = tracking ? db.Pools : db.Pools.AsNoTracking();
        var pool = await query.FirstOrDefaultAsync(p => p.Id == id, ct);
        PoolName = pool?.Name ?? "";
        return pool;
    }

    private static string Describe(MatchingWeights w) =>
        $"topics={w.Topics}; languages={w.Languages}; distance={w.Distance}; availability={w.Availability}; workload={w.Workload}; maxKm={w.MaxDistanceKm}";
}
