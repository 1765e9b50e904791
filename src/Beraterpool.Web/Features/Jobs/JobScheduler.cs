using Microsoft.Extensions.Options;

namespace Beraterpool.Web.Features.Jobs;

public sealed class JobOptions
{
    public const string Section = "Jobs";
    /// <summary>Off: no job runs by itself (tests run them directly; a "run now" button still works).</summary>
    public bool Enabled { get; set; } = true;
    /// <summary>How often each instance looks for due jobs; the first look is one interval after start.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>The hosted service on every instance: every poll interval it offers each job to the runner, which runs the due ones.</summary>
public sealed class JobScheduler(JobRunner runner, IEnumerable<IScheduledJob> jobs, IOptions<JobOptions> options, TimeProvider time, ILogger<JobScheduler> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        using var timer = new PeriodicTimer(options.Value.PollInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                foreach (var job in jobs)
                {
                    try
                    {
                        await runner.TryRunAsync(job, ct: stoppingToken);
                    }
                    catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                    {
                        // The database may be away for a moment; the next tick tries again.
                        log.LogWarning(e, "Could not offer job {Job} to the runner", job.Name);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}

public static class JobsSetup
{
    public static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<JobOptions>(config.GetSection(JobOptions.Section));
        services.AddSingleton<JobInstance>();
        services.AddSingleton<JobRunner>();
        services.AddHostedService<JobScheduler>();
        return services;
    }

    public static IServiceCollection AddScheduledJob<TJob>(this IServiceCollection services) where TJob : class, IScheduledJob
    {
        services.AddSingleton<TJob>();
        services.AddSingleton<IScheduledJob>(sp => sp.GetRequiredService<TJob>());
        return services;
    }
}
