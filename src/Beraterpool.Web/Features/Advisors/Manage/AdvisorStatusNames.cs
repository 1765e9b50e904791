using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Advisors.Manage;

/// <summary>The German (and translated) labels of <see cref="AdvisorStatus"/>, for views: <c>@inject AdvisorStatusNames StatusNames</c>.</summary>
public sealed class AdvisorStatusNames(IStringLocalizer<AdvisorStatusNames> text)
{
    public static readonly AdvisorStatus[] All = [AdvisorStatus.Applicant, AdvisorStatus.InQualification, AdvisorStatus.Active, AdvisorStatus.Paused, AdvisorStatus.Alumni];

    public string this[AdvisorStatus status] => status switch
    {
        AdvisorStatus.Applicant => text["Bewerber*in"],
        AdvisorStatus.InQualification => text["in Qualifizierung"],
        AdvisorStatus.Active => text["aktiv"],
        AdvisorStatus.Paused => text["pausiert"],
        AdvisorStatus.Alumni => text["Alumni"],
        _ => status.ToString(),
    };

    public static string BadgeClass(AdvisorStatus status) => status switch
    {
        AdvisorStatus.Active => "kern-badge kern-badge--success",
        AdvisorStatus.Paused => "kern-badge kern-badge--warning",
        AdvisorStatus.Alumni => "kern-badge",
        _ => "kern-badge kern-badge--info",
    };
}
