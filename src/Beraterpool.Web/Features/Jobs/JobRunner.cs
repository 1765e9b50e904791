using Beraterpool.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Jobs;

/// <summary>
/// Runs a job when this instance wins its lease. The rule: a job runs at most once per period across all instances.
/// It holds because the lease is taken by one conditional UPDATE — "free (or expired) and due" — and the database lets only
/// one of several concurrent UPDATEs of the row match (PostgreSQL re-checks the condition after the row lock; SQLite
/// serialises writers). The run itself happens outside any transaction; its end releases the lease and stamps the run.
/// </summary>
public sealed class JobRunner(IServiceScopeFactory scopes, JobInstance instance, TimeProvider time, ILogger<JobRunner> log)
{
    /// <summary>
    /// Runs <paramref name="job"/> if it is due (or, with <paramref name="requestedByUserId"/>, whenever nobody else holds it:
    /// an administrator's "run now"). Failures are logged and count as a run, so a broken job does not retry every minute.
    /// </summary>
    public async Task<JobOutcome> TryRunAsync(IScheduledJob job, string? requestedByUserId = null, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        if (!await TryTakeAsync(job, now, force: requestedByUserId is not null, ct))
            return await IsHeldAsync(job.Name, now, ct) ? JobOutcome.HeldElsewhere : JobOutcome.NotDue;

        var outcome = JobOutcome.Ran;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await job.RunAsync(scope.ServiceProvider, new JobRun(instance.Id, now, requestedByUserId), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            log.LogError(e, "Scheduled job {Job} failed on {Instance}", job.Name, instance.Id);
            outcome = JobOutcome.Failed;
        }
        finally
        {
            // A run cut short by shutdown is not stamped: the next instance to look finds the job still due.
            await ReleaseAsync(job.Name, ct.IsCancellationRequested ? null : now, CancellationToken.None);
        }
        return outcome;
    }

    private async Task<bool> TryTakeAsync(IScheduledJob job, DateTimeOffset now, bool force, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        // The row exists from the first attempt on; a concurrent first attempt of another instance is no error.
        await db.Database.ExecuteSqlInterpolatedAsync($"""INSERT INTO "JobLeases" ("Name") VALUES ({job.Name}) ON CONFLICT ("Name") DO NOTHING""", ct);
        var dueIfLastBefore = now - job.Period;
        var until = now + job.LeaseDuration;
        return await db.Set<JobLease>()
            .Where(l => l.Name == job.Name && (l.LeasedUntil == null || l.LeasedUntil <= now)
                        && (force || l.LastRunAt == null || l.LastRunAt <= dueIfLastBefore))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, instance.Id).SetProperty(l => l.LeasedUntil, until), ct) == 1;
    }

    private async Task<bool> IsHeldAsync(string name, DateTimeOffset now, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Set<JobLease>().AnyAsync(l => l.Name == name && l.LeasedUntil != null && l.LeasedUntil > now, ct);
    }

    // Only our own lease: if it expired during a very long run and another instance took it, that one keeps it.
    private async Task ReleaseAsync(string name, DateTimeOffset? startedAt, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ours = db.Set<JobLease>().Where(l => l.Name == name && l.Holder == instance.Id);
        if (startedAt is { } at)
            await ours.ExecuteUpdateAsync(s => s.SetProperty(l => l.LeasedUntil, (DateTimeOffset?)null).SetProperty(l => l.LastRunAt, at), ct);
        else
            await ours.ExecuteUpdateAsync(s => s.SetProperty(l => l.LeasedUntil, (DateTimeOffset?)null), ct);
    }
}

/// <summary>This process among the app's instances: host name, process id and a random part (a restarted process is a new holder).</summary>
public sealed class JobInstance
{
    public string Id { get; init; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";
}
