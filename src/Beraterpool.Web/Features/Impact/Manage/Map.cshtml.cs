using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Impact.Manage;

/// <summary>
/// The pool's year on a map: the municipalities reached (circles by advisor-days) and where the active advisors live
/// (diamonds, counts only), with the same places in tables beside it for anyone who does not read the picture.
/// </summary>
[Authorize(Roles = Roles.Administrator + "," + Roles.Coordinator)]
public sealed class MapModel(AppDbContext db, ImpactPools pools, TimeProvider time, IStringLocalizer<MapModel> text) : PageModel
{
    public IReadOnlyList<PoolInfo> Pools { get; private set; } = [];
    public PoolInfo Pool { get; private set; } = null!;
    public PoolMap Map { get; private set; } = null!;
    public int CurrentYear { get; private set; }

    public async Task<IActionResult> OnGetAsync(int year, int? pool, CancellationToken ct)
    {
        if (year is < ImpactSetup.FirstYear or > ImpactSetup.LastYear) return NotFound();
        var (managed, chosen) = await pools.ChooseAsync(pool, ct);
        if (chosen is null) return NotFound();
        (Pools, Pool, CurrentYear) = (managed, chosen, time.LocalYear());
        Map = await PoolMap.LoadAsync(db, chosen, year, ct);
        return Page();
    }

    public static string StateName(string code) => StateOutlines.All.FirstOrDefault(s => s.Code == code)?.Name ?? code;

    public MapPicture Picture() => new("pool-map", text["Erreichte Kommunen und Wohnorte der Berater*innen {0}", Map.Year], Summary(), Map,
        m => text["{0}: {1} Tage", m.Name, AnnualReport.Number(m.Value)],
        c => text["{0}: {1} Berater*innen", c.Name, AnnualReport.Number(c.Value)]);

    /// <summary>The picture in words, for its description: where, how many, where most, and the advisors' cities.</summary>
    private string Summary()
    {
        var area = Map.StateCodes.Count == 0 ? text["Deutschland"].Value : string.Join(", ", Map.StateCodes.Select(StateName));
        var reached = Map.Municipalities.Count == 0
            ? text["Keine erreichte Kommune im Jahr {0}.", Map.Year].Value
            : text["{0} erreichte Kommunen mit zusammen {1} Beratungstagen, die meisten in {2} ({3} Tage).",
                Map.Municipalities.Count, AnnualReport.Number(Map.Days), Map.Municipalities[0].Name, AnnualReport.Number(Map.Municipalities[0].Value)].Value;
        var cities = text["Wohnorte der aktiven Berater*innen: {0} Orte, {1} Personen.", Map.AdvisorCities.Count, AnnualReport.Number(Map.AdvisorCities.Sum(c => c.Value))].Value;
        return $"{text["Karte: {0}.", area].Value} {reached} {cities}";
    }
}
