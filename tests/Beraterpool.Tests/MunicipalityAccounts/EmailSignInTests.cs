using System.Net;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Tests.Requests;
using Beraterpool.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Beraterpool.Tests.MunicipalityAccounts;

/// <summary>"Per E-Mail-Link anmelden": once, for 30 minutes, for municipality contacts only, and silent about who has an account.</summary>
public sealed class EmailSignInTests(EmailSignInTests.App app) : IClassFixture<EmailSignInTests.App>
{
    public sealed class App : TestApp
    {
        public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);
        public int Pool { get; private set; }

        public App() : base(importGazetteer: false)
        {
            WithTime(Time);
            With("Requests:RateLimit:PermitLimit", "1000");
        }

        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            await this.SeedRegisterAsync();
            Pool = (await this.CreatePoolAsync("anmeldelink")).Id;
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> AskForLinkAsync(string email)
    {
        // The outbox names mails by the app's clock: a step keeps them in sending order.
        app.Time.Advance(TimeSpan.FromSeconds(1));
        var response = await app.Browser().PostFormAsync("/account/email-link", [new("Input.Email", email)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }

    private string LinkTo(string email) => TestUsers.LinkIn(app.MailsTo(email).Last(), "/account/email-link/sign-in");

    // The anti-forgery token from the request form: a spent link's page has no form of its own.
    private static async Task<HttpResponseMessage> UseAsync(HttpClient browser, string link) =>
        await browser.PostFormAsync(link, [], "/account/email-link");

    [Fact]
    public async Task The_link_signs_in_once()
    {
        await app.CreateUserAsync("einmal@koeln.example", Roles.MunicipalityContact);
        await AskForLinkAsync("einmal@koeln.example");
        var link = LinkTo("einmal@koeln.example");

        var browser = app.Browser();
        // Opening the link (as a mail scanner would) signs nobody in and spends nothing.
        Assert.Contains("Jetzt anmelden", await browser.GetStringAsync(link, Ct));
        var response = await UseAsync(browser, link);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/municipality", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/municipality", Ct)).StatusCode);

        var again = app.Browser();
        Assert.Contains("ungültig, abgelaufen oder schon benutzt", Html.Text(await again.GetStringAsync(link, Ct)));
        var second = await UseAsync(again, link);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await again.GetAsync("/municipality", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_link_expires_after_30_minutes()
    {
        await app.CreateUserAsync("ablauf@koeln.example", Roles.MunicipalityContact);
        await AskForLinkAsync("ablauf@koeln.example");
        var link = LinkTo("ablauf@koeln.example");
        Assert.Contains("30 Minuten", app.MailsTo("ablauf@koeln.example").Last());

        app.Time.Advance(TimeSpan.FromMinutes(31));
        var browser = app.Browser();
        Assert.Equal(HttpStatusCode.OK, (await UseAsync(browser, link)).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await browser.GetAsync("/municipality", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_newer_link_ends_the_older_one()
    {
        await app.CreateUserAsync("neuer@koeln.example", Roles.MunicipalityContact);
        await AskForLinkAsync("neuer@koeln.example");
        var older = LinkTo("neuer@koeln.example");
        await AskForLinkAsync("neuer@koeln.example");
        var newer = LinkTo("neuer@koeln.example");
        Assert.NotEqual(older, newer);

        Assert.Equal(HttpStatusCode.OK, (await UseAsync(app.Browser(), older)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await UseAsync(app.Browser(), newer)).StatusCode);
    }

    [Fact]
    public async Task Coordinators_administrators_and_unknown_addresses_get_the_same_answer_and_no_link()
    {
        await app.CreateUserAsync("koordination@anmeldelink.example", Roles.Coordinator);
        await app.CreateUserAsync("zwei-rollen@anmeldelink.example", Roles.MunicipalityContact, Roles.Administrator);
        var known = await AskForLinkAsync("koordination@anmeldelink.example");
        var twoRoles = await AskForLinkAsync("zwei-rollen@anmeldelink.example");
        var unknown = await AskForLinkAsync("niemand@anmeldelink.example");

        Assert.Equal(unknown, known);
        Assert.Equal(unknown, twoRoles);
        Assert.Empty(app.MailsTo("koordination@anmeldelink.example"));
        Assert.Empty(app.MailsTo("zwei-rollen@anmeldelink.example"));
        Assert.Empty(app.MailsTo("niemand@anmeldelink.example"));
    }

    [Fact]
    public async Task The_tracking_page_sends_the_link_to_the_account_of_the_request()
    {
        var user = await app.CreateUserAsync("verfolgt@koeln.example", Roles.MunicipalityContact);
        var (_, token) = await app.CreateRequestAsync(app.Pool, email: "verfolgt@koeln.example", contactUserId: user.Id);
        var browser = app.Browser();
        var html = await browser.GetStringAsync($"/requests/track/{token}", Ct);
        Assert.Contains("Per E-Mail-Link anmelden", html);

        app.Time.Advance(TimeSpan.FromSeconds(1));
        var response = await browser.PostFormAsync($"/requests/track/{token}?handler=SignInLink", [], $"/requests/track/{token}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(token, response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await UseAsync(app.Browser(), LinkTo("verfolgt@koeln.example"))).StatusCode);
    }

    [Fact]
    public async Task Too_many_links_for_one_address_are_refused()
    {
        await using var strict = new TestApp(importGazetteer: false).With("Accounts:RateLimit:PerAccountPermitLimit", "2");
        await strict.CreatePoolAsync("streng");
        await strict.CreateUserAsync("viel@koeln.example", Roles.MunicipalityContact);
        for (var i = 0; i < 2; i++)
            Assert.Equal(HttpStatusCode.Redirect, (await strict.Browser().PostFormAsync("/account/email-link", [new("Input.Email", "viel@koeln.example")])).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await strict.Browser().PostFormAsync("/account/email-link", [new("Input.Email", "viel@koeln.example")])).StatusCode);
    }

    [Fact]
    public async Task A_link_confirms_the_address_of_an_account_created_from_the_tracking_page()
    {
        var (_, token) = await app.CreateRequestAsync(app.Pool, email: "bestaetigt@koeln.example");
        app.Time.Advance(TimeSpan.FromSeconds(1));
        await app.Browser().PostFormAsync($"/requests/track/{token}?handler=Account", [], $"/requests/track/{token}");
        Assert.False(await app.WithDbAsync(db => db.Users.Where(u => u.Email == "bestaetigt@koeln.example").Select(u => u.EmailConfirmed).SingleAsync(Ct)));

        await AskForLinkAsync("bestaetigt@koeln.example");
        Assert.Equal(HttpStatusCode.Redirect, (await UseAsync(app.Browser(), LinkTo("bestaetigt@koeln.example"))).StatusCode);
        Assert.True(await app.WithDbAsync(db => db.Users.Where(u => u.Email == "bestaetigt@koeln.example").Select(u => u.EmailConfirmed).SingleAsync(Ct)));
    }
}
