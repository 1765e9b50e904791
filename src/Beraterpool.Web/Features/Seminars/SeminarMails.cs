using Beraterpool.Web.Features.Email;
using Beraterpool.Web.Features.Events;
using Beraterpool.Web.Features.Pools;

namespace Beraterpool.Web.Features.Seminars;

/// <summary>What an invitation knows: the person, the seminar and the personal link's secret.</summary>
public sealed record SeminarMailModel(string Name, string SeriesTitle, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Place,
    string? OnlineUrl, string PoolName, string Token);

/// <summary>The invitation to a seminar, with the seminar as an .ics file (the events' calendar writer).</summary>
public sealed class SeminarMails(Mailer mailer, PoolCatalog pools, TimeProvider time)
{
    public static readonly SeminarInvitationMail Invitation = new();
    public static readonly SeminarTrainerLinkMail TrainerLink = new();
    public static readonly MailTemplate[] Templates = [Invitation, TrainerLink];

    public const string IcsFileName = "seminar.ics";

    public async Task SendInvitationAsync(Seminar seminar, SeminarSeries series, string name, string email, string token, CancellationToken ct)
    {
        var pool = await pools.FindAsync(series.PoolId, ct);
        var attachment = new EmailAttachment(IcsFileName, EventCalendar.ContentType + "; method=PUBLISH",
            EventCalendar.Write([Calendar(seminar, series)], seminar.Title, time.GetUtcNow()));
        await mailer.SendAsync(Invitation, new MailRecipient(email, name, null),
            new SeminarMailModel(name, series.Title, seminar.Title, seminar.StartsAt, seminar.EndsAt, seminar.Place, seminar.OnlineUrl, pool?.Name ?? "", token),
            pool, attachment: attachment);
    }

    public async Task SendTrainerLinkAsync(Seminar seminar, SeminarSeries series, string name, string email, string token, DateTimeOffset expiresAt, CancellationToken ct)
    {
        var pool = await pools.FindAsync(series.PoolId, ct);
        await mailer.SendAsync(TrainerLink, new MailRecipient(email, name, null),
            new TrainerLinkMailModel(name, series.Title, seminar.Title, seminar.StartsAt, seminar.EndsAt, expiresAt, pool?.Name ?? "", token), pool);
    }

    public static CalendarItem Calendar(Seminar s, SeminarSeries series) =>
        new(s.CalendarUid, s.CalendarSequence, $"{series.Title}: {s.Title}", s.StartsAt, s.EndsAt, s.Place, s.OnlineUrl, s.Agenda, null, false);

    public static string Link(MailContext mail, string token) => mail.Pool($"/seminars/rsvp/{token}");

    public static string TrainerPage(MailContext mail, string token) => mail.Pool($"/seminars/trainer/{token}");

    internal static readonly SeminarMailModel Sample = new("Maria Schmidt", "Qualifizierung 2026", "Modul 1: Kennenlernen",
        new DateTimeOffset(2026, 10, 24, 8, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 10, 24, 15, 0, 0, TimeSpan.Zero),
        "Haus der Kirche, Domkloster 3, 50667 Köln", null, "MiGlobe NRW", "BEISPIEL");
}

public sealed class SeminarInvitationMail : MailTemplate<SeminarMailModel>
{
    public override Type Texts => typeof(SeminarMails);
    public override string Feature => "Seminare";
    public override SeminarMailModel Sample => SeminarMails.Sample;
    public override string Id => "seminars.invitation";
    public override string Name => "Einladung zum Seminar";
    public override string Audience => "Die Teilnehmenden einer Seminarreihe, wenn die Koordinierungsstelle zu einem Seminar einlädt; mit dem Termin als Kalenderdatei und dem Link für Zu- oder Absage.";

    public override MailContent Build(SeminarMailModel m, MailContext text) => new(
        text["Einladung: {0}", m.Title].Value,
        Lines(
            text["Guten Tag {0},", m.Name],
            "",
            text["wir laden Sie zum Seminar „{0}“ der Reihe „{1}“ ein.", m.Title, m.SeriesTitle],
            "",
            text["Wann: {0}", EventMails.When(m.StartsAt, m.EndsAt)],
            text["Wo: {0}", m.Place ?? (m.OnlineUrl is not null ? text["Online: {0}", m.OnlineUrl].Value : "")],
            "",
            text["Den Termin für Ihren Kalender finden Sie im Anhang."],
            text["Bitte sagen Sie über Ihren persönlichen Link zu oder ab (angemeldet auch unter „Meine Seminare“):"],
            SeminarMails.Link(text, m.Token),
            "",
            text["Mit freundlichen Grüßen"],
            text["Ihre Koordinierungsstelle {0}", m.PoolName]));
}

/// <summary>What the trainer's mail knows: the seminar, until when the link works, and its secret.</summary>
public sealed record TrainerLinkMailModel(string Name, string SeriesTitle, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    DateTimeOffset ExpiresAt, string PoolName, string Token);

public sealed class SeminarTrainerLinkMail : MailTemplate<TrainerLinkMailModel>
{
    public override Type Texts => typeof(SeminarMails);
    public override string Feature => "Seminare";
    public override TrainerLinkMailModel Sample => new("Dr. Petra Lange", "Qualifizierung 2026", "Modul 1: Kennenlernen",
        SeminarMails.Sample.StartsAt, SeminarMails.Sample.EndsAt, SeminarMails.Sample.EndsAt.AddDays(SeminarProgram.TrainerLinkDays), "MiGlobe NRW", "BEISPIEL");
    public override string Id => "seminars.trainer-link";
    public override string Name => "Link für Trainer*innen";
    public override string Audience => "Die Trainerin oder der Trainer eines Seminars, wenn die Koordinierungsstelle ihr einen Link schickt, mit dem sie ohne Konto die Anwesenheit erfasst und Materialien hochlädt.";

    public override MailContent Build(TrainerLinkMailModel m, MailContext text) => new(
        text["Anwesenheit erfassen: {0}", m.Title].Value,
        Lines(
            text["Guten Tag {0},", m.Name],
            "",
            text["danke, dass Sie das Seminar „{0}“ der Reihe „{1}“ leiten ({2}).", m.Title, m.SeriesTitle, EventMails.When(m.StartsAt, m.EndsAt)],
            text["Über diesen Link tragen Sie die Anwesenheit der Teilnehmenden ein und laden Materialien für sie hoch, ohne Konto:"],
            SeminarMails.TrainerPage(text, m.Token),
            "",
            text["Der Link gilt bis {0}. Bitte geben Sie ihn nicht weiter.", SeminarTexts.Moment(m.ExpiresAt)],
            "",
            text["Mit freundlichen Grüßen"],
            text["Ihre Koordinierungsstelle {0}", m.PoolName]));
}
