using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Municipalities;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Shared;
using Beraterpool.Web.Features.Shared.Reference;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Requests;

/// <summary>
/// The public consultation request: one form (the municipality is searched and chosen inside it, without JavaScript),
/// then a page to check the answers, then sending. The answers travel in the form between the steps; nothing is
/// stored before "Absenden".
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RequestRateLimit.Policy), SendingHandlers("Submit")]
public sealed class NewModel(TimeProvider time, AppDbContext db, CurrentPool currentPool, PoolCatalog catalog, ConsultationRequests requests, RequestMails mails,
    TrackingTokenVault vault, Advisors.Directory.AdvisorDirectory directory, IStringLocalizer<NewModel> text, ILogger<NewModel> log) : PageModel
{
    public const int MaxMatches = 20;

    [BindProperty] public RequestInput Input { get; set; } = new();

    public bool Reviewing { get; private set; }
    public bool Searched { get; private set; }
    public IReadOnlyList<MunicipalityListItem> Matches { get; private set; } = [];
    public MunicipalityListItem? Chosen { get; private set; }
    public PoolInfo? Pool { get; private set; }
    public IReadOnlyList<Topic> Topics { get; private set; } = [];

    /// <summary>
    /// <paramref name="municipality"/>: "Beratung anfragen" from a municipality's page comes with it chosen;
    /// <paramref name="advisor"/>: from an advisor's public profile, the need starts with the wish for that person.
    /// </summary>
    public async Task<IActionResult> OnGetAsync(string? municipality, string? advisor, CancellationToken ct)
    {
        if (municipality is { Length: 5 or 8 } && municipality.All(char.IsAsciiDigit)) Input.MunicipalityKey = municipality;
        if (advisor is { Length: > 0 and <= 200 } && currentPool.Pool is { } pool
            && (await directory.ForPoolAsync(pool.Id, ct)).Find(advisor) is { } wished)
            Input.Need = text["Wir würden gern mit {0} zusammenarbeiten.", wished.Name].Value + " ";
        return await LoadAsync(ct);
    }

    /// <summary>"Suchen": finds municipalities for the search text and shows them to choose from; no validation yet.</summary>
    public async Task<IActionResult> OnPostSearchAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var q = Input.MunicipalityQuery?.Trim() ?? "";
        if (q.Length is > 0 and <= 100) await SearchAsync(q, ct);
        else
            ModelState.AddModelError("Input.MunicipalityQuery", text["Bitte geben Sie einen Namen, eine Postleitzahl oder einen Gemeindeschlüssel ein."]);
        await LoadAsync(ct);
        return Page();
    }

    private async Task SearchAsync(string q, CancellationToken ct)
    {
        Searched = true;
        Matches = await db.Municipalities.AsNoTracking().Matching(q, null).Take(MaxMatches).ToListItems(db).ToListAsync(ct);
    }

    /// <summary>"Prüfen": validates everything and shows the answers to check.</summary>
    public async Task<IActionResult> OnPostReviewAsync(CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(Input.Website)) return RedirectToPage("/Requests/Sent");
        await LoadAsync(ct);
        CheckRules();
        // Enter in the search field sends the form here: a typed place with none chosen yet is searched as well.
        var q = Input.MunicipalityQuery?.Trim() ?? "";
        if (Chosen is null && q.Length is > 0 and <= 100) await SearchAsync(q, ct);
        PlaceChoiceError();
        Reviewing = ModelState.IsValid;
        return Page();
    }

    /// <summary>"Ändern" on the check page: back to the form with all answers.</summary>
    public async Task<IActionResult> OnPostEditAsync(CancellationToken ct)
    {
        ModelState.Clear();
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>"Absenden": validates again (the answers came back from the browser), stores, mails, and confirms.</summary>
    public async Task<IActionResult> OnPostSubmitAsync(CancellationToken ct)
    {
        // A bot filled the invisible field: it gets the same answer as a person, and nothing is stored.
        if (!string.IsNullOrEmpty(Input.Website))
        {
            log.LogInformation("Consultation request dropped: honeypot filled");
            return RedirectToPage("/Requests/Sent");
        }
        await LoadAsync(ct);
        CheckRules();
        PlaceChoiceError();
        if (!ModelState.IsValid || Chosen is null || Pool is null) return Page();

        var token = ConsultationRequests.NewTrackingToken();
        var request = new ConsultationRequest
        {
            PoolId = Pool.Id, Reference = "", MunicipalityKey = Chosen.Key,
            Department = Clean(Input.Department), ContactName = Input.ContactName!.Trim(), ContactFunction = Clean(Input.ContactFunction),
            ContactEmail = Input.ContactEmail!.Trim(), ContactPhone = Clean(Input.ContactPhone),
            Goal = Input.Goal!.Trim(), Need = Input.Need!.Trim(),
            PreferredFrom = Input.PreferredFrom, PreferredTo = Input.PreferredTo, Format = Input.Format!.Value,
            HeardFrom = Clean(Input.HeardFrom), ConsentGivenAt = time.GetUtcNow(), Culture = WebUi.CurrentCulture,
            TrackingTokenHash = ConsultationRequests.HashToken(token), TrackingTokenProtected = vault.Protect(token),
        };
        request.Topics.AddRange(Input.TopicIds.Distinct().Select(id => new RequestTopic { TopicId = id }));
        request.Languages.AddRange(Input.LanguageCodes.Distinct().Select(code => new RequestLanguage { LanguageCode = code }));
        await requests.SaveNewAsync(request, ct);

        await mails.SendConfirmationAsync(request, token, Chosen.ShortName, Pool.Name, Pool.AnnualDayQuota, ct);
        await mails.SendOfficeNotificationAsync(request, Pool.ContactEmail, Chosen.ShortName, ct);

        TempData["RequestReference"] = request.Reference;
        TempData["RequestEmail"] = request.ContactEmail;
        TempData["RequestPool"] = Pool.Name;
        TempData["RequestQuota"] = Pool.AnnualDayQuota;
        return RedirectToPage("/Requests/Sent");
    }

    private async Task<IActionResult> LoadAsync(CancellationToken ct)
    {
        var key = Input.MunicipalityKey?.Trim();
        if (!string.IsNullOrEmpty(key))
        {
            Chosen = await db.Municipalities.AsNoTracking().Where(m => m.OfficialKey == key).ToListItems(db).FirstOrDefaultAsync(ct);
        }
        Pool = await PoolForAsync(Chosen?.StateCode, ct);
        if (Pool is not null)
            Topics = await db.Topics.AsNoTracking().Where(t => t.PoolId == Pool.Id).OrderBy(t => t.SortOrder).ThenBy(t => t.NameDe).ToListAsync(ct);
        return Page();
    }

    /// <summary>The pool that covers the municipality's state, else the pool of this site.</summary>
    private async Task<PoolInfo?> PoolForAsync(string? stateCode, CancellationToken ct)
    {
        if (stateCode is not null)
        {
            var all = await catalog.AllAsync(ct);
            if (all.FirstOrDefault(p => p.Id == currentPool.Pool?.Id && p.StateCodes.Contains(stateCode)) is { } current) return current;
            if (all.FirstOrDefault(p => p.StateCodes.Contains(stateCode)) is { } covering) return covering;
        }
        return currentPool.Pool;
    }

    private void CheckRules()
    {
        if (!string.IsNullOrEmpty(Input.MunicipalityKey) && Chosen is null)
            ModelState.AddModelError("Input.MunicipalityKey", text["Bitte suchen Sie Ihre Kommune und wählen Sie sie aus der Liste aus."]);
        if (Input.TopicIds.Any(id => Topics.All(t => t.Id != id)))
        {
            Input.TopicIds = Input.TopicIds.Where(id => Topics.Any(t => t.Id == id)).ToList();
            ModelState.AddModelError("Input.TopicIds", text["Für Ihre Kommune ist ein anderer Pool zuständig. Bitte wählen Sie die Themenfelder noch einmal."]);
        }
        if (Input.LanguageCodes.Any(c => Languages.Find(c) is null))
            ModelState.AddModelError("Input.LanguageCodes", text["Bitte wählen Sie Sprachen aus der Liste."]);
        if (Input.LanguageCodes.Distinct().Count() > 20)
            ModelState.AddModelError("Input.LanguageCodes", text["Bitte wählen Sie höchstens 20 Sprachen."]);
        var today = time.LocalToday();
        if (Input.PreferredFrom is { } from && from < today)
            ModelState.AddModelError("Input.PreferredFrom", text["Der gewünschte Beginn darf nicht in der Vergangenheit liegen."]);
        if (Input.PreferredTo is { } to)
        {
            if (Input.PreferredFrom is { } f && to < f)
                ModelState.AddModelError("Input.PreferredTo", text["Das Ende des Zeitraums darf nicht vor dem Beginn liegen."]);
            else if (to < today)
                ModelState.AddModelError("Input.PreferredTo", text["Das Ende des Zeitraums darf nicht in der Vergangenheit liegen."]);
        }
        if (Input.Format is { } format && !Enum.IsDefined(format))
            ModelState.AddModelError("Input.Format", text["Bitte wählen Sie aus, in welcher Form die Beratung stattfinden soll."]);
        if (Pool is null) ModelState.AddModelError("", text["Zurzeit nimmt kein Pool Anfragen an. Bitte versuchen Sie es später noch einmal."]);
    }

    /// <summary>
    /// "Choose your municipality" with nothing listed to choose from belongs to the search field: the summary's link
    /// then lands where the person can act, not on an empty list below it.
    /// </summary>
    private void PlaceChoiceError()
    {
        if (Matches.Count > 0 || Chosen is not null) return;
        if (!ModelState.TryGetValue("Input.MunicipalityKey", out var entry) || entry.Errors.Count == 0) return;
        var message = entry.Errors[0].ErrorMessage;
        entry.Errors.Clear();
        ModelState.AddModelError("Input.MunicipalityQuery", message);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
