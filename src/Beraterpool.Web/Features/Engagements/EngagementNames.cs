using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Engagements;

/// <summary>Activity kinds, action-option states and sides in words, for views: <c>@inject EngagementNames Names</c>.</summary>
public sealed class EngagementNames(IStringLocalizer<EngagementNames> text)
{
    public static readonly ActivityKind[] Kinds = [ActivityKind.Conversation, ActivityKind.Workshop, ActivityKind.OnSiteVisit, ActivityKind.OnlineMeeting, ActivityKind.Preparation, ActivityKind.FollowUp];
    public static readonly ActionOptionStatus[] OptionStates = [ActionOptionStatus.Proposed, ActionOptionStatus.Agreed, ActionOptionStatus.InImplementation, ActionOptionStatus.Done, ActionOptionStatus.Dropped];

    public string this[ActivityKind kind] => kind switch
    {
        ActivityKind.Conversation => text["Gespräch"],
        ActivityKind.Workshop => text["Workshop"],
        ActivityKind.OnSiteVisit => text["Besuch vor Ort"],
        ActivityKind.OnlineMeeting => text["Online-Treffen"],
        ActivityKind.Preparation => text["Vorbereitung"],
        ActivityKind.FollowUp => text["Nachbereitung"],
        _ => kind.ToString(),
    };

    public string this[ActionOptionStatus status] => status switch
    {
        ActionOptionStatus.Proposed => text["vorgeschlagen"],
        ActionOptionStatus.Agreed => text["vereinbart"],
        ActionOptionStatus.InImplementation => text["in Umsetzung"],
        ActionOptionStatus.Done => text["umgesetzt"],
        ActionOptionStatus.Dropped => text["verworfen"],
        _ => status.ToString(),
    };

    public string this[EngagementStatus status] => status switch
    {
        EngagementStatus.Active => text["laufend"],
        EngagementStatus.Closing => text["im Abschluss"],
        EngagementStatus.Closed => text["abgeschlossen"],
        _ => status.ToString(),
    };

    public string this[EngagementSide side] => side switch
    {
        EngagementSide.Advisor => text["Berater*in"],
        EngagementSide.Municipality => text["Kommune"],
        EngagementSide.Coordinator => text["Koordinierungsstelle"],
        _ => side.ToString(),
    };

    public static readonly ContactChannel[] Channels = [ContactChannel.Email, ContactChannel.Phone, ContactChannel.VideoCall];

    public string this[ContactChannel channel] => channel switch
    {
        ContactChannel.Email => text["E-Mail"],
        ContactChannel.Phone => text["Anruf"],
        ContactChannel.VideoCall => text["Videogespräch"],
        _ => channel.ToString(),
    };

    public static string BadgeClass(EngagementStatus status) => status switch
    {
        EngagementStatus.Active => "kern-badge kern-badge--success",
        EngagementStatus.Closing => "kern-badge kern-badge--warning",
        _ => "kern-badge",
    };
}
