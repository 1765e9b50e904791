using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Applications;

/// <summary>
/// Every hour, on one instance: uploads of forms that were never sent are removed after a day, and declined applications
/// (with their answers and files) are deleted <see cref="DeclinedRetentionMonths"/> months after the decision, as the
/// form tells the applicant.
/// </summary>
public sealed class ApplicationJob : IScheduledJob
{
    public const int DeclinedRetentionMonths = 6;

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
        var before = time.GetUtcNow().AddMonths(-DeclinedRetentionMonths);
        return await db.Applications.Where(a => a.Status == ApplicationStatus.Declined && a.DecidedAt != null && a.DecidedAt < before).ExecuteDeleteAsync(ct);
    }
}
