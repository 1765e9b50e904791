using Beraterpool.Web.Features.Shared;
using Beraterpool.Web.Features.Quota;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Municipalities;

[AllowAnonymous]
public sealed class DetailsModel(AppDbContext db, CurrentPool current, DayBalances balances, TimeProvider time) : PageModel
{
    /// <summary>The municipality in this site's pool: whether the pool serves it, has accompanied it, and its days left this year.</summary>
    public sealed record InPool(string PoolName, bool Served, int Engagements, DayBalance Days);

    public InPool? Programme { get; private set; }
    public const int PageSize = 20;

    public sealed record View(
        string Key, MunicipalityLevel Level, string Name, string ShortName, string TypeCode,
        string StateCode, string? StateName, string? GovernmentDistrictName, string DistrictKey, string? DistrictName,
        string? AssociationName, string? AssociationTypeCode, int? Population, int? PopulationMale, int? PopulationFemale,
        decimal? AreaKm2, string? PostalCode, double? Latitude, double? Longitude);

    public View Municipality { get; private set; } = null!;
    public IReadOnlyList<MunicipalityListItem> Members { get; private set; } = [];
    public int MemberCount { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public int PageCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(string ags, CancellationToken ct)
    {
        if (ags.Length is not (5 or 8) || !ags.All(char.IsAsciiDigit)) return NotFound();
        var found = await db.Municipalities.AsNoTracking()
            .Where(m => m.OfficialKey == ags)
            .Select(m => new View(
                m.OfficialKey, m.Level, m.Name, m.ShortName, m.TypeCode, m.StateCode,
                db.States.Where(s => s.Code == m.StateCode).Select(s => s.Name).FirstOrDefault(),
                db.GovernmentDistricts.Where(g => g.Key == m.GovernmentDistrictKey).Select(g => g.Name).FirstOrDefault(),
                m.DistrictKey,
                db.Municipalities.Where(d => d.OfficialKey == m.DistrictKey).Select(d => d.Name).FirstOrDefault(),
                db.MunicipalAssociations.Where(a => a.Key == m.AssociationKey).Select(a => a.Name).FirstOrDefault(),
                db.MunicipalAssociations.Where(a => a.Key == m.AssociationKey).Select(a => a.TypeCode).FirstOrDefault(),
                m.Population, m.PopulationMale, m.PopulationFemale, m.AreaKm2, m.PostalCode, m.Latitude, m.Longitude))
            .FirstOrDefaultAsync(ct);
        if (found is null) return NotFound();
        Municipality = found;
        if (current.Pool is { } pool)
            Programme = new InPool(pool.Name, pool.StateCodes.Contains(found.StateCode),
                await db.Engagements.CountAsync(e => e.PoolId == pool.Id && e.MunicipalityKey == found.Key, ct),
                await balances.ForAsync(pool.Id, found.Key, time.LocalYear(), ct));

        if (found.Level == MunicipalityLevel.District)
        {
            var members = db.Municipalities.AsNoTracking()
                .Where(m => m.DistrictKey == found.Key && m.Level == MunicipalityLevel.Municipality);
            MemberCount = await members.CountAsync(ct);
            PageCount = Math.Max(1, (MemberCount + PageSize - 1) / PageSize);
            // "page" is a reserved route value in Razor Pages, so it is read from the query string by hand.
            PageNumber = int.TryParse(Request.Query["page"], out var p) ? Math.Clamp(p, 1, PageCount) : 1;
            Members = await members.OrderBy(m => m.ShortName).ThenBy(m => m.OfficialKey)
                .Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListItems(db).ToListAsync(ct);
        }
        return Page();
    }

    public string PageUrl(int page) =>
        Url.Content($"~/municipalities/{Municipality.Key}") + (page > 1 ? $"?page={page}#members" : "#members");
}
