using Beraterpool.Web.Features.Advisors;
using Beraterpool.Web.Features.Engagements;

namespace Beraterpool.Web.Features.Matching;

/// <summary>What the scorer needs to know about a request. The period is already resolved (see <see cref="Period"/>).</summary>
public sealed record MatchRequest(
    IReadOnlyList<int> TopicIds,
    IReadOnlyList<string> LanguageCodes,
    double? Latitude,
    double? Longitude,
    DateOnly From,
    DateOnly To,
    string MunicipalityKey,
    string DistrictKey,
    bool Online = false)
{
    /// <summary>Without a preferred period the next three months count; an open end runs three months from its start.</summary>
    public static (DateOnly From, DateOnly To) Period(DateOnly? from, DateOnly? to, DateOnly today)
    {
        var start = from ?? (to is { } end && end < today ? end.AddMonths(-3) : today);
        var stop = to ?? start.AddMonths(3);
        return stop < start ? (stop, start) : (start, stop);
    }
}

public readonly record struct CandidateLanguage(string Code, LanguageLevel Level);

public readonly record struct CandidatePeriod(DateOnly From, DateOnly To);

/// <summary>What the scorer needs to know about one advisor of the pool.</summary>
public sealed class MatchCandidate
{
    public required int Id { get; init; }
    public required string FirstName { get; init; }
    public required string LastName { get; init; }
    public string Slug { get; init; } = "";
    public AdvisorStatus Status { get; init; } = AdvisorStatus.Active;
    public int[] TopicIds { get; set; } = [];
    public CandidateLanguage[] Languages { get; set; } = [];
    public string? CityName { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    /// <summary>Sorted by start.</summary>
    public CandidatePeriod[] BlockedPeriods { get; set; } = [];
    public int? DaysPerMonth { get; init; }
    /// <summary>Half days logged in activities this calendar year (approved or not).</summary>
    public int HalfDaysThisYear { get; set; }
    public int OpenEngagements { get; set; }
    public string? EmployerKey { get; init; }
    /// <summary>This advisor's answer to an earlier proposal for the same request, if any.</summary>
    public InvitationStatus? Invitation { get; set; }
    public string? InvitationReason { get; set; }

    public string FullName => $"{FirstName} {LastName}";
}

public enum MatchCriterion { Topics, Languages, Distance, Availability, Workload }

/// <summary>One criterion's result: a share (0–1) of its weight × 10 points, with the raw facts behind it.</summary>
public abstract record CriterionExplanation(MatchCriterion Criterion, double Fraction, int Weight)
{
    public double Points => Fraction * Weight * MatchScorer.PointsPerWeight;
    public int MaxPoints => Weight * MatchScorer.PointsPerWeight;
}

/// <summary>Covered = requested topics the advisor (or tandem) covers; no requested topics counts as full.</summary>
public sealed record TopicsExplanation(double Fraction, int Weight, int[] Covered, int Requested)
    : CriterionExplanation(MatchCriterion.Topics, Fraction, Weight);

/// <summary>Shared = requested languages spoken (with the best level); GermanAssumed when the request names no language.</summary>
public sealed record LanguagesExplanation(double Fraction, int Weight, CandidateLanguage[] Shared, int Requested, bool GermanAssumed)
    : CriterionExplanation(MatchCriterion.Languages, Fraction, Weight);

/// <summary>DistanceKm null = a coordinate is missing; Online = the format makes distance irrelevant.</summary>
public sealed record DistanceExplanation(double Fraction, int Weight, double? DistanceKm, int MaxDistanceKm, bool Online)
    : CriterionExplanation(MatchCriterion.Distance, Fraction, Weight);

public sealed record AvailabilityExplanation(double Fraction, int Weight, int BlockedDays, int PeriodDays, int? DaysPerMonth)
    : CriterionExplanation(MatchCriterion.Availability, Fraction, Weight);

public sealed record WorkloadExplanation(double Fraction, int Weight, int HalfDaysThisYear, int OpenEngagements)
    : CriterionExplanation(MatchCriterion.Workload, Fraction, Weight);

public sealed record MatchSuggestion(MatchCandidate Advisor, double Score, IReadOnlyList<CriterionExplanation> Criteria);

/// <summary>A pair whose joint topic/language coverage beats either partner alone; *Adds = what only that partner brings.</summary>
public sealed record TandemSuggestion(
    MatchCandidate First, MatchCandidate Second, double Score, IReadOnlyList<CriterionExplanation> Criteria,
    int[] FirstAddsTopics, string[] FirstAddsLanguages, int[] SecondAddsTopics, string[] SecondAddsLanguages);

public enum ExclusionReason { NotActive, Conflict, AlreadyProposed, Accepted, Declined }

public sealed record Exclusion(MatchCandidate Advisor, ExclusionReason Reason);

public sealed record MatchResult(
    IReadOnlyList<MatchSuggestion> Singles,
    IReadOnlyList<TandemSuggestion> Tandems,
    IReadOnlyList<Exclusion> Excluded,
    int ExcludedTotal,
    int Considered,
    int MaxScore);
