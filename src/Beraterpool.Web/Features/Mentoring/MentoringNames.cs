using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Mentoring;

/// <summary>Statuses and the moves to them in words, for views: <c>@inject MentoringNames Names</c>.</summary>
public sealed class MentoringNames(IStringLocalizer<MentoringNames> text)
{
    public string this[MentorshipStatus status] => (status switch
    {
        MentorshipStatus.Proposed => text["geplant"],
        MentorshipStatus.Active => text["läuft"],
        MentorshipStatus.Completed => text["abgeschlossen"],
        MentorshipStatus.EndedEarly => text["vorzeitig beendet"],
        _ => text["unbekannt"],
    }).Value;

    /// <summary>The button that moves a pair to <paramref name="to"/>.</summary>
    public string Move(MentorshipStatus to) => (to switch
    {
        MentorshipStatus.Active => text["Mentoring beginnen"],
        MentorshipStatus.Completed => text["Als abgeschlossen eintragen"],
        MentorshipStatus.EndedEarly => text["Vorzeitig beenden"],
        _ => text["Status ändern"],
    }).Value;

    public static string BadgeClass(MentorshipStatus status) => status switch
    {
        MentorshipStatus.Active => "kern-badge kern-badge--success",
        MentorshipStatus.Proposed => "kern-badge kern-badge--info",
        MentorshipStatus.EndedEarly => "kern-badge kern-badge--warning",
        _ => "kern-badge",
    };
}
