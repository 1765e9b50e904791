using System.Globalization;
using Beraterpool.Web.Features.Email;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Shared;

namespace Beraterpool.Web.Features.Events;

/// <summary>What every event mail knows: the person, the event and the personal link's secret.</summary>
public sealed record EventMailModel(string Name, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Place, string? OnlineUrl,
    string PoolName, string Token, DateTimeOffset? OfferExpiresAt = null);

/// <summary>The mails of a registration; the confirmation and the reminder carry the event as an .ics file.</summary>
public sealed class EventMails(Mailer mailer, PoolCatalog pools, PublicLinks links, TimeProvider time)
{
    public static readonly RegisteredMail Registered = new();
    public static readonly WaitingMail Waiting = new();
    public static readonly OfferedMail Offered = new();
    public static readonly CancelledMail Cancelled = new();
    public static readonly ReminderMail Reminder = new();
    public static readonly MailTemplate[] Templates = [Registered, Waiting, Offered, Cancelled, Reminder];

    public async Task SendAsync(MailTemplate<EventMailModel> template, Event e, EventRegistration r, string token, CancellationToken ct)
    {
        var pool = await pools.FindAsync(e.PoolId, ct);
        var attachment = template is RegisteredMail or ReminderMail
            ? new EmailAttachment("veranstaltung.ics", EventCalendar.ContentType + "; method=PUBLISH",
                EventCalendar.Write([Calendar(e, e.IsPublic ? links.Pool(pool) + $"/events/{e.Id}" : null)], e.Title, time.GetUtcNow()))
            : null;
        await mailer.SendAsync(template, new MailRecipient(r.Email, r.Name, r.Culture),
            new EventMailModel(r.Name, e.Title, e.StartsAt, e.EndsAt, e.Place, e.OnlineUrl, pool?.Name ?? "", token, r.OfferExpiresAt), pool, attachment: attachment);
    }

    public static CalendarItem Calendar(Event e, string? url) =>
        new(e.CalendarUid, e.CalendarSequence, e.Title, e.StartsAt, e.EndsAt, e.Place, e.OnlineUrl, e.Description, url, e.IsCancelled);

    public static string Link(MailContext mail, string token) => mail.Pool($"/events/registration/{token}");

    /// <summary>"Samstag, 24. Oktober 2026, 10:00–12:00 Uhr" in the reader's language, German local time.</summary>
    public static string When(DateTimeOffset starts, DateTimeOffset ends)
    {
        var (s, e) = (ProgrammeTime.ToLocal(starts), ProgrammeTime.ToLocal(ends));
        var culture = CultureInfo.CurrentCulture;
        var day = s.ToString("dddd, d. MMMM yyyy", culture);
        return s.Date == e.Date
            ? $"{day}, {s:HH:mm}–{e:HH:mm}"
            : $"{day}, {s:HH:mm} – {e.ToString("dddd, d. MMMM yyyy", culture)}, {e:HH:mm}";
    }

    internal static string Where(EventMailModel m, MailContext text) =>
        m.Place is not null ? m.Place : m.OnlineUrl is not null ? text["Online: {0}", m.OnlineUrl].Value : "";

    internal static readonly EventMailModel Sample = new("Maria Schmidt", "Dialogforum Fairer Handel in Köln",
        new DateTimeOffset(2026, 10, 25, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 10, 25, 12, 0, 0, TimeSpan.Zero),
        "Rathaus Köln, Rathausplatz 2, 50667 Köln", null, "MiGlobe NRW", "BEISPIEL", new DateTimeOffset(2026, 10, 20, 10, 0, 0, TimeSpan.Zero));
}

public abstract class EventMail : MailTemplate<EventMailModel>
{
    public override Type Texts => typeof(EventMails);
    public override string Feature => "Veranstaltungen";
    public override EventMailModel Sample => EventMails.Sample;

    protected static string Closing(MailContext text, EventMailModel m) => Lines(
        "",
        text["Mit freundlichen Grüßen"],
        text["Ihre Koordinierungsstelle {0}", m.PoolName]);
}

public sealed class RegisteredMail : EventMail
{
    public override string Id => "events.registered";
    public override string Name => "Anmeldung bestätigt";
    public override string Audience => "Wer sich zu einer Veranstaltung angemeldet hat und einen Platz hat (auch nach der Warteliste); mit dem Termin als Kalenderdatei.";

    public override MailContent Build(EventMailModel m, MailContext text) => new(
        text["Anmeldung bestätigt: {0}", m.Title].Value,
        Lines(
            text["Guten Tag {0},", m.Name],
            "",
            text["Sie sind zur Veranstaltung „{0}“ angemeldet.", m.Title],
            "",
            text["Wann: {0}", EventMails.When(m.StartsAt, m.EndsAt)],
            text["Wo: {0}", EventMails.Where(m, text)],
            "",
            text["Den Termin für Ihren Kalender finden Sie im Anhang."],
            text["Falls Sie nicht kommen können, sagen Sie bitte über Ihren persönlichen Link ab, damit jemand von der Warteliste Ihren Platz bekommt:"],
            EventMails.Link(text, m.Token),
            Closing(text, m)));
}

public sealed class WaitingMail : EventMail
{
    public override string Id => "events.waiting";
    public override string Name => "Auf der Warteliste";
    public override string Audience => "Wer sich zu einer ausgebuchten Veranstaltung auf die Warteliste gesetzt hat.";

    public override MailContent Build(EventMailModel m, MailContext text) => new(
        text["Warteliste: {0}", m.Title].Value,
        Lines(
            text["Guten Tag {0},", m.Name],
            "",
            text["die Veranstaltung „{0}“ ist ausgebucht. Sie stehen auf der Warteliste.", m.Title],
            text["Wann: {0}", EventMails.When(m.StartsAt, m.EndsAt)],
            "",
            text["Wird ein Platz frei, bekommen Sie ihn per E-Mail angeboten, in der Reihenfolge der Anmeldungen. Über Ihren persönlichen Link sehen Sie den Stand oder nehmen sich von der Liste:"],
            EventMails.Link(text, m.Token),
            Closing(text, m)));
}

public sealed class OfferedMail : EventMail
{
    public override string Id => "events.offered";
    public override string Name => "Platz frei geworden";
    public override string Audience => "Die erste Person auf der Warteliste, wenn ein Platz frei wird; sie kann ihn bis zur genannten Frist annehmen, danach geht er an die nächste Person.";

    public override MailContent Build(EventMailModel m, MailContext text) => new(
        text["Ein Platz ist frei: {0}", m.Title].Value,
        Lines(
            text["Guten Tag {0},", m.Name],
            "",
            text["bei der Veranstaltung „{0}“ ist ein Platz frei geworden, und Sie sind als Nächste*r auf der Warteliste.", m.Title],
            text["Wann: {0}", EventMails.When(m.StartsAt, m.EndsAt)],
            "",
            text["Bitte nehmen Sie den Platz bis {0} über Ihren persönlichen Link an; danach geht er an die nächste Person:",
                m.OfferExpiresAt is { } at ? ProgrammeTime.ToLocal(at).ToString("g", CultureInfo.CurrentCulture) : ""],
            EventMails.Link(text, m.Token),
            Closing(text, m)));
}

public sealed class CancelledMail : EventMail
{
    public override string Id => "events.cancelled";
    public override string Name => "Anmeldung abgesagt";
    public override string Audience => "Wer seine Anmeldung abgesagt hat oder von der Koordinierungsstelle abgemeldet wurde, oder dessen angebotener Platz verfallen ist.";

    public override MailContent Build(EventMailModel m, MailContext text) => new(
        text["Abgesagt: {0}", m.Title].Value,
        Lines(
            text["Guten Tag {0},", m.Name],
            "",
            text["Ihre Anmeldung zur Veranstaltung „{0}“ ({1}) ist abgesagt.", m.Title, EventMails.When(m.StartsAt, m.EndsAt)],
            text["Möchten Sie doch teilnehmen, melden Sie sich bitte neu an, solange Plätze frei sind."],
            Closing(text, m)));
}

public sealed class ReminderMail : EventMail
{
    public override string Id => "events.reminder";
    public override string Name => "Erinnerung an die Veranstaltung";
    public override string Audience => "Alle mit einem Platz, zwei Tage vor der Veranstaltung; mit dem Termin als Kalenderdatei.";

    public override MailContent Build(EventMailModel m, MailContext text) => new(
        text["Erinnerung: {0}", m.Title].Value,
        Lines(
            text["Guten Tag {0},", m.Name],
            "",
            text["wir freuen uns auf Sie bei der Veranstaltung „{0}“.", m.Title],
            text["Wann: {0}", EventMails.When(m.StartsAt, m.EndsAt)],
            text["Wo: {0}", EventMails.Where(m, text)],
            "",
            text["Falls Sie nicht kommen können, sagen Sie bitte über Ihren persönlichen Link ab:"],
            EventMails.Link(text, m.Token),
            Closing(text, m)));
}
