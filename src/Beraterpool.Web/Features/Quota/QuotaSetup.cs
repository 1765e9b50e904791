namespace Beraterpool.Web.Features.Quota;

public static class QuotaSetup
{
    public static IServiceCollection AddDayQuota(this IServiceCollection services)
    {
        services.AddScoped<DayQuotaService>();
        services.AddScoped<DayBalances>();
        services.AddSingleton<DayFormat>();
        return services;
    }
}
