namespace Beraterpool.Web.Features.Interviews;

public static class InterviewsSetup
{
    public static IServiceCollection AddInterviews(this IServiceCollection services)
    {
        services.AddScoped<InterviewGuides>();
        services.AddScoped<InterviewComparison>();
        return services;
    }
}
