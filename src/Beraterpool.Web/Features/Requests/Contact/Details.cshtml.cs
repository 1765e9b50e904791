using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Pools;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beraterpool.Web.Features.Requests.Contact;

/// <summary>One of the contact's own requests (by account instead of the personal link); others' requests answer 404.</summary>
[Authorize(Roles = Roles.MunicipalityContact)]
public sealed class DetailsModel(AppDbContext db, PoolAccess access, RequestRecords records) : PageModel
{
    public RequestRecord Record { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var userId = access.UserId;
        var record = await records.LoadAsync(db.ConsultationRequests.Where(r => r.Id == id && r.ContactUserId == userId && userId != null), ct);
        if (record is null) return NotFound();
        Record = record;
        return Page();
    }
}
