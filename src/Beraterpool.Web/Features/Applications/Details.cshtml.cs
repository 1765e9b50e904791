using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Advisors.Editor;
using Beraterpool.Web.Features.Pools;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Applications;

/// <summary>
/// A call's public page: its text and criteria with the application form below (sent to the apply page, which shows the
/// form again with its messages); after the deadline it says the call is closed.
/// </summary>
[AllowAnonymous]
public sealed class DetailsModel(AppDbContext db, CurrentPool current, ApplicationDesk desk, ProfileEditor places, TimeProvider time, IStringLocalizer<DetailsModel> text)
    : ApplicationFormPage(db, desk, places, time, text)
{
    public CallTexts Texts { get; } = new(text);
    protected override bool HasCv => false;
    protected override int? ExistingId => null;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (current.Pool is not { } pool) return NotFound();
        var now = Time.GetUtcNow();
        var call = await Db.Calls.AsNoTracking().Include(c => c.Criteria).Include(c => c.Questions)
            .FirstOrDefaultAsync(c => c.Id == id && c.PoolId == pool.Id && c.OpensAt <= now, ct);
        if (call is null) return NotFound();
        await LoadCallAsync(call, ct);
        return Page();
    }
}
