namespace Beraterpool.Web.Features.Mentoring;

/// <summary>
/// The moves of a mentoring pair: proposed → active → completed is the main line; a pair can end early from either
/// of the first two (the mentor or the advisor steps back). Completed and ended early are final. Pure, tested directly;
/// applied by <see cref="Mentorships.MoveAsync"/> with a conditional update.
/// </summary>
public static class MentorshipWorkflow
{
    private static readonly Dictionary<MentorshipStatus, MentorshipStatus[]> Moves = new()
    {
        [MentorshipStatus.Proposed] = [MentorshipStatus.Active, MentorshipStatus.EndedEarly],
        [MentorshipStatus.Active] = [MentorshipStatus.Completed, MentorshipStatus.EndedEarly],
        [MentorshipStatus.Completed] = [],
        [MentorshipStatus.EndedEarly] = [],
    };

    public static bool CanMove(MentorshipStatus from, MentorshipStatus to) =>
        Moves.TryGetValue(from, out var targets) && targets.Contains(to);

    public static IReadOnlyList<MentorshipStatus> Next(MentorshipStatus from) =>
        Moves.TryGetValue(from, out var targets) ? targets : [];

    public static bool IsFinal(MentorshipStatus status) => Next(status).Count == 0;

    /// <summary>Meetings are logged while the pair runs (a proposed pair may already have met to get to know each other).</summary>
    public static bool TakesMeetings(MentorshipStatus status) => status is MentorshipStatus.Proposed or MentorshipStatus.Active;
}
