using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Pools;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Applications;

/// <summary>A call's public page: its text, criteria and form questions; after the deadline it says the call is closed.</summary>
[AllowAnonymous]
public sealed class DetailsModel(AppDbContext db, CurrentPool current, TimeProvider time, IStringLocalizer<DetailsModel> text) : PageModel
{
    public Call Call { get; private set; } = null!;
    public bool IsOpen { get; private set; }
    public CallTexts Texts { get; } = new(text);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (current.Pool is not { } pool) return NotFound();
        var now = time.GetUtcNow();
        var call = await db.Calls.AsNoTracking().Include(c => c.Criteria).Include(c => c.Questions)
            .FirstOrDefaultAsync(c => c.Id == id && c.PoolId == pool.Id && c.OpensAt <= now, ct);
        if (call is null) return NotFound();
        (Call, IsOpen) = (call, call.IsOpen(now));
        return Page();
    }
}
