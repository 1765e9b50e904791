using Beraterpool.Web.Features.Impact;
using Beraterpool.Web.Features.Events;
using Beraterpool.Web.Features.Interviews;
using Beraterpool.Web.Features.Seminars;
using Beraterpool.Web.Features.Gazetteer;
using Beraterpool.Web.Features.Handbooks;
using Beraterpool.Web.Features.Mentoring;
using Beraterpool.Web.Features.Municipalities;
using Beraterpool.Web.Features.OpenData;
using Beraterpool.Web.Features.Outreach;
using Beraterpool.Web.Features.Advisors.Directory;
using Beraterpool.Web.Features.Bench;
using Beraterpool.Web.Features.Matching;
using Beraterpool.Web.Features.MunicipalityAccounts;
using Beraterpool.Web.Features.Fees;
using Beraterpool.Web.Features.Advisors.Editor;
using Beraterpool.Web.Features.Pools.Manage;
using Beraterpool.Web.Features.Jobs;
using Beraterpool.Web.Features.Privacy.Retention;
using Beraterpool.Web.Features.Quota;
using Beraterpool.Web.Features.Engagements;
using Beraterpool.Web.Features.Messages;
using Beraterpool.Web.Features.Privacy;
using Beraterpool.Web.Features.Requests;
using Beraterpool.Web.Features.Shared.Forms;
using Microsoft.AspNetCore.Localization;

using Beraterpool.Web.Features.Applications;

namespace Beraterpool.Web.Features.Shared;

/// <summary>The table of contents of the features: services, endpoints and commands each one adds.</summary>
public static class FeatureRegistration
{
    public static IServiceCollection AddFeatures(this IServiceCollection services, IConfiguration config)
    {
        services.AddGazetteer();
        services.AddAdvisorDirectory();
        services.AddGermanBindingMessages();
        services.AddPoolManagement();
        services.AddAdvisorManagement();
        services.AddMatching();
        services.AddDayQuota();
        services.AddEngagements();
        services.AddFees();
        services.AddConsultationRequests();
        services.AddMunicipalityAccounts();
        services.AddMessages();
        services.AddPrivacy();
        services.AddJobs(config);
        services.AddRetention();
        services.AddEvents();
        services.AddSeminars();
        services.AddApplications();
        services.AddHandbooks();
        services.AddImpact();
        services.AddOutreach();
        services.AddMentoring();
        services.AddInterviews();
        services.AddScoped<Stakeholders.StakeholderTimeline>();
        return services;
    }

    public static WebApplication MapFeatureEndpoints(this WebApplication app)
    {
        app.MapMunicipalityApi();
        app.MapPoolLogo();
        app.MapEditorPhotos();
        app.MapEventCalendars();
        app.MapImpact();
        app.MapOutreach();
        app.MapOpenData();
        // The language switch: a plain link that works without JavaScript.
        app.MapGet("/culture", (string lang, string? returnUrl, HttpContext context, TimeProvider time) =>
        {
            var culture = WebUi.Cultures.Contains(lang) ? lang : "de";
            context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = time.GetUtcNow().AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            var target = !string.IsNullOrEmpty(returnUrl) && Uri.IsWellFormedUriString(returnUrl, UriKind.Relative) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//")
                ? returnUrl : context.Request.PathBase + "/";
            return Results.LocalRedirect(target);
        }).AllowAnonymous();
        app.MapAdvisorDirectory();
        app.MapBench();
        app.MapFees();
        return app;
    }
}
