using System.Net;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Accounts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Beraterpool.Tests.Accounts;

/// <summary>
/// The review's probes (20 sign-ins and 8 reset mails in a row) meet the rate limits with their default settings:
/// 10 posts per form and client address and 5 per account name, each per 5 minutes. The client address comes from
/// a test header here, as the forwarded-headers set-up would put it there behind the proxy.
/// </summary>
public sealed class ThrottlingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>An app with the default limits whose clients may say which address they come from.</summary>
    private sealed class App : TestApp
    {
        public App() : base(importGazetteer: false)
        {
            // The production defaults (RequestRateLimit, AccountThrottle), in place of TestApp's generous ones.
            With("Accounts:RateLimit:PermitLimit", "10");
            With("Accounts:RateLimit:PerAccountPermitLimit", "5");
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(s => s.AddTransient<IStartupFilter, ClientAddressFromHeader>());
        }

        public HttpClient From(string address)
        {
            var client = Browser();
            client.DefaultRequestHeaders.Add(ClientAddressFromHeader.Header, address);
            return client;
        }
    }

    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public const string Header = "X-Test-Client-Address";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[Header].ToString(), out var address)) context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password = "falsches-passwort") =>
        client.PostFormAsync("/account/login", [new("Input.Email", email), new("Input.Password", password)]);

    [Fact]
    public async Task Twenty_sign_ins_in_a_row_from_one_address_meet_the_friendly_429_page_after_ten()
    {
        await using var app = new App();
        var client = app.From("203.0.113.7");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 20; i++) statuses.Add((await SignInAsync(client, $"probe{i}@example.org")).StatusCode);

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, 10).Concat(Enumerable.Repeat(HttpStatusCode.TooManyRequests, 10)), statuses);
        var refused = await SignInAsync(client, "probe@example.org");
        var text = Html.Text(await refused.Content.ReadAsStringAsync(Ct));
        Assert.Contains("Zu viele Anfragen", text);
        Assert.Contains("Bitte versuchen Sie es in", text);
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);
        Assert.Contains("kern-alert", await refused.Content.ReadAsStringAsync(Ct));

        // Only posts count, each form has its own budget, and another address is not affected.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/account/forgot-password", [new("Input.Email", "probe@example.org")])).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(app.From("203.0.113.8"), "probe@example.org")).StatusCode);
    }

    [Fact]
    public async Task Sign_ins_to_one_account_from_changing_addresses_are_limited_by_the_account_name_known_or_not()
    {
        await using var app = new App();
        await app.CreateUserAsync("ziel@example.org", Roles.Coordinator);
        foreach (var email in new[] { "ziel@example.org", "niemand-hier@example.org" })
        {
            for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.OK, (await SignInAsync(app.From($"198.51.100.{i + 1}"), email)).StatusCode);
            Assert.Equal(HttpStatusCode.TooManyRequests, (await SignInAsync(app.From("198.51.100.99"), email.ToUpperInvariant())).StatusCode);
        }
    }

    [Fact]
    public async Task Eight_reset_requests_in_a_row_send_five_mails_and_then_meet_the_limit()
    {
        await using var app = new App();
        await app.CreateUserAsync("postfach@example.org", Roles.Advisor);
        var client = app.From("192.0.2.10");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
            statuses.Add((await client.PostFormAsync("/account/forgot-password", [new("Input.Email", "postfach@example.org")])).StatusCode);

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Redirect, 5).Concat(Enumerable.Repeat(HttpStatusCode.TooManyRequests, 3)), statuses);
        Assert.Equal(5, app.MailCount());
    }

    [Fact]
    public async Task Setting_new_passwords_and_accepting_invitations_are_limited_per_address()
    {
        await using var app = new App();
        foreach (var form in new[] { "/account/reset-password", "/account/invitation" })
        {
            var client = app.From("192.0.2.20");
            var statuses = new List<HttpStatusCode>();
            for (var i = 0; i < 11; i++)
                statuses.Add((await client.PostFormAsync($"{form}?userId=nobody&code=AAAA", [new("Input.Password", "Irgendein-Passwort-1"), new("Input.ConfirmPassword", "Irgendein-Passwort-1")], formPageUrl: "/account/login")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, statuses[9]);
            Assert.Equal(HttpStatusCode.TooManyRequests, statuses[10]);
        }
    }
}
