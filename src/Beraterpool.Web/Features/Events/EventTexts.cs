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

    public string When(DateTimeOffset starts, DateTimeOffset ends) => EventMails.When(starts, ends);
}
