using System.Net;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Beraterpool.Tests.Accounts;

/// <summary>
/// Sessions end when they should: a copied cookie dies with the sign-out, a password reset or a role change ends the
/// sessions within the stamp check's minute, and no session lives longer than 12 hours or idles longer than one.
/// Each test has its own app and clock, so advancing time touches no other test.
/// </summary>
public sealed class SessionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static TestApp NewApp(FakeTimeProvider time) => new TestApp(importGazetteer: false).WithTime(time);

    /// <summary>Signs in through the page and also hands out a second client holding a copy of the session cookie.</summary>
    private static async Task<(HttpClient Browser, HttpClient Copy)> SignInWithCopyAsync(TestApp app, string email)
    {
        var browser = app.Browser();
        var response = await browser.PostFormAsync("/account/login", [new("Input.Email", email), new("Input.Password", TestUsers.Password)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var setCookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("beraterpool.auth="));
        var value = setCookie["beraterpool.auth=".Length..setCookie.IndexOf(';')];
        var cookies = new CookieContainer();
        cookies.Add(new Uri("http://localhost"), new Cookie("beraterpool.auth", value));
        return (browser, app.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies)));
    }

    private static async Task<bool> StillSignedInAsync(HttpClient client)
    {
        var response = await client.GetAsync("/manage", Ct);
        if (response.StatusCode == HttpStatusCode.OK) return true;
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location?.PathAndQuery ?? response.Headers.Location?.OriginalString);
        return false;
    }

    [Fact]
    public async Task A_cookie_copied_before_sign_out_is_refused_once_the_stamp_is_checked()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = NewApp(time);
        await app.CreateUserAsync("kopie@example.org", Roles.Coordinator);
        var (browser, copy) = await SignInWithCopyAsync(app, "kopie@example.org");
        Assert.True(await StillSignedInAsync(copy));

        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostFormAsync("/account/logout", [], formPageUrl: "/manage")).StatusCode);
        time.Advance(TimeSpan.FromMinutes(2));

        Assert.False(await StillSignedInAsync(copy));
    }

    [Fact]
    public async Task A_password_reset_ends_the_sessions_that_were_open()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = NewApp(time);
        await app.CreateUserAsync("zuruecksetzen@example.org", Roles.Coordinator);
        var (session, _) = await SignInWithCopyAsync(app, "zuruecksetzen@example.org");
        Assert.True(await StillSignedInAsync(session));

        await app.Browser().PostFormAsync("/account/forgot-password", [new("Input.Email", "zuruecksetzen@example.org")]);
        var link = TestUsers.LinkIn(app.LatestMail(), "/account/reset-password");
        var other = app.Browser();
        var reset = await other.PostFormAsync(link, FormFields.Of(await other.GetStringAsync(link, Ct), "method=\"post\" novalidate")
            .Set("Input.Password", "Neues-Passwort-789").Set("Input.ConfirmPassword", "Neues-Passwort-789"), formPageUrl: link);
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        time.Advance(TimeSpan.FromMinutes(2));

        Assert.False(await StillSignedInAsync(session));
        await app.SignInAsync("zuruecksetzen@example.org", "Neues-Passwort-789");
    }

    [Fact]
    public async Task Signing_out_everywhere_ends_the_sessions_on_other_devices_and_is_audited()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = NewApp(time);
        var user = await app.CreateUserAsync("ueberall@example.org", Roles.Coordinator);
        var laptop = await app.SignInAsync("ueberall@example.org");
        var phone = await app.SignInAsync("ueberall@example.org");

        var page = await laptop.GetStringAsync("/account/logout", Ct);
        Assert.Contains("Überall abmelden", Html.Text(page));
        var response = await laptop.PostFormAsync("/account/logout?handler=Everywhere", [], formPageUrl: "/account/logout");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        time.Advance(TimeSpan.FromMinutes(2));

        Assert.False(await StillSignedInAsync(phone));
        Assert.False(await StillSignedInAsync(laptop));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "security.signed-out-everywhere" && e.UserId == user.Id)));
    }

    [Fact]
    public async Task A_role_granted_to_a_signed_in_account_ends_its_sessions_so_it_signs_in_with_the_new_rights()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = NewApp(time);
        var user = await app.CreateUserAsync("neue-rolle@example.org", Roles.Coordinator);
        var session = await app.SignInAsync("neue-rolle@example.org");
        var before = user.SecurityStamp;

        await using (var scope = app.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            Assert.True((await users.AddToRoleAsync((await users.FindByIdAsync(user.Id))!, Roles.Advisor)).Succeeded);
        }
        time.Advance(TimeSpan.FromMinutes(2));

        Assert.NotEqual(before, await app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.SecurityStamp).SingleAsync()));
        Assert.False(await StillSignedInAsync(session));
    }

    [Fact]
    public async Task A_session_in_use_ends_twelve_hours_after_signing_in()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = NewApp(time);
        await app.CreateUserAsync("zwoelf@example.org", Roles.Coordinator);
        var session = await app.SignInAsync("zwoelf@example.org");
        for (var minutes = 0; minutes < 11 * 60 + 45; minutes += 45)
        {
            Assert.True(await StillSignedInAsync(session), $"still signed in after {minutes} minutes of use");
            time.Advance(TimeSpan.FromMinutes(45));
        }
        time.Advance(TimeSpan.FromMinutes(30)); // 12 h 15 min after signing in, last used 30 minutes ago

        Assert.False(await StillSignedInAsync(session));
    }

    [Fact]
    public async Task A_session_left_alone_for_more_than_an_hour_ends()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = NewApp(time);
        await app.CreateUserAsync("pause@example.org", Roles.Coordinator);
        var session = await app.SignInAsync("pause@example.org");
        time.Advance(TimeSpan.FromMinutes(50));
        Assert.True(await StillSignedInAsync(session));

        time.Advance(TimeSpan.FromMinutes(61));

        Assert.False(await StillSignedInAsync(session));
    }

    [Fact]
    public async Task The_idle_timeout_and_the_absolute_lifetime_come_from_configuration()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = NewApp(time).With("Accounts:Session:IdleTimeout", "00:10:00").With("Accounts:Session:AbsoluteLifetime", "00:25:00");
        await app.CreateUserAsync("einstellung@example.org", Roles.Coordinator);
        var idle = await app.SignInAsync("einstellung@example.org");
        var busy = await app.SignInAsync("einstellung@example.org");
        for (var i = 0; i < 3; i++)
        {
            time.Advance(TimeSpan.FromMinutes(8));
            Assert.True(await StillSignedInAsync(busy), $"used every 8 minutes, still signed in after {8 * (i + 1)} minutes");
        }
        Assert.False(await StillSignedInAsync(idle)); // 24 minutes without a request

        time.Advance(TimeSpan.FromMinutes(2));
        Assert.False(await StillSignedInAsync(busy)); // 26 minutes after signing in
    }
}
