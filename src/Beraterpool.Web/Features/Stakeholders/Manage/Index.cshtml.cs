using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Stakeholders.Manage;

/// <summary>The organisations of the pools the user coordinates: search, filter by kind and tag, sort, page, export.</summary>
[Authorize(Roles = Roles.Administrator + "," + Roles.Coordinator)]
public sealed class IndexModel(AppDbContext db, PoolAccess access, PoolCatalog catalog, IStringLocalizer<IndexModel> text) : PageModel
{
    public const int PageSize = 25;

    public sealed record Row(int Id, int PoolId, string Name, OrganisationKind Kind, string? Tags, string? MunicipalityName, string? Website, string? Address, int Contacts);

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public OrganisationKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Tag { get; set; }
    /// <summary>name, kind or contacts; a leading "-" sorts descending.</summary>
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    public int PageNumber { get; private set; } = 1;
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<PoolInfo> Pools { get; private set; } = [];
    public StakeholderTexts Texts { get; } = new(text);

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = int.TryParse(Request.Query["page"], out var n) ? n : 1;
        var query = await QueryAsync(ct);
        Total = await query.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Rows = await query.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct) =>
        File(TableExport.Csv(Headers, ExportRows(await (await QueryAsync(ct)).Take(10_000).ToListAsync(ct))), TableExport.CsvType, "organisationen.csv");

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct) =>
        File(TableExport.Xlsx(text["Organisationen"].Value, Headers, ExportRows(await (await QueryAsync(ct)).Take(10_000).ToListAsync(ct))), TableExport.XlsxType, "organisationen.xlsx");

    private string[] Headers => [text["Name"].Value, text["Art"].Value, text["Kommune"].Value, text["Anschrift"].Value, text["Website"].Value, text["Schlagworte"].Value, text["Kontakte"].Value];

    private IEnumerable<IReadOnlyList<ExportCell>> ExportRows(IEnumerable<Row> rows) =>
        rows.Select(r => (IReadOnlyList<ExportCell>)[r.Name, Texts.Kind(r.Kind), r.MunicipalityName, r.Address, r.Website, r.Tags, r.Contacts]);

    private async Task<IQueryable<Row>> QueryAsync(CancellationToken ct)
    {
        var managed = await access.ManagedPoolIdsAsync(ct);
        Pools = (await catalog.AllAsync(ct)).Where(p => managed.Contains(p.Id)).OrderBy(p => p.Name).ToList();
        if (!ModelState.IsValid)
        {
            Kind = null;
            ModelState.Clear();
        }
        var query = db.Organisations.AsNoTracking().Where(o => managed.Contains(o.PoolId));
        if (Kind is { } kind) query = query.Where(o => o.Kind == kind);
        if (!string.IsNullOrWhiteSpace(Tag))
        {
            var tag = "," + Tag.Trim().ToLower() + ",";
            query = query.Where(o => ("," + o.Tags!.ToLower() + ",").Contains(tag));
        }
        if (!string.IsNullOrWhiteSpace(Q))
        {
            foreach (var word in Q.Trim().ToLower().Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(5))
                query = query.Where(o => o.Name.ToLower().Contains(word) || (o.Address != null && o.Address.ToLower().Contains(word)));
        }
        query = Sort switch
        {
            "-name" => query.OrderByDescending(o => o.Name),
            "kind" => query.OrderBy(o => o.Kind).ThenBy(o => o.Name),
            "-kind" => query.OrderByDescending(o => o.Kind).ThenBy(o => o.Name),
            "contacts" => query.OrderBy(o => db.ContactOrganisations.Count(c => c.OrganisationId == o.Id)).ThenBy(o => o.Name),
            "-contacts" => query.OrderByDescending(o => db.ContactOrganisations.Count(c => c.OrganisationId == o.Id)).ThenBy(o => o.Name),
            _ => query.OrderBy(o => o.Name),
        };
        return query.Select(o => new Row(o.Id, o.PoolId, o.Name, o.Kind, o.Tags,
            db.Municipalities.Where(m => m.OfficialKey == o.MunicipalityKey).Select(m => m.ShortName).FirstOrDefault(), o.Website, o.Address,
            db.ContactOrganisations.Count(c => c.OrganisationId == o.Id)));
    }

    public string Link(string? sort = null, int? page = null, string? handler = null)
    {
        var q = new List<string>();
        if (!string.IsNullOrWhiteSpace(Q)) q.Add($"q={Uri.EscapeDataString(Q)}");
        if (Kind is { } k) q.Add($"kind={k}");
        if (!string.IsNullOrWhiteSpace(Tag)) q.Add($"tag={Uri.EscapeDataString(Tag)}");
        var sortValue = sort ?? Sort;
        if (!string.IsNullOrEmpty(sortValue)) q.Add($"sort={sortValue}");
        if (page is > 1) q.Add($"page={page}");
        if (handler is not null) q.Add($"handler={handler}");
        return Url.Content("~/manage/stakeholders") + (q.Count > 0 ? "?" + string.Join("&", q) : "");
    }

    public string NextSort(string column) => ListSort.Next(Sort, column);
    public string? AriaSort(string column) => ListSort.Aria(Sort, column, "name");
}
