using System.Net;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Demo;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;

namespace Beraterpool.Tests.Accounts;

/// <summary>
/// Deny by default, proved over every endpoint the app maps — Razor pages and minimal-API endpoints alike, read from
/// the endpoint data source, so a page added later is covered without touching this test.
/// </summary>
public sealed class PageAuthorizationTests(DemoApp demo, PageAuthorizationTests.App app) : IClassFixture<PageAuthorizationTests.App>
{
    public sealed class App() : TestApp(importGazetteer: false);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The endpoints anyone may use. A new public endpoint must be added here on purpose; every entry must exist.</summary>
    private static readonly string[] PublicEndpoints =
    [
        "/", "/about-data", "/statistics", "/datenschutz", "/impressum", "/error/{code:int}", "/handbooks", "/handbooks/{slug}",
        "/account/login", "/account/login-two-factor", "/account/login-recovery-code", "/account/logout", "/account/forgot-password", "/account/reset-password", "/account/invitation", "/account/access-denied",
        "/account/email-link", "/account/email-link/sign-in",
        "/advisors", "/advisors/{slug}", "/advisors/{slug}.vcf", "/advisors/{slug}/photo", "/api/advisors", "/flyer.pdf",
        "/municipalities", "/municipalities/{ags}", "/api/municipalities",
        "/requests/new", "/requests/sent", "/requests/link-renewed", "/requests/track/{token}", "/requests/track/{token}/withdraw", "/requests/track/{token}/engagement/{id:int}",
        "/events", "/events.ics", "/events/{id:int}", "/events/{id:int}.ics", "/events/registration/{token}", "/impact",
        "/opendata", "/opendata/catalog.jsonld", "/opendata/indicators.csv", "/opendata/indicators.json", "/opendata/statistics.json",
        "/pools/{slug}/logo", "/pools/{slug}/brand.css", "/culture", "/barrierefreiheit", "/leichte-sprache", "/info/{slug}", "/certificates/verify/{code?}", "/seminars/rsvp/{token}", "/seminars/trainer/{token}",
        "/calls", "/calls/{id:int}", "/calls/{id:int}/apply", "/calls/application/{token}",
        "/{**path:file}", // static files: MapStaticAssets answers addresses that look like a file
    ];

    /// <summary>One mapped endpoint: its route pattern, an address that fills the pattern, the HTTP method and who may use it.</summary>
    public sealed record Target(string Pattern, string Url, string Method, bool Anonymous, string[]? Roles)
    {
        public bool Admits(string role) => Roles is null || Roles.Contains(role);
        public override string ToString() => $"{Method} {Pattern}";
    }

    private List<Target> Targets()
    {
        var endpoints = demo.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<StaticAssetDescriptor>() is null) // files under wwwroot
            .ToList();
        Assert.Contains(endpoints, e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null);
        return endpoints.Select(e =>
        {
            var pattern = "/" + (e.RoutePattern.RawText ?? "").Trim('/');
            var method = e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.FirstOrDefault() ?? "GET";
            var policies = e.Metadata.GetOrderedMetadata<AuthorizationPolicy>();
            var authorize = e.Metadata.GetOrderedMetadata<IAuthorizeData>();
            var anonymous = e.Metadata.GetMetadata<IAllowAnonymous>() is not null || (authorize.Count == 0 && policies.Count == 0);
            // Every [Authorize(Roles = …)] and every policy built in code (RequireAuthorization(p => p.RequireRole(…)))
            // must hold, so the intersection of their roles decides who gets in; null means any signed-in user.
            var roleSets = authorize.Where(a => !string.IsNullOrEmpty(a.Roles)).Select(a => a.Roles!.Split(',', StringSplitOptions.TrimEntries))
                .Concat(policies.SelectMany(p => p.Requirements.OfType<Microsoft.AspNetCore.Authorization.Infrastructure.RolesAuthorizationRequirement>())
                    .Select(r => r.AllowedRoles.ToArray()))
                .ToList();
            var roles = roleSets.Count == 0 ? null : roleSets.Aggregate((a, b) => a.Intersect(b).ToArray());
            return new Target(pattern, Fill(e.RoutePattern), method, anonymous, roles);
        }).DistinctBy(t => (t.Pattern, t.Method)).OrderBy(t => t.Pattern, StringComparer.Ordinal).ToList();
    }

    /// <summary>Plausible values for route parameters: demo records where the page shows one, a dummy where 404 is fine.</summary>
    private static string Fill(Microsoft.AspNetCore.Routing.Patterns.RoutePattern pattern)
    {
        var raw = "/" + (pattern.RawText ?? "").Trim('/');
        var url = raw;
        foreach (var parameter in pattern.Parameters)
        {
            var value = parameter.Name switch
            {
                "slug" when raw.StartsWith("/pools/", StringComparison.Ordinal) => "nrw",
                "slug" => "amina-tesfaye",
                "ags" => "05315000",
                "token" => "kein-gueltiger-link",
                "code" => "404",
                "path" => "gibt-es-nicht.css",
                _ => "1",
            };
            url = System.Text.RegularExpressions.Regex.Replace(url, "\\{\\**" + parameter.Name + "[^}]*\\}", value);
        }
        // Required query values of minimal-API endpoints.
        return raw == "/culture" ? url + "?lang=de&returnUrl=%2F" : url;
    }

    private static bool SentToSignIn(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect && (response.Headers.Location?.OriginalString ?? "").Contains("/account/login");

    private static bool Refused(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
        || (response.StatusCode == HttpStatusCode.Redirect && (response.Headers.Location?.OriginalString ?? "") is var to
            && (to.Contains("/account/login") || to.Contains("/account/access-denied")));

    [Fact]
    public void Every_listed_public_endpoint_exists_and_is_marked_anonymous()
    {
        var targets = Targets();
        var missing = PublicEndpoints.Where(p => !targets.Any(t => t.Pattern == p)).ToList();
        Assert.True(missing.Count == 0, "Listed as public but not mapped: " + string.Join(", ", missing));
        var anonymous = targets.Where(t => t.Anonymous).Select(t => t.Pattern).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(PublicEndpoints.Order(StringComparer.Ordinal), anonymous);
    }

    [Fact]
    public async Task Anonymous_visitors_get_exactly_the_public_endpoints_and_are_sent_to_sign_in_everywhere_else()
    {
        var targets = Targets();
        Assert.Contains(targets, t => t.Pattern == "/manage");
        Assert.Contains(targets, t => t.Pattern == "/me/profile");
        Assert.Contains(targets, t => t.Pattern == "/me/fees/{id:int}/pdf"); // minimal-API endpoints are covered too

        var client = demo.Browser();
        var wrong = new List<string>();
        foreach (var target in targets)
        {
            var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(target.Method), target.Url), Ct);
            var status = (int)response.StatusCode;
            var answer = $"{target} ({target.Url}) answered {status} {response.Headers.Location}";
            if (status >= 500) wrong.Add(answer);
            else if (PublicEndpoints.Contains(target.Pattern)) { if (SentToSignIn(response) || status == 401) wrong.Add("public " + answer); }
            else if (!Refused(response)) wrong.Add("protected " + answer);
            else if (response.StatusCode == HttpStatusCode.Redirect && !SentToSignIn(response)) wrong.Add("not sent to sign-in: " + answer);
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    public static TheoryData<string, string> SignedInUsers() => new()
    {
        { DemoAccounts.Advisor, Roles.Advisor },
        { DemoAccounts.MunicipalityContact, Roles.MunicipalityContact },
        { DemoAccounts.CoordinatorNrw, Roles.Coordinator },
        { DemoAccounts.Reviewer, Roles.Reviewer },
    };

    [Theory]
    [MemberData(nameof(SignedInUsers))]
    public async Task Signed_in_users_are_refused_every_endpoint_their_role_is_not_allowed(string email, string role)
    {
        var targets = Targets();
        // The office's pages are the office's: no /manage address is open to every signed-in user.
        Assert.All(targets.Where(t => t.Pattern.StartsWith("/manage", StringComparison.Ordinal) || t.Pattern.StartsWith("/admin", StringComparison.Ordinal)),
            t => Assert.True(t.Roles is not null && !t.Admits(Roles.Advisor) && !t.Admits(Roles.MunicipalityContact), $"{t} is open to {string.Join(",", t.Roles ?? ["every signed-in user"])}"));

        var client = await demo.SignedInBrowserAsync(email); // the demo account as seeded, no roles added
        var wrong = new List<string>();
        foreach (var target in targets.Where(t => !t.Anonymous && !t.Admits(role)))
        {
            var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(target.Method), target.Url), Ct);
            if (!Refused(response))
                wrong.Add($"{target} ({target.Url}) answered {(int)response.StatusCode} to the {role}");
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public void Page_models_under_manage_and_me_declare_their_roles()
    {
        var pageModels = typeof(Beraterpool.Web.Features.Home.IndexModel).Assembly.GetTypes()
            .Where(t => typeof(PageModel).IsAssignableFrom(t) && !t.IsAbstract && (t.Namespace!.Contains(".Manage") || t.Namespace!.EndsWith(".Me")))
            .ToList();
        Assert.NotEmpty(pageModels);
        Assert.All(pageModels, t => Assert.True(
            t.GetCustomAttributes(typeof(AuthorizeAttribute), inherit: true).Cast<AuthorizeAttribute>().Any(a => !string.IsNullOrEmpty(a.Roles)), t.FullName));
    }

    [Fact]
    public async Task Anonymous_posts_to_edit_pages_change_nothing()
    {
        var pool = await app.CreatePoolAsync("anon-post");
        var advisor = await app.CreateAdvisorAsync(pool.Id, "anon-post-advisor");
        var client = app.Browser();
        var token = Html.AntiforgeryToken(await client.GetStringAsync("/account/login", Ct));
        var response = await client.PostAsync($"/manage/advisors/{advisor.Id}/edit",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Input.FirstName", "X"), new("Input.LastName", "Y"), new("Input.Bio", "Gehackt")]), Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Alte Biografie", await app.WithDbAsync(db => Task.FromResult(db.Advisors.Single(a => a.Id == advisor.Id).Bio)));
    }
}
