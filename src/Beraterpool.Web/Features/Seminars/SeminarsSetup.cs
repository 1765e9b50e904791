namespace Beraterpool.Web.Features.Seminars;

public static class SeminarsSetup
{
    public static IServiceCollection AddSeminars(this IServiceCollection services)
    {
        services.AddScoped<SeminarProgram>();
        services.AddScoped<SeminarMails>();
        services.AddScoped<SeminarMaterials>();
        return services;
    }
}
