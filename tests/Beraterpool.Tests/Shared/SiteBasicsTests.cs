using System.Net;
using Beraterpool.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Tests.Shared;

/// <summary>Reads only (the language switch lives in each client's cookie), so one app serves the whole class.</summary>
public sealed class SiteBasicsTests(SiteBasicsTests.App _app) : IClassFixture<SiteBasicsTests.App>
{
    public sealed class App() : TestApp(importGazetteer: false);

    [Fact]
    public async Task Health_answers_200_when_the_database_answers()
    {
        var response = await _app.CreateClient().GetAsync("/health", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Unknown_address_shows_a_friendly_German_404()
    {
        var response = await _app.CreateClient().GetAsync("/gibt-es-nicht", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Seite nicht gefunden", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Pages_carry_the_security_headers()
    {
        var response = await _app.CreateClient().GetAsync("/", TestContext.Current.CancellationToken);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task Language_switch_turns_the_site_English_and_back()
    {
        var client = _app.Browser();
        var switched = await client.GetAsync("/culture?lang=en&returnUrl=%2F", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        var html = await client.GetStringAsync("/", TestContext.Current.CancellationToken);
        Assert.Contains("<html lang=\"en\">", html);
        Assert.Contains("Skip to content", html);
        await client.GetAsync("/culture?lang=fr&returnUrl=%2F", TestContext.Current.CancellationToken);
        var french = await client.GetAsync("/gibt-es-nicht", TestContext.Current.CancellationToken);
        Assert.Contains("Page introuvable", await french.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        await client.GetAsync("/culture?lang=de&returnUrl=%2F", TestContext.Current.CancellationToken);
        Assert.Contains("<html lang=\"de\">", await client.GetStringAsync("/", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Language_switch_refuses_to_redirect_off_site()
    {
        var response = await _app.Browser().GetAsync("/culture?lang=fr&returnUrl=https%3A%2F%2Fevil.example", TestContext.Current.CancellationToken);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }
}

public sealed class PoolQuotaTextTests : IAsyncLifetime
{
    private readonly TestApp _app = new(importGazetteer: false);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;
    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Footer_and_request_form_name_the_pools_own_annual_quota()
    {
        var pool = await _app.CreatePoolAsync("zwoelf");
        await _app.WithDbAsync(async db =>
        {
            await db.Pools.Where(p => p.Id == pool.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.AnnualDayQuota, 12), TestContext.Current.CancellationToken);
            return 0;
        });
        await _app.ChangedAsync(Beraterpool.Web.Data.DataVersions.Catalogue);

        var home = Html.Text(await _app.CreateClient().GetStringAsync("/", TestContext.Current.CancellationToken));
        Assert.Contains("bis zu 12 Beratungstage im Jahr", home);
        var form = Html.Text(await _app.CreateClient().GetStringAsync("/requests/new", TestContext.Current.CancellationToken));
        Assert.Contains("bis zu 12 Beratungstage im Jahr", form);
    }
}
