namespace Beraterpool.Web.Features.Requests;

/// <summary>
/// The allowed moves of a consultation request. Submitted → intake → matching → in progress → completed is the
/// main line; needs-information pauses it, declined and withdrawn end it. Pure, so it is tested directly.
/// </summary>
public static class RequestWorkflow
{
    private static readonly Dictionary<RequestStatus, RequestStatus[]> Moves = new()
    {
        [RequestStatus.Submitted] = [RequestStatus.Intake, RequestStatus.NeedsInformation, RequestStatus.Declined, RequestStatus.Withdrawn],
        [RequestStatus.Intake] = [RequestStatus.NeedsInformation, RequestStatus.Matching, RequestStatus.Declined, RequestStatus.Withdrawn],
        [RequestStatus.NeedsInformation] = [RequestStatus.Intake, RequestStatus.Matching, RequestStatus.Declined, RequestStatus.Withdrawn],
        // Back to intake when no advisor fits; in progress once an advisor accepts (the matching step does that).
        [RequestStatus.Matching] = [RequestStatus.Intake, RequestStatus.InProgress, RequestStatus.Declined, RequestStatus.Withdrawn],
        [RequestStatus.InProgress] = [RequestStatus.Completed],
        [RequestStatus.Completed] = [],
        [RequestStatus.Declined] = [],
        [RequestStatus.Withdrawn] = [],
    };

    public static bool CanMove(RequestStatus from, RequestStatus to) =>
        Moves.TryGetValue(from, out var targets) && targets.Contains(to);

    public static IReadOnlyList<RequestStatus> Next(RequestStatus from) =>
        Moves.TryGetValue(from, out var targets) ? targets : [];

    /// <summary>Still waiting for the office: shown in the coordinator's queue and counted as open.</summary>
    public static bool IsOpen(RequestStatus status) => status is RequestStatus.Submitted or RequestStatus.Intake
        or RequestStatus.NeedsInformation or RequestStatus.Matching;

    public static readonly RequestStatus[] OpenStatuses =
        [RequestStatus.Submitted, RequestStatus.Intake, RequestStatus.NeedsInformation, RequestStatus.Matching];

    /// <summary>Ended: nothing more happens to the request.</summary>
    public static bool IsFinal(RequestStatus status) => Next(status).Count == 0;

    /// <summary>The contact may withdraw while nobody has started to work with the municipality.</summary>
    public static bool CanWithdraw(RequestStatus status) => CanMove(status, RequestStatus.Withdrawn);

    /// <summary>Reasons are required where the municipality must learn why.</summary>
    public static bool NeedsReason(RequestStatus to) => to is RequestStatus.NeedsInformation or RequestStatus.Declined;
}
