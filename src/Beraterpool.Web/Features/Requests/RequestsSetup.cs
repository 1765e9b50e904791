namespace Beraterpool.Web.Features.Requests;

public static class RequestsSetup
{
    public static IServiceCollection AddConsultationRequests(this IServiceCollection services)
    {
        services.AddScoped<ConsultationRequests>();
        services.AddScoped<RequestMails>();
        services.AddScoped<RequestTexts>();
        services.AddScoped<RequestRecords>();
        services.AddScoped<Manage.RequestOffice>();
        services.AddScoped<TrackingLinks>();
        services.AddRequestRateLimit();
        return services;
    }
}
