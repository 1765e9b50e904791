using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Stakeholders;

/// <summary>The names of kinds in the reader's language.</summary>
public sealed class StakeholderTexts(IStringLocalizer text)
{
    public string Kind(OrganisationKind kind) => (kind switch
    {
        OrganisationKind.StateAgency => text["Landesbehörde oder Landesstelle"],
        OrganisationKind.Ministry => text["Ministerium"],
        OrganisationKind.MunicipalAssociation => text["Kommunaler Spitzenverband"],
        OrganisationKind.Network => text["Netzwerk"],
        OrganisationKind.MigrantOrganisation => text["Migrant*innenorganisation"],
        OrganisationKind.Church => text["Kirche"],
        OrganisationKind.Foundation => text["Stiftung"],
        OrganisationKind.VolunteerAgency => text["Freiwilligenagentur"],
        OrganisationKind.MunicipalityUnit => text["Stelle einer Kommune"],
        _ => text["Sonstige Organisation"],
    }).Value;

    public string Kind(TimelineKind kind) => (kind switch
    {
        TimelineKind.Meeting => text["Treffen"],
        TimelineKind.Call => text["Telefonat"],
        TimelineKind.Email => text["E-Mail"],
        TimelineKind.EventAttendance => text["Teilnahme an einer Veranstaltung"],
        TimelineKind.Presentation => text["Vortrag"],
        TimelineKind.EventOutcome => text["Ergebnis einer Veranstaltung"],
        _ => text["Interview"],
    }).Value;

    public string Outcome(Events.EventOutcomeKind kind) => Events.EventTexts.OutcomeText(text, kind);
}
