namespace Beraterpool.Web.Features.Engagements;

public static class EngagementsSetup
{
    public static IServiceCollection AddEngagements(this IServiceCollection services)
    {
        services.AddScoped<EngagementAccess>();
        services.AddScoped<EngagementMails>();
        services.AddScoped<EngagementMoves>();
        services.AddScoped<Manage.ActivityApprovals>();
        services.AddSingleton<EngagementNames>();
        services.AddScoped<ActivityDates>();
        services.AddScoped<ContactHandOver>();
        services.AddScoped<Revisions.RevisionLog>();
        services.AddOptions<ActivityDateOptions>().BindConfiguration("Activities");
        return services;
    }
}
