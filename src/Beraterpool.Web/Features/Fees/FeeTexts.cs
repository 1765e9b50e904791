using Beraterpool.Web.Features.Shared;
using System.Globalization;
using Beraterpool.Web.Features.Engagements;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Fees;

/// <summary>
/// Names of statuses and activity kinds and the period of a statement, for views (<c>@inject FeeTexts Texts</c>).
/// The German names are also what the PDF and the export print: those documents go to a German accounting office.
/// </summary>
public sealed class FeeTexts(IStringLocalizer<FeeTexts> text)
{
    public static string StatusDe(FeeStatementStatus status) => status switch
    {
        FeeStatementStatus.Draft => "Entwurf",
        FeeStatementStatus.Submitted => "Eingereicht",
        FeeStatementStatus.Approved => "Freigegeben",
        FeeStatementStatus.Paid => "Bezahlt",
        FeeStatementStatus.Returned => "Zurückgegeben",
        _ => status.ToString(),
    };

    public static string KindDe(ActivityKind kind) => kind switch
    {
        ActivityKind.Conversation => "Gespräch",
        ActivityKind.Workshop => "Workshop",
        ActivityKind.OnSiteVisit => "Vor-Ort-Besuch",
        ActivityKind.OnlineMeeting => "Online-Treffen",
        ActivityKind.Preparation => "Vorbereitung",
        ActivityKind.FollowUp => "Nachbereitung",
        _ => kind.ToString(),
    };

    public static string PeriodDe(int year, int month) => new DateOnly(year, month, 1).ToString("MMMM yyyy", Money.German);

    public static readonly FeeStatementStatus[] AllStatuses =
        [FeeStatementStatus.Draft, FeeStatementStatus.Submitted, FeeStatementStatus.Returned, FeeStatementStatus.Approved, FeeStatementStatus.Paid];

    public string Status(FeeStatementStatus status) => text[StatusDe(status)];

    public string Kind(ActivityKind kind) => text[KindDe(kind)];

    /// <summary>"November 2026" in the interface language.</summary>
    public static string Period(int year, int month) => new DateOnly(year, month, 1).ToString("MMMM yyyy", CultureInfo.CurrentCulture);

    public static string BadgeClass(FeeStatementStatus status) => status switch
    {
        FeeStatementStatus.Submitted => "kern-badge kern-badge--info",
        FeeStatementStatus.Approved => "kern-badge kern-badge--success",
        FeeStatementStatus.Paid => "kern-badge kern-badge--success",
        FeeStatementStatus.Returned => "kern-badge kern-badge--warning",
        _ => "kern-badge",
    };
}
