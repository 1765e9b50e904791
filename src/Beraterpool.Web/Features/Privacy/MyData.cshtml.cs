using Beraterpool.Web.Features.Pools;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beraterpool.Web.Features.Privacy;

/// <summary>
/// "Meine Daten": every signed-in person downloads what is held about them (Art. 15/20) — found by their own account,
/// never by an address they could type, so nobody downloads someone else's data here.
/// </summary>
[Authorize]
public sealed class MyDataModel(PoolAccess access, PersonFinder people, DataExport export, TimeProvider time) : PageModel
{
    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await people.ByUserIdAsync(access.UserId, ct) is not { } me) return NotFound();
        var zip = await export.ZipAsync(me, ct);
        return File(zip, "application/zip", DataExport.FileName(time.GetUtcNow()));
    }
}
