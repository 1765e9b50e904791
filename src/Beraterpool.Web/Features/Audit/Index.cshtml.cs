using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Audit;

/// <summary>
/// The audit log for administrators, newest first, filtered by event, person and date (German calendar days).
/// Administrators only: the log is a control over coordinators too (role grants, approvals), and security events
/// belong to accounts, not pools, so a coordinator's "own pool" would show only part of the story.
/// </summary>
[Authorize(Roles = Roles.Administrator)]
public sealed class IndexModel(AppDbContext db, IStringLocalizer<IndexModel> text) : PageModel
{
    public const int PageSize = 25;
    public const string SecurityFilter = "security";

    /// <summary>German names of the security events; other actions are shown by their dotted name.</summary>
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        [SecurityEvents.Actions[SecurityEvent.SignInSucceeded]] = "Anmeldung erfolgreich",
        [SecurityEvents.Actions[SecurityEvent.SignInFailed]] = "Anmeldung fehlgeschlagen",
        [SecurityEvents.Actions[SecurityEvent.LockedOut]] = "Anmeldung gesperrt (zu viele Fehlversuche)",
        [SecurityEvents.Actions[SecurityEvent.PasswordResetRequested]] = "Neues Passwort angefordert",
        [SecurityEvents.Actions[SecurityEvent.PasswordReset]] = "Passwort zurückgesetzt",
        [SecurityEvents.Actions[SecurityEvent.SignedOutEverywhere]] = "Überall abgemeldet",
        [SecurityEvents.Actions[SecurityEvent.RoleGranted]] = "Rolle vergeben",
        [SecurityEvents.Actions[SecurityEvent.RoleRemoved]] = "Rolle entzogen",
        [SecurityEvents.Actions[SecurityEvent.TwoFactorEnabled]] = "Zwei-Faktor-Anmeldung eingeschaltet",
        [SecurityEvents.Actions[SecurityEvent.TwoFactorDisabled]] = "Zwei-Faktor-Anmeldung ausgeschaltet",
        [SecurityEvents.Actions[SecurityEvent.RecoveryCodeUsed]] = "Wiederherstellungscode benutzt",
    };

    public sealed record Row(long Id, DateTimeOffset At, string Action, string Subject, string? SubjectEmail, string? ActorEmail, int? PoolId, string? Details);

    [FromQuery(Name = "kind")] public string? Kind { get; set; }
    [FromQuery(Name = "person")] public string? Person { get; set; }
    [FromQuery(Name = "from")] public DateOnly? From { get; set; }
    [FromQuery(Name = "to")] public DateOnly? To { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<string> Actions { get; private set; } = [];
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount { get; private set; }
    public bool Filtered => !string.IsNullOrEmpty(Kind) || !string.IsNullOrWhiteSpace(Person) || From is not null || To is not null;

    public async Task OnGetAsync(CancellationToken ct)
    {
        CheckDates();
        var known = await db.AuditEntries.AsNoTracking().Select(e => e.Action).Distinct().ToListAsync(ct);
        Actions = known.Concat(Labels.Keys).Distinct().Order(StringComparer.Ordinal).ToList();

        var query = db.AuditEntries.AsNoTracking();
        if (Kind == SecurityFilter) query = query.Where(e => e.Action.StartsWith(SecurityEvents.ActionPrefix));
        else if (!string.IsNullOrEmpty(Kind)) query = query.Where(e => e.Action == Kind);
        if (!string.IsNullOrWhiteSpace(Person))
        {
            // By e-mail address (or part of it): entries the person made and entries about their account.
            var needle = Person.Trim().ToUpperInvariant();
            var ids = await db.Users.Where(u => u.NormalizedEmail != null && u.NormalizedEmail.Contains(needle)).Select(u => u.Id).Take(50).ToListAsync(ct);
            var subjects = ids.Select(id => "user:" + id).ToList();
            query = query.Where(e => (e.UserId != null && ids.Contains(e.UserId)) || subjects.Contains(e.Subject));
        }
        if (From is { } from) query = query.Where(e => e.At >= StartOf(from));
        if (To is { } to) query = query.Where(e => e.At < StartOf(to.AddDays(1)));

        Total = await query.CountAsync(ct);
        PageCount = Math.Max(1, (Total + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        var page = await query.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(e => new
            {
                e.Id, e.At, e.Action, e.Subject, e.PoolId, e.Details,
                Actor = db.Users.Where(u => u.Id == e.UserId).Select(u => u.Email).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var subjectIds = page.Select(e => e.Subject).Where(s => s.StartsWith("user:")).Select(s => s["user:".Length..]).Distinct().ToList();
        var emails = await db.Users.Where(u => subjectIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email, ct);
        Rows = page.Select(e => new Row(e.Id, e.At, e.Action, e.Subject,
            e.Subject.StartsWith("user:") ? emails.GetValueOrDefault(e.Subject["user:".Length..]) : null, e.Actor, e.PoolId, e.Details)).ToList();
    }

    public string Label(string action) => Labels.TryGetValue(action, out var german) ? text[german] : action;

    public string PageUrl(int page)
    {
        var query = new Dictionary<string, string?>
        {
            ["kind"] = Kind, ["person"] = Person, ["from"] = From?.ToString("yyyy-MM-dd"), ["to"] = To?.ToString("yyyy-MM-dd"), ["page"] = page.ToString(),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(Url.Page("/Audit/Index")!, query.Where(q => !string.IsNullOrEmpty(q.Value)));
    }

    // The day starts at midnight in Berlin, whatever the server's zone.
    private static DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, ProgrammeTime.Zone.GetUtcOffset(local)).ToUniversalTime(); // PostgreSQL takes UTC only
    }

    // An unreadable date is ignored as a filter and named at its field, in German.
    private void CheckDates()
    {
        foreach (var key in new[] { "from", "to" })
        {
            if (ModelState[key] is not { Errors.Count: > 0 }) continue;
            ModelState[key]!.Errors.Clear();
            ModelState.AddModelError(key, text["Bitte geben Sie ein gültiges Datum an, z. B. 01.12.2026."]);
        }
    }
}
