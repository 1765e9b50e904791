using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Requests;

/// <summary>Request statuses and formats in words, for views and e-mails: <c>@inject RequestTexts Texts</c>.</summary>
public sealed class RequestTexts(IStringLocalizer<RequestTexts> text)
{
    public static readonly RequestStatus[] AllStatuses =
    [
        RequestStatus.Submitted, RequestStatus.Intake, RequestStatus.NeedsInformation, RequestStatus.Matching,
        RequestStatus.InProgress, RequestStatus.Completed, RequestStatus.Declined, RequestStatus.Withdrawn,
    ];

    public string Status(RequestStatus status) => status switch
    {
        RequestStatus.Submitted => text["Eingegangen"],
        RequestStatus.Intake => text["Im Erstgespräch"],
        RequestStatus.NeedsInformation => text["Rückfrage an die Kommune"],
        RequestStatus.Matching => text["Suche nach Berater*innen"],
        RequestStatus.InProgress => text["In Begleitung"],
        RequestStatus.Completed => text["Abgeschlossen"],
        RequestStatus.Declined => text["Abgelehnt"],
        RequestStatus.Withdrawn => text["Zurückgezogen"],
        _ => status.ToString(),
    };

    /// <summary>One sentence for the municipality: where the request stands and what comes next.</summary>
    public string Explanation(RequestStatus status) => status switch
    {
        RequestStatus.Submitted => text["Ihre Anfrage ist eingegangen. Die Koordinierungsstelle meldet sich in der Regel innerhalb von zehn Arbeitstagen, um ein Erstgespräch zu vereinbaren."],
        RequestStatus.Intake => text["Die Koordinierungsstelle klärt mit Ihnen im Erstgespräch Ziel, Bedarf und Rahmen der Begleitung."],
        RequestStatus.NeedsInformation => text["Die Koordinierungsstelle braucht weitere Angaben von Ihnen. Bitte antworten Sie auf die E-Mail der Koordinierungsstelle."],
        RequestStatus.Matching => text["Die Koordinierungsstelle sucht passende Berater*innen und fragt sie an. Sie erfahren per E-Mail, wer Sie begleitet."],
        RequestStatus.InProgress => text["Die Begleitung läuft. Hier finden Sie den Einsatz und Ihre verbleibenden Beratungstage."],
        RequestStatus.Completed => text["Die Begleitung ist abgeschlossen. Vielen Dank für die Zusammenarbeit."],
        RequestStatus.Declined => text["Die Koordinierungsstelle kann diese Anfrage leider nicht annehmen. Den Grund finden Sie unten."],
        RequestStatus.Withdrawn => text["Sie haben die Anfrage zurückgezogen."],
        _ => "",
    };

    public static string BadgeClass(RequestStatus status) => status switch
    {
        RequestStatus.Submitted => "kern-badge kern-badge--info",
        RequestStatus.NeedsInformation => "kern-badge kern-badge--warning",
        RequestStatus.InProgress or RequestStatus.Completed => "kern-badge kern-badge--success",
        RequestStatus.Declined or RequestStatus.Withdrawn => "kern-badge",
        _ => "kern-badge kern-badge--info",
    };

    public string Format(ConsultationFormat format) => format switch
    {
        ConsultationFormat.OnSite => text["Vor Ort"],
        ConsultationFormat.Online => text["Online"],
        ConsultationFormat.Mixed => text["Gemischt (vor Ort und online)"],
        _ => format.ToString(),
    };

    /// <summary>Half days as days in de-DE style: 7 → "3,5".</summary>
    public static string Days(int halfDays) =>
        (halfDays / 2m).ToString(halfDays % 2 == 0 ? "0" : "0.0", System.Globalization.CultureInfo.CurrentCulture);
}
