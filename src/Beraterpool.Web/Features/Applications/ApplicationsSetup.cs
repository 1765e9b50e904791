using Beraterpool.Web.Features.Jobs;

namespace Beraterpool.Web.Features.Applications;

public static class ApplicationsSetup
{
    /// <summary>Calls, applications without an account, the committee's review and the decisions.</summary>
    public static IServiceCollection AddApplications(this IServiceCollection services)
    {
        services.AddScoped<ApplicationDesk>();
        services.AddScoped<ApplicationSheet>();
        services.AddScoped<CallReviews>();
        services.AddScoped<CallDecisions>();
        services.AddScheduledJob<ApplicationJob>();
        return services;
    }
}
