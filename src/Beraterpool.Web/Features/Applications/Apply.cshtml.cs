using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Advisors.Editor;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Requests;
using Beraterpool.Web.Features.Shared.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Applications;

/// <summary>The application form of an open call, without an account. After the deadline it says the call is closed.</summary>
[AllowAnonymous]
[EnableRateLimiting(RequestRateLimit.Policy), SendingHandlers("")]
[RequestSizeLimit(Shared.UploadLimits.MaxRequestBytes)]
public sealed class ApplyModel(AppDbContext db, CurrentPool current, ApplicationDesk desk, ProfileEditor places, TimeProvider time, IStringLocalizer<ApplyModel> text)
    : ApplicationFormPage(db, desk, places, time, text)
{
    protected override bool HasCv => false;
    protected override int? ExistingId => null;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSearchCityAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        await SearchCityAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var token = await SubmitAsync(ct);
        if (string.IsNullOrEmpty(token)) return Page();
        TempData[StatusMessage.Key] = text["Vielen Dank für Ihre Bewerbung. Die Bestätigung mit Ihrem persönlichen Link ist an {0} unterwegs.", Input.Email!.Trim()].Value;
        return Redirect(ApplicationModel.Path(Url, token));
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (current.Pool is not { } pool) return false;
        var now = Time.GetUtcNow();
        var call = await Db.Calls.AsNoTracking().Include(c => c.Questions).FirstOrDefaultAsync(c => c.Id == id && c.PoolId == pool.Id && c.OpensAt <= now, ct);
        if (call is null) return false;
        await LoadCallAsync(call, ct);
        return true;
    }
}
