using System.Globalization;
using Beraterpool.Web.Features.Email;
using Beraterpool.Web.Features.Shared;

namespace Beraterpool.Web.Features.Applications;

/// <summary>What every application mail knows: the applicant, the call and the personal link's secret.</summary>
public sealed record ApplicationMailModel(string Name, string CallTitle, DateTimeOffset ClosesAt, string PoolName, string Token);

/// <summary>A decision told to the applicant; <see cref="RetentionMonths"/> for the deletion a declined applicant is told of.</summary>
public sealed record DecisionMailModel(string Name, string CallTitle, string PoolName, int RetentionMonths);

/// <summary>The call a new committee member reviews for.</summary>
public sealed record CommitteeMailModel(string Name, string CallTitle, DateTimeOffset ClosesAt, string PoolName);

/// <summary>The mails of an application.</summary>
public static class ApplicationMails
{
    public static readonly ReceivedMail Received = new();
    public static readonly AcceptedMail Accepted = new();
    public static readonly WaitingListMail WaitingList = new();
    public static readonly DeclinedMail Declined = new();
    public static readonly CommitteeMail Committee = new();
    public static readonly MailTemplate[] Templates = [Received, Accepted, WaitingList, Declined, Committee];

    /// <summary>The template that tells a decision.</summary>
    public static MailTemplate<DecisionMailModel> For(ApplicationStatus decision) => decision switch
    {
        ApplicationStatus.Accepted => Accepted,
        ApplicationStatus.WaitingList => WaitingList,
        _ => Declined,
    };

    public static string Link(MailContext mail, string token) => mail.Pool($"/calls/application/{token}");

    internal static readonly ApplicationMailModel Sample = new("Amina Yilmaz", "Berater*innen für die kommunale Entwicklungspolitik gesucht",
        new DateTimeOffset(2026, 7, 31, 21, 59, 0, TimeSpan.Zero), "MiGlobe NRW", "BEISPIEL");

    internal static readonly DecisionMailModel DecisionSample = new("Amina Yilmaz", Sample.CallTitle, "MiGlobe NRW", 6);
}

public abstract class ApplicationMail : MailTemplate<ApplicationMailModel>
{
    public override Type Texts => typeof(ApplicationMails);
    public override string Feature => "Ausschreibungen";
    public override ApplicationMailModel Sample => ApplicationMails.Sample;

    protected static string Closing(MailContext text, ApplicationMailModel m) => Lines(
        "",
        text["Mit freundlichen Grüßen"],
        text["Ihre Koordinierungsstelle {0}", m.PoolName]);
}

public sealed class ReceivedMail : ApplicationMail
{
    public override string Id => "applications.received";
    public override string Name => "Bewerbung eingegangen";
    public override string Audience => "Wer sich auf eine Ausschreibung beworben hat; mit dem persönlichen Link zur Bewerbung.";

    public override MailContent Build(ApplicationMailModel m, MailContext text) => new(
        text["Bewerbung eingegangen: {0}", m.CallTitle].Value,
        Lines(
            text["Guten Tag {0},", m.Name],
            "",
            text["vielen Dank für Ihre Bewerbung auf die Ausschreibung „{0}“.", m.CallTitle],
            "",
            text["Über Ihren persönlichen Link können Sie Ihre Bewerbung bis zum {0} Uhr lesen und ändern; danach sehen Sie dort, wie über sie entschieden wurde:",
                ProgrammeTime.ToLocal(m.ClosesAt).ToString("g", CultureInfo.CurrentCulture)],
            ApplicationMails.Link(text, m.Token),
            "",
            text["Bitte geben Sie den Link nicht weiter: Wer ihn hat, kann Ihre Bewerbung lesen."],
            Closing(text, m)));
}

/// <summary>A decision mail: the greeting, the decision's own lines, the personal link and the closing.</summary>
public abstract class DecisionMail : MailTemplate<DecisionMailModel>
{
    public override Type Texts => typeof(ApplicationMails);
    public override string Feature => "Ausschreibungen";
    public override DecisionMailModel Sample => ApplicationMails.DecisionSample;

    protected abstract string Body(DecisionMailModel m, MailContext text);

    public override MailContent Build(DecisionMailModel m, MailContext text) => new(
        text["Ihre Bewerbung: {0}", m.CallTitle].Value,
        Lines(
            text["Guten Tag {0},", m.Name],
            "",
            Body(m, text),
            "",
            // The link's secret is kept only as a hash, so the mail points to the confirmation's link instead of repeating it.
            text["Ihre Bewerbung und diese Entscheidung sehen Sie weiterhin über den persönlichen Link aus unserer Eingangsbestätigung."],
            "",
            text["Mit freundlichen Grüßen"],
            text["Ihre Koordinierungsstelle {0}", m.PoolName]));
}

public sealed class AcceptedMail : DecisionMail
{
    public override string Id => "applications.accepted";
    public override string Name => "Bewerbung angenommen";
    public override string Audience => "Wer aufgenommen wird; eine zweite E-Mail lädt zum Konto ein.";

    protected override string Body(DecisionMailModel m, MailContext text) => Lines(
        text["wir freuen uns, Ihnen mitzuteilen: Die Auswahlkommission hat Ihre Bewerbung auf „{0}“ angenommen. Willkommen im Pool!", m.CallTitle],
        "",
        text["Als Nächstes nehmen Sie an den Qualifizierungsseminaren teil. Mit einer zweiten E-Mail laden wir Sie zu Ihrem Konto ein: Dort legen Sie Ihr Passwort fest, ergänzen Ihr Profil und sehen die Termine der Seminare. Ihre Angaben aus der Bewerbung haben wir in Ihr Profil übernommen; was davon öffentlich erscheint, entscheiden Sie selbst."]);
}

public sealed class WaitingListMail : DecisionMail
{
    public override string Id => "applications.waitinglist";
    public override string Name => "Bewerbung auf der Warteliste";
    public override string Audience => "Wer auf die Warteliste kommt.";

    protected override string Body(DecisionMailModel m, MailContext text) => Lines(
        text["vielen Dank für Ihre Bewerbung auf „{0}“. Die Auswahlkommission hat Sie auf die Warteliste gesetzt: Wird ein Platz frei, melden wir uns bei Ihnen.", m.CallTitle]);
}

public sealed class DeclinedMail : DecisionMail
{
    public override string Id => "applications.declined";
    public override string Name => "Bewerbung abgelehnt";
    public override string Audience => "Wer nicht aufgenommen wird; mit der Frist, nach der die Bewerbung gelöscht wird.";

    protected override string Body(DecisionMailModel m, MailContext text) => Lines(
        text["vielen Dank für Ihre Bewerbung auf „{0}“ und Ihr Interesse an unserer Arbeit. Leider können wir Sie diesmal nicht in den Pool aufnehmen: Es gab mehr Bewerbungen als Plätze.", m.CallTitle],
        "",
        text["Ihre Bewerbung löschen wir {0} Monate nach dieser Entscheidung. Wir freuen uns, wenn Sie sich bei einer späteren Ausschreibung wieder bewerben.", m.RetentionMonths]);
}

public sealed class CommitteeMail : MailTemplate<CommitteeMailModel>
{
    public override Type Texts => typeof(ApplicationMails);
    public override string Feature => "Ausschreibungen";
    public override string Id => "applications.committee";
    public override string Name => "In die Auswahlkommission berufen";
    public override string Audience => "Wer Mitglied der Auswahlkommission einer Ausschreibung wird.";
    public override CommitteeMailModel Sample => new("Dr. Petra Schulz", ApplicationMails.Sample.CallTitle, ApplicationMails.Sample.ClosesAt, "MiGlobe NRW");

    public override MailContent Build(CommitteeMailModel m, MailContext text) => new(
        text["Auswahlkommission: {0}", m.CallTitle].Value,
        Lines(
            text["Guten Tag {0},", m.Name],
            "",
            text["Sie sind Mitglied der Auswahlkommission für die Ausschreibung „{0}“. Nach dem Bewerbungsschluss am {1} Uhr finden Sie die Bewerbungen, die Sie begutachten, unter:",
                m.CallTitle, ProgrammeTime.ToLocal(m.ClosesAt).ToString("g", CultureInfo.CurrentCulture)],
            text.Pool("/review"),
            "",
            text["Mit freundlichen Grüßen"],
            text["Ihre Koordinierungsstelle {0}", m.PoolName]));
}
