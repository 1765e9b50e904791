using Beraterpool.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Municipalities;

public sealed record StateOption(string Code, string Name);

[AllowAnonymous]
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? State { get; set; }

    public int PageNumber { get; private set; } = 1;
    public int PageCount { get; private set; }
    public int Total { get; private set; }
    public IReadOnlyList<MunicipalityListItem> Items { get; private set; } = [];
    public IReadOnlyList<StateOption> States { get; private set; } = [];
    public int MunicipalityCount { get; private set; }
    public int DistrictCount { get; private set; }
    public bool Searched => !string.IsNullOrWhiteSpace(Q) || !string.IsNullOrEmpty(State);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Q = Q?.Trim() is { Length: > 100 } longQuery ? longQuery[..100] : Q?.Trim();
        States = await db.States.AsNoTracking().OrderBy(s => s.Name).Select(s => new StateOption(s.Code, s.Name)).ToListAsync(ct);
        if (!States.Any(s => s.Code == State)) State = null;

        if (!Searched)
        {
            var counts = await db.Municipalities.AsNoTracking().GroupBy(m => m.Level)
                .Select(g => new { Level = g.Key, Count = g.Count() }).ToListAsync(ct);
            MunicipalityCount = counts.Where(c => c.Level == MunicipalityLevel.Municipality).Sum(c => c.Count);
            DistrictCount = counts.Where(c => c.Level == MunicipalityLevel.District).Sum(c => c.Count);
            return;
        }

        var query = db.Municipalities.AsNoTracking().Matching(Q, State);
        Total = await query.CountAsync(ct);
        PageCount = Math.Max(1, (Total + PageSize - 1) / PageSize);
        // "page" is a reserved route value in Razor Pages, so it is read from the query string by hand.
        PageNumber = int.TryParse(Request.Query["page"], out var p) ? Math.Clamp(p, 1, PageCount) : 1;
        Items = await query.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListItems(db).ToListAsync(ct);
    }

    public string PageUrl(int page)
    {
        var query = new List<string>();
        if (!string.IsNullOrEmpty(Q)) query.Add("q=" + Uri.EscapeDataString(Q));
        if (!string.IsNullOrEmpty(State)) query.Add("state=" + State);
        if (page > 1) query.Add("page=" + page);
        return Url.Content("~/municipalities") + (query.Count > 0 ? "?" + string.Join("&", query) : "");
    }
}
