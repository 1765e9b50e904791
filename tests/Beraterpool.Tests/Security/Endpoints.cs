using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;

namespace Beraterpool.Tests.Security;

/// <summary>
/// One thing a browser can ask of the app: a route pattern with an HTTP method and, for Razor pages, a handler
/// (<c>OnPostApprove</c> → <c>POST:Approve</c>, sent as <c>?handler=Approve</c>).
/// </summary>
public sealed record Operation(string Pattern, string Method, string? Handler, bool Anonymous, RoutePattern Route)
{
    public string Verb => Handler is null ? Method : $"{Method}:{Handler}";
    public bool HasRecord => Route.Parameters.Any(p => p.Name is not ("code" or "path"));
    public override string ToString() => $"{Verb} {Pattern}";
}

/// <summary>Every operation of the app, read from the endpoint data source and the pages' compiled handler methods.</summary>
public static partial class Endpoints
{
    public static async Task<List<Operation>> AllAsync(IServiceProvider services)
    {
        var loader = services.GetRequiredService<PageLoader>();
        var operations = new List<Operation>();
        foreach (var e in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
                     .Where(e => e.Metadata.GetMetadata<StaticAssetDescriptor>() is null))
        {
            var pattern = "/" + (e.RoutePattern.RawText ?? "").Trim('/');
            var anonymous = e.Metadata.GetMetadata<IAllowAnonymous>() is not null
                            || (e.Metadata.GetOrderedMetadata<IAuthorizeData>().Count == 0 && e.Metadata.GetOrderedMetadata<AuthorizationPolicy>().Count == 0);
            if (e.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await loader.LoadAsync(page, e.Metadata);
                operations.Add(new Operation(pattern, "GET", null, anonymous, e.RoutePattern));
                foreach (var h in compiled.HandlerMethods.Where(h => !(h.HttpMethod == "GET" && h.Name is null)))
                    operations.Add(new Operation(pattern, h.HttpMethod.ToUpperInvariant(), h.Name, anonymous, e.RoutePattern));
            }
            else
            {
                foreach (var method in e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                    operations.Add(new Operation(pattern, method, null, anonymous, e.RoutePattern));
            }
        }
        return operations.DistinctBy(o => (o.Pattern, o.Verb)).OrderBy(o => o.Pattern, StringComparer.Ordinal).ThenBy(o => o.Verb, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The address of an operation for one record set. A new route parameter fails here on purpose: say which record it
    /// names, so that it is tried with another person's and another pool's record too.
    /// </summary>
    public static string Url(Operation operation, RecordSet? set)
    {
        var url = operation.Pattern;
        foreach (var parameter in operation.Route.Parameters)
        {
            var value = parameter.Name switch
            {
                "code" => "404",
                "path" => "gibt-es-nicht.css",
                _ => Record(parameter.Name, set ?? throw new InvalidOperationException($"{operation} names a record but was given no record set")),
            };
            url = Regex.Replace(url, "\\{\\**" + parameter.Name + "[^}]*\\}", value);
        }
        // Required query values.
        if (operation.Pattern == "/culture") url += "?lang=de&returnUrl=%2F";
        if (operation.Pattern == "/manage/fees/export") url += $"?from={DateTime.UtcNow.Year}-01&to={DateTime.UtcNow.Year}-12";
        // A handbook's exports and restore name a version by its number.
        if (operation.Pattern.StartsWith("/manage/pools/", StringComparison.Ordinal) && operation.Pattern.EndsWith("/versions", StringComparison.Ordinal) && operation.Handler is not null) url += "?number=1";
        // A report names its pool by query; the year and the indicator are no records.
        if (Starts("/manage/reports/") && set is not null) url += string.Create(System.Globalization.CultureInfo.InvariantCulture, $"?pool={set.PoolId}");
        if (operation.Handler is not null) url += (url.Contains('?') ? "&" : "?") + "handler=" + operation.Handler;
        // A seminar's file is named by query: who may download it?
        if (operation.Handler == "Material" && operation.Method == "GET" && set is not null) url += string.Create(System.Globalization.CultureInfo.InvariantCulture, $"&materialId={set.MaterialId}");
        return url;

        bool Starts(string prefix) => operation.Pattern.StartsWith(prefix, StringComparison.Ordinal);

        string Record(string name, RecordSet s) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{name switch
        {
            "id" when Starts("/engagements/") || Starts("/requests/track/") => (object)s.EngagementId,
            "id" when Starts("/manage/requests/") || Starts("/municipality/requests/") => s.RequestId,
            "id" when Starts("/manage/pools/") => s.PoolId,
            "id" when Starts("/manage/advisors/") => s.AdvisorId,
            "id" when Starts("/me/fees/") || Starts("/manage/fees/") => s.StatementId,
            "id" when Starts("/me/invitations/") => s.InvitationId,
            "id" when Starts("/events/") || Starts("/manage/events/") => s.EventId,
            "id" when Starts("/mentoring/") => s.MentorshipId,
            "id" when Starts("/manage/stakeholders/organisations/") => s.OrganisationId,
            "id" when Starts("/manage/stakeholders/contacts/") => s.StakeholderContactId,
            "id" when Starts("/manage/calls/application/") || Starts("/review/application/") => s.ApplicationId,
            "id" when Starts("/calls/") || Starts("/manage/calls/") => s.CallId,
            "id" when Starts("/manage/interviews/guides/") => s.InterviewGuideId,
            "id" when Starts("/manage/interviews/interview/") => s.InterviewId,
            "id" when Starts("/manage/indicators/") => s.CustomIndicatorId,
            "year" when Starts("/manage/indicators/") => 2025,
            "documentId" => s.DocumentId,
            "handbookId" => s.HandbookId,
            "chapterId" => s.ChapterId,
            "slug" when Starts("/handbooks/") => s.HandbookSlug,
            "slug" when Starts("/info/") => s.SitePageSlug,
            "activityId" => s.ActivityId,
            "optionId" => s.OptionId,
            // The contact's comment: only its author may correct it.
            "kind" when Starts("/engagements/") => "comment",
            "noteId" => s.CommentId,
            "intakeId" => s.IntakeId,
            "travelId" => s.TravelId,
            "slug" when Starts("/pools/") => s.PoolSlug,
            "slug" when Starts("/advisors/") => s.AdvisorSlug,
            "ags" => s.MunicipalityKey,
            "poolId" when Starts("/municipality/") || Starts("/manage/fees/sepa/") => s.PoolId,
            "key" when Starts("/municipality/") => s.MunicipalityKey,
            "userId" when Starts("/municipality/") => s.ContactUserId,
            "token" when Starts("/events/registration/") => s.EventToken,
            "token" when Starts("/seminars/rsvp/") => s.SeminarToken,
            "token" when Starts("/seminars/trainer/") => s.TrainerToken,
            "token" when Starts("/calls/application/") => s.ApplicationToken,
            "seriesId" => s.SeriesId,
            "seminarId" => s.SeminarId,
            "year" when Starts("/manage/reports/") => 2025,
            "key" when Starts("/manage/reports/") => "anfragen",
            "token" => s.TrackingToken,
            _ => throw new InvalidOperationException(
                $"{operation}: which record does {{{name}}} name? Add it to {nameof(Endpoints)}.{nameof(Url)} and to the record sets of {nameof(SecurityWorld)}."),
        }}");
    }
}
