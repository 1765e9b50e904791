using Beraterpool.Web.Features.Jobs;

namespace Beraterpool.Web.Features.Privacy.Retention;

public static class RetentionSetup
{
    public static IServiceCollection AddRetention(this IServiceCollection services)
    {
        services.AddScoped<RetentionRules>();
        services.AddScoped<RetentionSweep>();
        services.AddScheduledJob<RetentionJob>();
        return services;
    }
}
