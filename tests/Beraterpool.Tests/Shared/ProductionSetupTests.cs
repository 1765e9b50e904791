using System.Net;
using Beraterpool.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace Beraterpool.Tests.Shared;

/// <summary>Behind the reverse proxy in production (issue 8, items 13 and 15): forwarded headers, HSTS, Secure cookies, own hosts only.</summary>
public sealed class ProductionSetupTests(ProductionSetupTests.App app) : IClassFixture<ProductionSetupTests.App>
{
    private const string Proxy = "10.0.0.5";

    public sealed class App : TestApp
    {
        public App() : base(importGazetteer: false) =>
            With("environment", "Production")
                .With("App:PublicUrl", "https://beraterpool.example")
                .With("Proxy:KnownProxies", Proxy)
                .With("DataProtection:CertificatePath", TestCertificates.CreatePfx(Path.Combine(Folder, "keys")));
    }

    private Task<HttpContext> SendAsync(string path, string from, string host = "beraterpool.example", string? forwardedProto = "https") =>
        app.Server.SendAsync(c =>
        {
            c.Request.Method = "GET";
            c.Request.Path = path;
            c.Request.Host = new HostString(host);
            c.Connection.RemoteIpAddress = IPAddress.Parse(from);
            if (forwardedProto is not null) c.Request.Headers["X-Forwarded-Proto"] = forwardedProto;
            c.Request.Headers["X-Forwarded-For"] = "198.51.100.23";
        });

    [Fact]
    public async Task Https_forwarded_by_the_known_proxy_gets_hsts_and_secure_cookies()
    {
        var context = await SendAsync("/account/login", from: Proxy);

        Assert.Equal(200, context.Response.StatusCode);
        Assert.StartsWith("max-age=31536000", context.Response.Headers.StrictTransportSecurity.ToString());
        var cookies = context.Response.Headers.SetCookie.ToArray();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Forwarded_headers_from_anyone_else_are_ignored()
    {
        var context = await SendAsync("/account/login", from: "203.0.113.9");

        Assert.Equal(200, context.Response.StatusCode);
        Assert.Empty(context.Response.Headers.StrictTransportSecurity.ToString());
        Assert.Equal("203.0.113.9", context.Connection.RemoteIpAddress?.ToString());
    }

    [Fact]
    public async Task The_client_address_is_taken_from_the_known_proxy()
    {
        var context = await SendAsync("/", from: Proxy);

        Assert.Equal("198.51.100.23", context.Connection.RemoteIpAddress?.ToString());
    }

    [Fact]
    public async Task A_foreign_host_name_is_refused()
    {
        var context = await SendAsync("/account/forgot-password", from: Proxy, host: "evil.example");

        Assert.Equal(400, context.Response.StatusCode);
    }

    [Fact]
    public async Task The_demo_seed_refuses_to_run_in_production()
    {
        await using var demo = new TestApp(demo: true, importGazetteer: false).With("environment", "Production")
            .With("App:PublicUrl", "https://beraterpool.example")
            .With("DataProtection:CertificatePath", TestCertificates.CreatePfx(Path.Combine(app.Folder, "keys")));
        var error = await Assert.ThrowsAnyAsync<Exception>(async () => await demo.InitializeAsync());
        Assert.Contains("Demo:Seed", error.ToString());
    }
}

/// <summary>The developer's machine (./run.sh) keeps plain HTTP.</summary>
public sealed class DevelopmentHttpTests(DevelopmentHttpTests.App app) : IClassFixture<DevelopmentHttpTests.App>
{
    public sealed class App() : TestApp(importGazetteer: false);

    [Fact]
    public async Task Plain_http_gets_cookies_without_secure_and_no_hsts()
    {
        var response = await app.Browser().GetAsync("/account/login", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        Assert.All(response.Headers.GetValues("Set-Cookie"), c => Assert.DoesNotContain("secure", c, StringComparison.OrdinalIgnoreCase));
    }
}
