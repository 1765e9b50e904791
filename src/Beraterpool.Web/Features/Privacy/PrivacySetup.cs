namespace Beraterpool.Web.Features.Privacy;

public static class PrivacySetup
{
    public static IServiceCollection AddPrivacy(this IServiceCollection services)
    {
        services.AddScoped<PersonFinder>();
        services.AddScoped<DataExport>();
        services.AddScoped<Erasure>();
        return services;
    }
}
