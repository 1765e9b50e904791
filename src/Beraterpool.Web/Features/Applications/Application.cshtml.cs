using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Advisors.Editor;
using Beraterpool.Web.Features.Requests;
using Beraterpool.Web.Features.Shared.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Applications;

/// <summary>
/// The personal link from the confirmation mail: the application, changeable until the deadline, and its status
/// afterwards. The secret is case-sensitive, so form actions and redirects are written here, not generated.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RequestRateLimit.Policy), SendingHandlers("")]
[RequestSizeLimit(Shared.UploadLimits.MaxRequestBytes)]
public sealed class ApplicationModel(AppDbContext db, ApplicationDesk desk, ProfileEditor places, TimeProvider time, IStringLocalizer<ApplicationModel> text)
    : ApplicationFormPage(db, desk, places, time, text)
{
    public Application Application { get; private set; } = null!;
    public string Token { get; private set; } = "";
    protected override bool HasCv => true;
    protected override int? ExistingId => Application.Id;

    public static string Path(IUrlHelper url, string token) => url.Content($"~/calls/application/{Uri.EscapeDataString(token)}");

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        if (!await LoadAsync(token, ct)) return NotFound();
        var a = Application;
        Input = new ApplicationInput
        {
            FirstName = a.FirstName, LastName = a.LastName, Email = a.Email, Phone = a.Phone, CityKey = a.CityKey, Gender = a.Gender, BirthYear = a.BirthYear,
            LanguageCodes = [.. Application.Split(a.Languages)], CountryCodes = [.. Application.Split(a.CountryCodes)], CountriesConsent = a.CountriesConsentAt is not null,
            TopicIds = [.. Application.Split(a.TopicIds).Select(t => int.TryParse(t, out var n) ? n : 0)], Motivation = a.Motivation, Experience = a.Experience,
            Consent = true,
            Answers = a.Answers.Select(x => new AnswerInput
            {
                QuestionId = x.QuestionId, Text = x.Value, Choices = [.. (x.Value ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries)],
            }).ToList(),
        };
        await LoadAsync(token, ct);
        Input.CityQuery = CityMatches.FirstOrDefault().Label;
        return Page();
    }

    public async Task<IActionResult> OnPostSearchCityAsync(string token, CancellationToken ct)
    {
        if (!await LoadAsync(token, ct)) return NotFound();
        await SearchCityAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        if (!await LoadAsync(token, ct)) return NotFound();
        if (await SubmitAsync(ct) is null) return Page();
        TempData[StatusMessage.Key] = text["Ihre Änderungen sind gespeichert."].Value;
        return Redirect(Path(Url, token));
    }

    private async Task<bool> LoadAsync(string token, CancellationToken ct)
    {
        if (await Desk.FindAsync(token, ct) is not { } a) return false;
        (Application, Token) = (a, token);
        var call = await Db.Calls.AsNoTracking().Include(c => c.Questions).SingleAsync(c => c.Id == a.CallId, ct);
        await LoadCallAsync(call, ct);
        CvName = await Db.ApplicationFiles.Where(f => f.ApplicationId == a.Id && f.QuestionId == null).Select(f => f.FileName).FirstOrDefaultAsync(ct);
        foreach (var f in await Db.ApplicationFiles.Where(f => f.ApplicationId == a.Id && f.QuestionId != null).Select(f => new { f.QuestionId, f.FileName }).ToListAsync(ct))
            FileNames.TryAdd(f.QuestionId!.Value, f.FileName);
        return true;
    }
}
