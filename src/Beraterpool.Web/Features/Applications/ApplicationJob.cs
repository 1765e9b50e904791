using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Applications;

/// <summary>
/// Every hour, on one instance: uploads of forms that were never sent are removed after a day, and declined applications
/// (with their answers, files and reviews) are deleted the pool's retention period
/// (<see cref="Pools.Pool.ApplicationRetentionMonths"/>, 6 months unless set) after the decision, as the form tells the applicant.
/// </summary>
public sealed class ApplicationJob : IScheduledJob
{
    public string Name => "applications";
    public TimeSpan Period => TimeSpan.FromHours(1);
    public TimeSpan LeaseDuration => TimeSpan.FromMinutes(10);

    public async Task RunAsync(IServiceProvider services, JobRun run, CancellationToken ct)
    {
        await services.GetRequiredService<ApplicationDesk>().PurgePendingAsync(ct);
        await DeleteDeclinedAsync(services.GetRequiredService<AppDbContext>(), services.GetRequiredService<TimeProvider>(), ct);
    }

    public static async Task<int> DeleteDeclinedAsync(AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        // One statement per retention period in use: the cut-off is computed here, so both providers compare instants.
        var now = time.GetUtcNow();
        var periods = await db.Pools.Select(p => p.ApplicationRetentionMonths).Distinct().ToListAsync(ct);
        var deleted = 0;
        foreach (var months in periods)
        {
            var before = now.AddMonths(-months);
            deleted += await db.Applications.Where(a => a.Status == ApplicationStatus.Declined && a.DecisionSentAt != null && a.DecisionSentAt < before
                    && db.Pools.Any(p => p.Id == a.PoolId && p.ApplicationRetentionMonths == months))
                .ExecuteDeleteAsync(ct);
        }
        return deleted;
    }
}
