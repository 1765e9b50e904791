namespace Beraterpool.Web.Features.Mentoring;

public static class MentoringSetup
{
    public static IServiceCollection AddMentoring(this IServiceCollection services)
    {
        services.AddScoped<Mentorships>();
        services.AddScoped<ContactPersons>();
        services.AddScoped<MentoringNames>();
        return services;
    }
}
