using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Stakeholders.Manage;

/// <summary>
/// The contacts of the pools the user coordinates: search, filter by tag, organisation and consent, sort, page, export.
/// "Kontaktierbar" (consent given, not withdrawn) is the list to use for a mailing.
/// </summary>
[Authorize(Roles = Roles.Administrator + "," + Roles.Coordinator)]
public sealed class ContactsModel(AppDbContext db, PoolAccess access, PoolCatalog catalog) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Tag { get; set; }
    [BindProperty(SupportsGet = true)] public bool Contactable { get; set; }
    /// <summary>name, function or updated; a leading "-" sorts descending.</summary>
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    public int PageNumber { get; private set; } = 1;
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public IReadOnlyList<ContactCsv.Row> Rows { get; private set; } = [];
    public IReadOnlyList<PoolInfo> Pools { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = int.TryParse(Request.Query["page"], out var n) ? n : 1;
        var query = await QueryAsync(ct);
        Total = await query.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Rows = await ContactCsv.ProjectAsync(db, query.Skip((PageNumber - 1) * PageSize).Take(PageSize), ct);
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct) =>
        File(ContactCsv.Write(await ContactCsv.ProjectAsync(db, (await QueryAsync(ct)).Take(10_000), ct)), TableExport.CsvType, "kontakte.csv");

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct) =>
        File(TableExport.Xlsx("Kontakte", ContactCsv.Headers, ContactCsv.Cells(await ContactCsv.ProjectAsync(db, (await QueryAsync(ct)).Take(10_000), ct))),
            TableExport.XlsxType, "kontakte.xlsx");

    private async Task<IQueryable<Contact>> QueryAsync(CancellationToken ct)
    {
        var managed = await access.ManagedPoolIdsAsync(ct);
        Pools = (await catalog.AllAsync(ct)).Where(p => managed.Contains(p.Id)).OrderBy(p => p.Name).ToList();
        ModelState.Clear();
        var query = db.Contacts.AsNoTracking().Where(c => managed.Contains(c.PoolId));
        if (Contactable) query = query.Where(c => c.ConsentGivenOn != null && c.ConsentWithdrawnOn == null);
        if (!string.IsNullOrWhiteSpace(Tag))
        {
            var tag = "," + Tag.Trim().ToLower() + ",";
            query = query.Where(c => ("," + c.Tags!.ToLower() + ",").Contains(tag));
        }
        if (!string.IsNullOrWhiteSpace(Q))
        {
            foreach (var word in Q.Trim().ToLower().Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(5))
                query = query.Where(c => c.Name.ToLower().Contains(word) || (c.Email != null && c.Email.ToLower().Contains(word))
                    || (c.Function != null && c.Function.ToLower().Contains(word))
                    || db.ContactOrganisations.Any(co => co.ContactId == c.Id && db.Organisations.Any(o => o.Id == co.OrganisationId && o.Name.ToLower().Contains(word))));
        }
        return Sort switch
        {
            "-name" => query.OrderByDescending(c => c.Name),
            "function" => query.OrderBy(c => c.Function).ThenBy(c => c.Name),
            "-function" => query.OrderByDescending(c => c.Function).ThenBy(c => c.Name),
            "updated" => query.OrderBy(c => c.UpdatedAt),
            "-updated" => query.OrderByDescending(c => c.UpdatedAt),
            _ => query.OrderBy(c => c.Name).ThenBy(c => c.Id),
        };
    }

    public string Link(string? sort = null, int? page = null, string? handler = null)
    {
        var q = new List<string>();
        if (!string.IsNullOrWhiteSpace(Q)) q.Add($"q={Uri.EscapeDataString(Q)}");
        if (!string.IsNullOrWhiteSpace(Tag)) q.Add($"tag={Uri.EscapeDataString(Tag)}");
        if (Contactable) q.Add("contactable=true");
        var sortValue = sort ?? Sort;
        if (!string.IsNullOrEmpty(sortValue)) q.Add($"sort={sortValue}");
        if (page is > 1) q.Add($"page={page}");
        if (handler is not null) q.Add($"handler={handler}");
        return Url.Content("~/manage/stakeholders/contacts") + (q.Count > 0 ? "?" + string.Join("&", q) : "");
    }

    public string NextSort(string column) => ListSort.Next(Sort, column);
    public string? AriaSort(string column) => ListSort.Aria(Sort, column, "name");
}
