using System.Net;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Accounts;

namespace Beraterpool.Tests.Me;

/// <summary>Each role lands on its own overview after signing in, finds it in the navigation, and the header says who is signed in.</summary>
public sealed class LandingPageTests(LandingPageTests.App app) : IClassFixture<LandingPageTests.App>
{
    public sealed class App() : TestApp(importGazetteer: false)
    {
        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            await this.CreatePoolAsync("landing");
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Roles.Advisor, "/me")]
    [InlineData(Roles.Coordinator, "/manage")]
    [InlineData(Roles.Administrator, "/manage")]
    [InlineData(Roles.MunicipalityContact, "/municipality")]
    public async Task Defect7_EachRoleLandsOnItsOverviewAfterSignIn(string role, string overview)
    {
        var email = $"landet-{role.ToLowerInvariant()}@example.org";
        await app.CreateUserAsync(email, role);
        var client = app.Browser();
        var response = await client.PostFormAsync("/account/login", [new("Input.Email", email), new("Input.Password", TestUsers.Password)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(overview, response.Headers.Location?.OriginalString);

        var page = await client.GetAsync(overview, Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync(Ct);
        // The navigation leads back to the same overview from every page.
        Assert.Contains($"<a class=\"kern-link\" href=\"{overview}\">", html);
    }

    [Fact]
    public async Task Defect7_AdvisorAndMunicipalityStillLandWhereTheyCameFrom()
    {
        await app.CreateUserAsync("zurueck@example.org", Roles.Advisor);
        var client = app.Browser();
        var response = await client.PostFormAsync("/account/login?ReturnUrl=%2Fme%2Fprofile",
            [new("Input.Email", "zurueck@example.org"), new("Input.Password", TestUsers.Password), new("ReturnUrl", "/me/profile")]);
        Assert.Equal("/me/profile", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData(Roles.Advisor, "/me", "Berater*in")]
    [InlineData(Roles.Coordinator, "/manage", "Koordinierung")]
    [InlineData(Roles.Reviewer, "/review", "Begutachtung")]
    [InlineData(Roles.Mentor, "/mentoring", "Mentoring")]
    public async Task Defect7_HeaderNamesTheSignedInPersonAndTheirRole(string role, string overview, string roleName)
    {
        var email = $"kopf-{role.ToLowerInvariant()}@example.org";
        var client = await app.SignedInBrowserAsync(email, role);
        var text = Html.Text(await client.GetStringAsync(overview, Ct));
        Assert.Contains($"Angemeldet als {email} · {roleName}", text);
        var home = Html.Text(await client.GetStringAsync("/", Ct));
        Assert.Contains($"Angemeldet als {email}", home);
    }

    [Theory]
    [InlineData(Roles.Reviewer, "/review", "Bewerbungen zur Begutachtung")]
    [InlineData(Roles.Mentor, "/mentoring", "Ihre Mentees")]
    public async Task Defect16_reviewers_and_mentors_land_on_their_overview_and_find_it_in_the_navigation(string role, string overview, string section)
    {
        var email = $"start-{role.ToLowerInvariant()}@example.org";
        await app.CreateUserAsync(email, role);
        var response = await app.Browser().PostFormAsync("/account/login", [new("Input.Email", email), new("Input.Password", TestUsers.Password)]);
        Assert.Equal(overview, response.Headers.Location?.OriginalString);

        var client = await app.SignedInBrowserAsync(email, role);
        var page = await client.GetStringAsync(overview, Ct);
        Assert.Contains(section, Html.Text(page));
        Assert.Contains($"href=\"{overview}\"", await client.GetStringAsync("/", Ct));
        // Only their own role reaches it.
        var advisor = await app.SignedInBrowserAsync($"kein-{role.ToLowerInvariant()}@example.org", Roles.Advisor);
        Assert.NotEqual(System.Net.HttpStatusCode.OK, (await advisor.GetAsync(overview, Ct)).StatusCode);
    }

    [Fact]
    public async Task Anonymous_visitors_see_no_signed_in_line()
    {
        var text = Html.Text(await app.Browser().GetStringAsync("/", Ct));
        Assert.DoesNotContain("Angemeldet als", text);
    }
}
