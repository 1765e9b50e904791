using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Events;

/// <summary>The names of kinds and statuses in the reader's language.</summary>
public sealed class EventTexts(IStringLocalizer text)
{
    public string Kind(EventKind kind) => (kind switch
    {
        EventKind.DialogueForum => text["Dialogforum"],
        EventKind.QualifyingForum => text["Qualifizierendes Dialogforum"],
        EventKind.Presentation => text["Vortrag bei einem Netzwerktreffen"],
        EventKind.InformationEvent => text["Informationsveranstaltung"],
        _ => text["Sonstige Veranstaltung"],
    }).Value;

    public string Status(RegistrationStatus status) => (status switch
    {
        RegistrationStatus.Registered => text["Angemeldet"],
        RegistrationStatus.Waiting => text["Warteliste"],
        RegistrationStatus.Offered => text["Platz angeboten"],
        RegistrationStatus.Cancelled => text["Abgesagt"],
        _ => text["Angebot verfallen"],
    }).Value;

    public string Outcome(EventOutcomeKind kind) => OutcomeText(text, kind);

    /// <summary>Shared with the stakeholder timeline, which shows the outcomes too.</summary>
    public static string OutcomeText(IStringLocalizer text, EventOutcomeKind kind) => (kind switch
    {
        EventOutcomeKind.RequestExpected => text["Anfrage erwartet"],
        EventOutcomeKind.FollowUpMeeting => text["Folgetermin"],
        EventOutcomeKind.ContactMade => text["Kontakt hergestellt"],
        _ => text["Sonstiges Ergebnis"],
    }).Value;

    public string When(DateTimeOffset starts, DateTimeOffset ends) => EventMails.When(starts, ends);
}
