using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Email;
using Beraterpool.Web.Features.Quota;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Engagements;

/// <summary>
/// The e-mails of an engagement's steps: days to approve (coordinators), a municipality comment (advisors), the request
/// for feedback at closing (contact), the closing (everyone) and a raised quota (advisors) — each in the recipient's
/// language, through the <see cref="Mailer"/> (so a failed mail is logged and never undoes the saved change).
/// </summary>
public sealed class EngagementMails(AppDbContext db, Mailer mailer)
{
    public static readonly ActivityLoggedMail ActivityLogged = new();
    public static readonly EngagementCommentedMail Commented = new();
    public static readonly FeedbackRequestedMail FeedbackRequested = new();
    public static readonly EngagementClosedMail Closed = new();
    public static readonly QuotaChangedMail QuotaChanged = new();
    public static readonly ActivityReturnedMail ActivityReturned = new();
    public static readonly MailTemplate[] Templates = [ActivityLogged, ActivityReturned, Commented, FeedbackRequested, Closed, QuotaChanged];

    private sealed record Recipient(string Email, string Name, string? Culture, bool HasAccount, int? AdvisorId = null)
    {
        public MailRecipient To => new(Email, Name, Culture);
    }

    public async Task ActivityLoggedAsync(int engagementId, int poolId, string advisorName, Activity activity, CancellationToken ct)
    {
        var municipality = await MunicipalityAsync(engagementId, ct);
        foreach (var to in await CoordinatorsAsync(poolId, ct))
            await mailer.SendAsync(ActivityLogged, to.To,
                new ActivityLoggedMail.Model(engagementId, municipality, advisorName, activity.Date, activity.Kind, activity.HalfDays));
    }

    /// <summary>Sends the coordinator's question about one activity to the advisor who logged it.</summary>
    public async Task ActivityReturnedAsync(Activity activity, string question, CancellationToken ct)
    {
        var municipality = await MunicipalityAsync(activity.EngagementId, ct);
        foreach (var to in (await AdvisorsAsync(activity.EngagementId, ct)).Where(a => a.AdvisorId == activity.AdvisorId))
            await mailer.SendAsync(ActivityReturned, to.To,
                new ActivityReturnedMail.Model(activity.EngagementId, activity.Id, to.Name, municipality, activity.Date, question));
    }

    public async Task CommentedAsync(int engagementId, string authorName, string comment, CancellationToken ct)
    {
        var municipality = await MunicipalityAsync(engagementId, ct);
        foreach (var to in await AdvisorsAsync(engagementId, ct))
            await mailer.SendAsync(Commented, to.To, new EngagementCommentedMail.Model(engagementId, to.Name, municipality, authorName, comment));
    }

    /// <summary>Asks the municipality contact for feedback once an advisor has started the closing step.</summary>
    public async Task FeedbackRequestedAsync(int engagementId, CancellationToken ct)
    {
        if (await ContactAsync(engagementId, ct) is not { } to) return;
        var municipality = await MunicipalityAsync(engagementId, ct);
        await mailer.SendAsync(FeedbackRequested, to.To, new FeedbackRequestedMail.Model(engagementId, to.Name, municipality, to.HasAccount));
    }

    /// <summary>Everyone involved hears of the closing, except an address that was just told otherwise (the request's completion).</summary>
    public async Task ClosedAsync(int engagementId, string? alreadyTold, CancellationToken ct)
    {
        var municipality = await MunicipalityAsync(engagementId, ct);
        var recipients = await AdvisorsAsync(engagementId, ct);
        if (await ContactAsync(engagementId, ct) is { } contact && !string.Equals(contact.Email, alreadyTold, StringComparison.OrdinalIgnoreCase))
            recipients.Add(contact);
        foreach (var to in recipients.DistinctBy(r => r.Email.ToLowerInvariant()))
            await mailer.SendAsync(Closed, to.To, new EngagementClosedMail.Model(engagementId, to.Name, municipality, to.HasAccount));
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
                await mailer.SendAsync(QuotaChanged, to.To, new QuotaChangedMail.Model(engagementId, to.Name, municipality, balance.Year,
                    balance.QuotaHalfDays, balance.RemainingHalfDays));
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
                a.Id, a.Email, a.FirstName, a.LastName,
                User = db.Users.Where(u => u.Id == a.UserId).Select(u => new { u.Email, u.Culture }).FirstOrDefault(),
            })
            .Select(a => new Recipient(a.User != null && a.User.Email != null ? a.User.Email : a.Email, a.FirstName + " " + a.LastName,
                a.User != null ? a.User.Culture : null, a.User != null, a.Id))
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
}

public sealed class ActivityLoggedMail : MailTemplate<ActivityLoggedMail.Model>
{
    public sealed record Model(int EngagementId, string Municipality, string AdvisorName, DateOnly Date, ActivityKind Kind, int HalfDays);

    public override string Id => "engagements.activity-logged";
    public override Type Texts => typeof(EngagementMails);
    public override string Feature => "Begleitungen";
    public override string Name => "Aktivität freizugeben";
    public override string Audience => "Die Koordinator*innen des Pools (ohne Koordinator*in: die Kontaktadresse des Pools), sobald ein*e Berater*in eine Aktivität einträgt.";
    public override Model Sample => new(7, "Köln", "Amina Tesfaye", new DateOnly(2026, 3, 12), ActivityKind.Workshop, 2);

    public override MailContent Build(Model m, MailContext text) => new(
        text["Aktivität freizugeben: {0}", m.Municipality].Value,
        Lines(
            text["{0} hat in der Begleitung {1} eine Aktivität eingetragen:", m.AdvisorName, m.Municipality],
            $"{MailContext.Date(m.Date)} · {new EngagementNames(text.For<EngagementNames>())[m.Kind]} · {DayText(text, m.HalfDays)}",
            "",
            text["Bitte prüfen Sie die Aktivität und geben Sie sie frei:"],
            text.Site("/manage/engagements"),
            "",
            text["Zur Begleitung:"],
            text.Site($"/engagements/{m.EngagementId}#activities")));

    private static string DayText(MailContext text, int halfDays) => halfDays == 2 ? text["1 Tag"] : text["{0} Tage", Days.Number(halfDays)];
}

public sealed class ActivityReturnedMail : MailTemplate<ActivityReturnedMail.Model>
{
    public sealed record Model(int EngagementId, int ActivityId, string AdvisorName, string Municipality, DateOnly Date, string Question);

    public override string Id => "engagements.activity-returned";
    public override Type Texts => typeof(EngagementMails);
    public override string Feature => "Begleitungen";
    public override string Name => "Rückfrage zu einer Aktivität";
    public override string Audience => "Die Berater*in, die eine Aktivität eingetragen hat, wenn die Koordinierung sie mit einer Rückfrage zurückgibt statt sie freizugeben.";
    public override Model Sample => new(7, 31, "Amina Tesfaye", "Köln", new DateOnly(2026, 3, 12), "Waren es wirklich zwei Tage? Im Protokoll steht nur der Vormittag.");

    public override MailContent Build(Model m, MailContext text) => new(
        text["Rückfrage zu Ihrer Aktivität am {0} ({1})", MailContext.Date(m.Date), m.Municipality].Value,
        Lines(
            text["Guten Tag {0},", m.AdvisorName],
            "",
            text["die Koordinierungsstelle hat Ihre Aktivität vom {0} in der Begleitung {1} noch nicht freigegeben und fragt:", MailContext.Date(m.Date), m.Municipality],
            "",
            m.Question,
            "",
            text["Bitte ergänzen oder korrigieren Sie die Aktivität hier; danach wartet sie wieder auf Freigabe:"],
            text.Site($"/engagements/{m.EngagementId}/activities/{m.ActivityId}")));
}

public sealed class EngagementCommentedMail : MailTemplate<EngagementCommentedMail.Model>
{
    public sealed record Model(int EngagementId, string AdvisorName, string Municipality, string AuthorName, string Comment);

    public override string Id => "engagements.commented";
    public override Type Texts => typeof(EngagementMails);
    public override string Feature => "Begleitungen";
    public override string Name => "Neuer Kommentar der Kommune";
    public override string Audience => "Die Berater*innen der Begleitung, wenn die Kontaktperson der Kommune im Protokoll kommentiert.";
    public override Model Sample => new(7, "Amina Tesfaye", "Köln", "Maria Schmidt", "Können wir den Workshop auf Donnerstag verschieben?");

    public override MailContent Build(Model m, MailContext text) => new(
        text["Neuer Kommentar der Kommune {0}", m.Municipality].Value,
        Lines(
            text["Guten Tag {0},", m.AdvisorName],
            "",
            text["{0} hat die Begleitung {1} kommentiert:", m.AuthorName, m.Municipality],
            "",
            m.Comment,
            "",
            text["Zur Begleitung:"],
            text.Site($"/engagements/{m.EngagementId}#comments")));
}

public sealed class FeedbackRequestedMail : MailTemplate<FeedbackRequestedMail.Model>
{
    public sealed record Model(int EngagementId, string ContactName, string Municipality, bool HasAccount);

    public override string Id => "engagements.feedback-requested";
    public override Type Texts => typeof(EngagementMails);
    public override string Feature => "Begleitungen";
    public override string Name => "Bitte um Rückmeldung";
    public override string Audience => "Die Kontaktperson der Kommune, sobald die erste Berater*in ihre Reflexion speichert und damit den Abschluss beginnt (einmal je Begleitung).";
    public override Model Sample => new(7, "Maria Schmidt", "Köln", true);

    public override MailContent Build(Model m, MailContext text) => new(
        text["Ihre Rückmeldung zur Begleitung {0}", m.Municipality].Value,
        Lines(
            text["Guten Tag {0},", m.ContactName],
            "",
            text["die Begleitung Ihrer Kommune geht zu Ende. Wie war sie für Sie? Bitte geben Sie uns eine kurze Rückmeldung mit einer Bewertung von 1 bis 5 – sie hilft den Berater*innen und der Koordinierungsstelle."],
            "",
            m.HasAccount
                ? text["Die Rückmeldung geben Sie hier (nach der Anmeldung):"].Value
                : text["Die Rückmeldung geben Sie über Ihren persönlichen Link aus der Bestätigung Ihrer Anfrage."].Value,
            m.HasAccount ? text.Site($"/engagements/{m.EngagementId}#closing") : ""));
}

public sealed class EngagementClosedMail : MailTemplate<EngagementClosedMail.Model>
{
    public sealed record Model(int EngagementId, string Name, string Municipality, bool HasAccount);

    public override string Id => "engagements.closed";
    public override Type Texts => typeof(EngagementMails);
    public override string Feature => "Begleitungen";
    public override string Name => "Begleitung abgeschlossen";
    public override string Audience => "Die Berater*innen und die Kontaktperson der Kommune, wenn die Koordinierungsstelle die Begleitung abschließt.";
    public override Model Sample => new(7, "Maria Schmidt", "Köln", true);

    public override MailContent Build(Model m, MailContext text) => new(
        text["Begleitung {0} abgeschlossen", m.Municipality].Value,
        Lines(
            text["Guten Tag {0},", m.Name],
            "",
            text["die Koordinierungsstelle hat die Begleitung {0} abgeschlossen. Vielen Dank für die Zusammenarbeit!", m.Municipality],
            text["Das Protokoll mit Aktivitäten, Handlungsoptionen und Erkenntnissen bleibt lesbar:"],
            m.HasAccount ? text.Site($"/engagements/{m.EngagementId}") : text["über Ihren persönlichen Link aus der Bestätigung Ihrer Anfrage"].Value));
}

public sealed class QuotaChangedMail : MailTemplate<QuotaChangedMail.Model>
{
    public sealed record Model(int EngagementId, string AdvisorName, string Municipality, int Year, int QuotaHalfDays, int RemainingHalfDays);

    public override string Id => "engagements.quota-changed";
    public override Type Texts => typeof(EngagementMails);
    public override string Feature => "Begleitungen";
    public override string Name => "Neues Kontingent";
    public override string Audience => "Die Berater*innen der offenen Begleitungen einer Kommune, wenn die Koordinierungsstelle deren Kontingent an Beratungstagen ändert.";
    public override Model Sample => new(7, "Amina Tesfaye", "Köln", 2026, 24, 9);

    public override MailContent Build(Model m, MailContext text) => new(
        text["Neues Kontingent für {0} ({1})", m.Municipality, m.Year].Value,
        Lines(
            text["Guten Tag {0},", m.AdvisorName],
            "",
            text["die Koordinierungsstelle hat das Kontingent von {0} für {1} auf {2} Tage gesetzt; {3} Tage sind übrig.", m.Municipality, m.Year,
                Days.Number(m.QuotaHalfDays), Days.Number(m.RemainingHalfDays)],
            "",
            text["Zur Begleitung:"],
            text.Site($"/engagements/{m.EngagementId}")));
}
