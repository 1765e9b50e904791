using System.Globalization;
using Beraterpool.Web.Features.Email;
using Beraterpool.Web.Features.Shared;

namespace Beraterpool.Web.Features.Applications;

/// <summary>What every application mail knows: the applicant, the call and the personal link's secret.</summary>
public sealed record ApplicationMailModel(string Name, string CallTitle, DateTimeOffset ClosesAt, string PoolName, string Token);

/// <summary>The mails of an application.</summary>
public static class ApplicationMails
{
    public static readonly ReceivedMail Received = new();
    public static readonly MailTemplate[] Templates = [Received];

    public static string Link(MailContext mail, string token) => mail.Pool($"/calls/application/{token}");

    internal static readonly ApplicationMailModel Sample = new("Amina Yilmaz", "Berater*innen für die kommunale Entwicklungspolitik gesucht",
        new DateTimeOffset(2026, 7, 31, 21, 59, 0, TimeSpan.Zero), "MiGlobe NRW", "BEISPIEL");
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
