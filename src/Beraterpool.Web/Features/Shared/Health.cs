using Beraterpool.Web.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Beraterpool.Web.Features.Shared;

/// <summary>
/// Probes for the load balancer and systemd: <c>/health/live</c> (the process answers; never touches the database,
/// so a database outage does not get healthy instances restarted), <c>/health/ready</c> (the database answers and
/// has every migration of this build: only then should requests be sent here) and <c>/health</c>, the same as ready
/// (older set-ups probe it).
/// </summary>
public static class Health
{
    private const string Ready = "ready";

    public static IServiceCollection AddHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddDbContextCheck<AppDbContext>("database", tags: [Ready])
            .AddCheck<MigrationsApplied>("migrations", tags: [Ready]);
        return services;
    }

    /// <summary>
    /// First in the pipeline: a probe needs no pool, session or HTTPS redirect, and answers even while the database
    /// has no tables yet (pool resolution would fail there); nor does it fill the request log every few seconds.
    /// </summary>
    public static IApplicationBuilder UseHealthProbes(this IApplicationBuilder app)
    {
        app.UseHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        var ready = new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready) };
        app.UseHealthChecks("/health/ready", ready);
        app.UseHealthChecks("/health", ready);
        return app;
    }

    private sealed class MigrationsApplied(AppDbContext db) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            return pending.Count == 0
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"{pending.Count} migrations pending (run the migrate command): {string.Join(", ", pending)}");
        }
    }
}
