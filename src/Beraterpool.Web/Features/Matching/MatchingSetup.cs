using Beraterpool.Web.Features.Engagements.Invitations;

namespace Beraterpool.Web.Features.Matching;

public static class MatchingSetup
{
    public static IServiceCollection AddMatching(this IServiceCollection services)
    {
        services.AddSingleton<CandidateSnapshots>();
        services.AddScoped<MatchTexts>();
        services.AddScoped<InvitationMails>();
        services.AddScoped<InvitationWorkflow>();
        return services;
    }
}
