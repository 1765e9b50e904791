using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.MunicipalityAccounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Requests.Contact;

/// <summary>One request of the contact's municipality (or their own), by account instead of the personal link; any other answers 404.</summary>
[Authorize(Roles = Roles.MunicipalityContact)]
public sealed class DetailsModel(MunicipalityAccess access, RequestRecords records) : PageModel
{
    public RequestRecord Record { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var scopes = await access.ScopesAsync(ct);
        var visible = await access.VisibleRequestsAsync(ct);
        var which = await visible.Where(r => r.Id == id).Select(r => new { r.PoolId, r.MunicipalityKey, r.ContactUserId }).FirstOrDefaultAsync(ct);
        if (which is null || !access.Owns(scopes, which.PoolId, which.MunicipalityKey, which.ContactUserId)) return NotFound();
        var record = await records.LoadAsync(visible.Where(r => r.Id == id), ct);
        if (record is null) return NotFound();
        Record = record;
        return Page();
    }
}
