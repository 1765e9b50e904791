using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Matching;

/// <summary>How much each criterion counts when ranking advisors for a request; a pool setting (0–10 each).</summary>
[Owned]
public sealed class MatchingWeights
{
    public int Topics { get; set; } = 5;
    public int Languages { get; set; } = 3;
    public int Distance { get; set; } = 2;
    public int Availability { get; set; } = 3;
    public int Workload { get; set; } = 2;
    /// <summary>Beyond this distance the distance criterion scores zero.</summary>
    public int MaxDistanceKm { get; set; } = 200;
    /// <summary>Travel cost rate per km for fee statements, EUR.</summary>
    public decimal KmRate { get; set; } = 0.30m;
}
