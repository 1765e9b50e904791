using System.Net;
using System.Reflection;
using Beraterpool.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Beraterpool.Tests.Accounts;

/// <summary>Deny by default: only the pages meant for the public answer an anonymous visitor.</summary>
public sealed class PageAuthorizationTests(PageAuthorizationTests.App app) : IClassFixture<PageAuthorizationTests.App>
{
    public sealed class App() : TestApp(importGazetteer: false);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Pages without parameters that anyone may open. A new public page must be added here on purpose.</summary>
    private static readonly HashSet<string> PublicPages = new(StringComparer.OrdinalIgnoreCase)
    {
        "/", "/account/login", "/account/logout", "/account/forgot-password", "/account/reset-password", "/account/invitation",
        "/account/access-denied", "/advisors", "/statistics", "/municipalities", "/about-data", "/apply", "/request", "/requests/new", "/requests/sent",
    };

    [Fact]
    public void Every_page_model_declares_who_may_use_it()
    {
        var pageModels = typeof(Beraterpool.Web.Features.Home.IndexModel).Assembly.GetTypes()
            .Where(t => typeof(PageModel).IsAssignableFrom(t) && !t.IsAbstract).ToList();
        Assert.NotEmpty(pageModels);
        var undeclared = pageModels.Where(t => t.GetCustomAttribute<AllowAnonymousAttribute>() is null && t.GetCustomAttribute<AuthorizeAttribute>() is null)
            .Select(t => t.FullName).ToList();
        // Pages without an attribute are still covered by the folder convention (sign-in required); the HTTP test below proves it.
        Assert.All(pageModels.Where(t => t.Namespace!.Contains(".Manage") || t.Namespace!.EndsWith(".Me")), t =>
            Assert.NotNull(t.GetCustomAttribute<AuthorizeAttribute>()));
        Assert.DoesNotContain(undeclared, n => n!.Contains(".Manage") || n.Contains(".Me."));
    }

    [Fact]
    public async Task Anonymous_visitors_get_only_the_public_pages_and_are_sent_to_sign_in_everywhere_else()
    {
        await app.CreatePoolAsync("anon");
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is not null)
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").Trim('/'))
            .Where(r => !r.Contains('{'))
            .Distinct().ToList();
        Assert.Contains("/manage", routes);
        Assert.Contains("/me/profile", routes);

        var client = app.Browser();
        foreach (var route in routes)
        {
            var response = await client.GetAsync(route, Ct);
            if (PublicPages.Contains(route))
            {
                Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect or HttpStatusCode.Forbidden,
                    $"{route} answered {(int)response.StatusCode}");
                if (response.StatusCode == HttpStatusCode.Redirect)
                    Assert.DoesNotContain("/account/login", response.Headers.Location?.OriginalString ?? "");
            }
            else
            {
                Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{route} answered {(int)response.StatusCode} to an anonymous visitor");
                Assert.Contains("/account/login", response.Headers.Location?.OriginalString ?? "");
            }
        }
    }

    [Theory]
    [InlineData("/manage")]
    [InlineData("/manage/pools")]
    [InlineData("/manage/pools/new")]
    [InlineData("/manage/pools/1/edit")]
    [InlineData("/manage/pools/1/coordinators")]
    [InlineData("/manage/pools/1/topics")]
    [InlineData("/manage/advisors")]
    [InlineData("/manage/advisors/new")]
    [InlineData("/manage/advisors/1/edit")]
    [InlineData("/manage/advisors/1/photo")]
    [InlineData("/me/profile")]
    [InlineData("/me/profile/photo")]
    public async Task Anonymous_visitors_are_sent_to_sign_in_from_every_edit_page(string url)
    {
        var response = await app.Browser().GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery);
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
