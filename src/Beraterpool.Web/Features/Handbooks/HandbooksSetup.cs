namespace Beraterpool.Web.Features.Handbooks;

public static class HandbooksSetup
{
    public static IServiceCollection AddHandbooks(this IServiceCollection services)
    {
        services.AddScoped<HandbookReaders>();
        services.AddScoped<HandbookVersions>();
        return services;
    }
}
