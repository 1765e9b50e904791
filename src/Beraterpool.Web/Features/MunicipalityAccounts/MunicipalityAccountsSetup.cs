namespace Beraterpool.Web.Features.MunicipalityAccounts;

public static class MunicipalityAccountsSetup
{
    public static IServiceCollection AddMunicipalityAccounts(this IServiceCollection services)
    {
        services.AddScoped<MunicipalityAccess>();
        services.AddScoped<ColleagueInvitations>();
        services.AddScoped<EmailSignIn>();
        return services;
    }
}
