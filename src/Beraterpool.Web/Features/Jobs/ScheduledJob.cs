namespace Beraterpool.Web.Features.Jobs;

/// <summary>
/// A job the app runs by itself, once per <see cref="Period"/> across all instances. Register it with
/// <c>services.AddScheduledJob&lt;T&gt;()</c>; the scheduler and the lease do the rest.
/// </summary>
public interface IScheduledJob
{
    /// <summary>Stable name, the key of its lease row, e.g. "retention".</summary>
    string Name { get; }
    TimeSpan Period { get; }
    /// <summary>Longer than any run: another instance takes over only after it has passed (a crashed holder).</summary>
    TimeSpan LeaseDuration { get; }
    /// <summary>Runs in its own service scope; <paramref name="run"/> says which instance and who started it.</summary>
    Task RunAsync(IServiceProvider services, JobRun run, CancellationToken ct);
}

/// <summary>One run: the instance that holds the lease, when it started, and the administrator who asked (null = the schedule).</summary>
public sealed record JobRun(string Instance, DateTimeOffset StartedAt, string? RequestedByUserId);

public enum JobOutcome { Ran, NotDue, HeldElsewhere, Failed }
