using System.Net;
using Beraterpool.Web.Data;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Email;
using Beraterpool.Web.Features.Pools;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Beraterpool.Tests.Email;

/// <summary>Links in mails come from <c>App:PublicUrl</c> and the pool's settings, never from the request.</summary>
public sealed class MailLinkTests(MailLinkTests.App app) : IClassFixture<MailLinkTests.App>
{
    public sealed class App : TestApp
    {
        public App() : base(importGazetteer: false) => With("App:PublicUrl", "https://beraterpool.example/");
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Forgot_password_with_a_forged_host_header_mails_a_link_to_the_configured_address()
    {
        await app.CreatePoolAsync("standard");
        var evilPool = await app.CreatePoolAsync("fremd");
        await app.WithDbAsync(db => db.Pools.Where(p => p.Id == evilPool.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Host, "evil.example"), Ct));
        await app.ChangedAsync(DataVersions.Catalogue);
        await app.CreateUserAsync("opfer@example.org", Roles.Advisor);
        var attacker = app.Browser();
        attacker.DefaultRequestHeaders.Host = "evil.example";
        // The forged header does reach the app: it chooses the pool of that host.
        Assert.Contains("Marke fremd", Html.Text(await attacker.GetStringAsync("/", Ct)));

        var response = await attacker.PostFormAsync("/account/forgot-password", [new("Input.Email", "opfer@example.org")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var mail = app.LatestMail();
        Assert.Contains("opfer@example.org", mail);
        Assert.Contains("https://beraterpool.example/account/reset-password?userId=", mail);
        Assert.DoesNotContain("evil.example", mail);
    }

    [Fact]
    public void Pool_links_use_the_pools_own_host_else_its_prefix_and_the_default_pool_the_bare_site()
    {
        var links = new PublicLinks(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["App:PublicUrl"] = "https://pool.example/app/" }).Build());
        PoolInfo Pool(string slug, string? host, bool isDefault) => new(1, slug, slug, slug, null, "x@example.org", ["05"], host, isDefault, false, 20, 250m);

        Assert.Equal("https://pool.example/app", links.Site);
        Assert.Equal("https://pool.example/app", links.Pool(null));
        Assert.Equal("https://pool.example/app", links.Pool(Pool("nrw", null, isDefault: true)));
        Assert.Equal("https://pool.example/app/pool/bw", links.Pool(Pool("bw", null, isDefault: false)));
        Assert.Equal("https://miglobe-bw.example", links.Pool(Pool("bw", "miglobe-bw.example", isDefault: false)));
    }
}
