using System.Globalization;
using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Email;
using Beraterpool.Web.Features.Quota;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Engagements;

/// <summary>
/// The e-mails of an engagement's steps: days to approve (coordinators), a municipality comment (advisors), the request
/// for feedback at closing (contact), the closing (everyone) and a raised quota (advisors) — each in the recipient's
/// language. A failed mail is logged and never undoes the saved change.
/// </summary>
public sealed class EngagementMails(AppDbContext db, EmailSender sender, IStringLocalizer<EngagementMails> text, EngagementNames names,
    IHttpContextAccessor http, IConfiguration config, ILogger<EngagementMails> log)
{
    private sealed record Recipient(string Email, string Name, string? Culture, bool HasAccount);

    /// <summary>Scheme, host and path base of the current request (keeps a pool prefix); App:PublicUrl outside a request.</summary>
    public string BaseUrl => http.HttpContext?.Request is { } r
        ? $"{r.Scheme}://{r.Host}{r.PathBase}"
        : (config["App:PublicUrl"] ?? "http://localhost:5000").TrimEnd('/');

    private string RecordLink(int engagementId, string? section = null) => $"{BaseUrl}/engagements/{engagementId}" + (section is null ? "" : "#" + section);

    public async Task ActivityLoggedAsync(int engagementId, int poolId, string advisorName, Activity activity, CancellationToken ct)
    {
        var municipality = await MunicipalityAsync(engagementId, ct);
        foreach (var to in await CoordinatorsAsync(poolId, ct))
            await SendAsync(to, () => (
                text["Aktivität freizugeben: {0}", municipality].Value,
                Lines(
                    text["{0} hat in der Begleitung {1} eine Aktivität eingetragen:", advisorName, municipality],
                    $"{activity.Date.ToString("d", CultureInfo.CurrentCulture)} · {names[activity.Kind]} · {DayText(activity.HalfDays)}",
                    "",
                    text["Bitte prüfen Sie die Aktivität und geben Sie sie frei:"],
                    $"{BaseUrl}/manage/engagements",
                    "",
                    text["Zur Begleitung:"],
                    RecordLink(engagementId, "activities"))), ct);
    }

    public async Task CommentedAsync(int engagementId, string authorName, string comment, CancellationToken ct)
    {
        var municipality = await MunicipalityAsync(engagementId, ct);
        foreach (var to in await AdvisorsAsync(engagementId, ct))
            await SendAsync(to, () => (
                text["Neuer Kommentar der Kommune {0}", municipality].Value,
                Lines(
                    text["Guten Tag {0},", to.Name],
                    "",
                    text["{0} hat die Begleitung {1} kommentiert:", authorName, municipality],
                    "",
                    comment,
                    "",
                    text["Zur Begleitung:"],
                    RecordLink(engagementId, "comments"))), ct);
    }

    /// <summary>Asks the municipality contact for feedback once an advisor has started the closing step.</summary>
    public async Task FeedbackRequestedAsync(int engagementId, CancellationToken ct)
    {
        if (await ContactAsync(engagementId, ct) is not { } to) return;
        var municipality = await MunicipalityAsync(engagementId, ct);
        await SendAsync(to, () => (
            text["Ihre Rückmeldung zur Begleitung {0}", municipality].Value,
            Lines(
                text["Guten Tag {0},", to.Name],
                "",
                text["die Begleitung Ihrer Kommune geht zu Ende. Wie war sie für Sie? Bitte geben Sie uns eine kurze Rückmeldung mit einer Bewertung von 1 bis 5 – sie hilft den Berater*innen und der Koordinierungsstelle."],
                "",
                to.HasAccount
                    ? text["Die Rückmeldung geben Sie hier (nach der Anmeldung):"].Value
                    : text["Die Rückmeldung geben Sie über Ihren persönlichen Link aus der Bestätigung Ihrer Anfrage."].Value,
                to.HasAccount ? RecordLink(engagementId, "closing") : "")), ct);
    }

    public async Task ClosedAsync(int engagementId, CancellationToken ct)
    {
        var municipality = await MunicipalityAsync(engagementId, ct);
        var recipients = await AdvisorsAsync(engagementId, ct);
        if (await ContactAsync(engagementId, ct) is { } contact) recipients.Add(contact);
        foreach (var to in recipients.DistinctBy(r => r.Email.ToLowerInvariant()))
            await SendAsync(to, () => (
                text["Begleitung {0} abgeschlossen", municipality].Value,
                Lines(
                    text["Guten Tag {0},", to.Name],
                    "",
                    text["die Koordinierungsstelle hat die Begleitung {0} abgeschlossen. Vielen Dank für die Zusammenarbeit!", municipality],
                    text["Das Protokoll mit Aktivitäten, Handlungsoptionen und Erkenntnissen bleibt lesbar:"],
                    to.HasAccount ? RecordLink(engagementId) : text["über Ihren persönlichen Link aus der Bestätigung Ihrer Anfrage"].Value)), ct);
    }

    /// <summary>Tells the advisors of the municipality's open engagements in the pool that more days are available.</summary>
    public async Task QuotaChangedAsync(int poolId, string municipalityKey, QuotaBooking balance, CancellationToken ct)
    {
        var engagements = await db.Engagements.AsNoTracking()
            .Where(e => e.PoolId == poolId && e.MunicipalityKey == municipalityKey && e.Status != EngagementStatus.Closed)
            .Select(e => e.Id).ToListAsync(ct);
        if (engagements.Count == 0) return;
        var municipality = await db.Municipalities.AsNoTracking().Where(m => m.OfficialKey == municipalityKey).Select(m => m.ShortName).SingleAsync(ct);
        var sent = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var engagementId in engagements)
            foreach (var to in await AdvisorsAsync(engagementId, ct))
            {
                if (!sent.Add(to.Email)) continue;
                await SendAsync(to, () => (
                    text["Neues Kontingent für {0} ({1})", municipality, balance.Year].Value,
                    Lines(
                        text["Guten Tag {0},", to.Name],
                        "",
                        text["die Koordinierungsstelle hat das Kontingent von {0} für {1} auf {2} Tage gesetzt; {3} Tage sind übrig.", municipality, balance.Year,
                            Days.Number(balance.QuotaHalfDays), Days.Number(balance.RemainingHalfDays)],
                        "",
                        text["Zur Begleitung:"],
                        RecordLink(engagementId))), ct);
            }
    }

    private Task<string> MunicipalityAsync(int engagementId, CancellationToken ct) =>
        db.Engagements.AsNoTracking().Where(e => e.Id == engagementId)
            .Join(db.Municipalities, e => e.MunicipalityKey, m => m.OfficialKey, (e, m) => m.ShortName).SingleAsync(ct);

    /// <summary>The pool's coordinators; when it has none yet, the office address of the pool.</summary>
    private async Task<List<Recipient>> CoordinatorsAsync(int poolId, CancellationToken ct)
    {
        var list = await db.PoolCoordinators.AsNoTracking().Where(c => c.PoolId == poolId)
            .Join(db.Users, c => c.UserId, u => u.Id, (c, u) => new { u.Email, u.DisplayName, u.Culture })
            .Where(u => u.Email != null)
            .Select(u => new Recipient(u.Email!, u.DisplayName ?? u.Email!, u.Culture, true)).ToListAsync(ct);
        if (list.Count > 0) return list;
        var office = await db.Pools.AsNoTracking().Where(p => p.Id == poolId).Select(p => p.ContactEmail).SingleAsync(ct);
        return [new Recipient(office, office, "de", true)];
    }

    /// <summary>The advisors' account address (where they sign in) or, without an account, their profile address.</summary>
    private Task<List<Recipient>> AdvisorsAsync(int engagementId, CancellationToken ct) =>
        db.EngagementAdvisors.AsNoTracking().Where(ea => ea.EngagementId == engagementId)
            .Join(db.Advisors, ea => ea.AdvisorId, a => a.Id, (ea, a) => a)
            .Select(a => new
            {
                a.Email, a.FirstName, a.LastName,
                User = db.Users.Where(u => u.Id == a.UserId).Select(u => new { u.Email, u.Culture }).FirstOrDefault(),
            })
            .Select(a => new Recipient(a.User != null && a.User.Email != null ? a.User.Email : a.Email, a.FirstName + " " + a.LastName,
                a.User != null ? a.User.Culture : null, a.User != null))
            .ToListAsync(ct);

    /// <summary>The contact's account when they have one, otherwise the address given in the request (in its language).</summary>
    private async Task<Recipient?> ContactAsync(int engagementId, CancellationToken ct)
    {
        var r = await db.Engagements.AsNoTracking().Where(e => e.Id == engagementId)
            .Join(db.ConsultationRequests, e => e.RequestId, r => r.Id, (e, r) => new
            {
                r.ContactName, r.ContactEmail, r.Culture,
                User = db.Users.Where(u => u.Id == r.ContactUserId).Select(u => new { u.Email, u.Culture }).FirstOrDefault(),
            })
            .SingleAsync(ct);
        if (r.User?.Email is { } email) return new Recipient(email, r.ContactName, r.User.Culture, true);
        return string.IsNullOrWhiteSpace(r.ContactEmail) ? null : new Recipient(r.ContactEmail, r.ContactName, r.Culture, false);
    }

    private string DayText(int halfDays) => halfDays == 2 ? text["1 Tag"] : text["{0} Tage", Days.Number(halfDays)];

    private async Task SendAsync(Recipient to, Func<(string Subject, string Body)> build, CancellationToken ct)
    {
        var (previous, previousUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        var culture = new CultureInfo(to.Culture is "en" or "fr" ? to.Culture : "de");
        (string Subject, string Body) mail;
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
        try { mail = build(); }
        finally
        {
            CultureInfo.CurrentCulture = previous;
            CultureInfo.CurrentUICulture = previousUi;
        }
        try
        {
            await sender.SendAsync(new EmailMessage(to.Email, mail.Subject, mail.Body), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The change is saved and audited; a mail server outage must not turn it into an error page.
            log.LogWarning(e, "Engagement mail to {To} ({Subject}) failed", to.Email, mail.Subject);
        }
    }

    private static string Lines(params object[] lines) => string.Join("\r\n", lines.Select(l => l.ToString()));
}
