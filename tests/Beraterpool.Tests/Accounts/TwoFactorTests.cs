using System.Net;
using System.Text.RegularExpressions;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beraterpool.Tests.Accounts;

/// <summary>Issue 8, item 9: sign-in with an authenticator app, required for administrators and coordinators.</summary>
public sealed partial class TwoFactorTests(TwoFactorTests.App app) : IClassFixture<TwoFactorTests.App>
{
    /// <summary>The production default, which the other test apps switch off.</summary>
    public sealed class App : TestApp
    {
        public App() : base(importGazetteer: false) => With(TwoFactorPolicy.SettingKey, "Administrator,Coordinator");
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record SetUp(string Key, IReadOnlyList<string> RecoveryCodes, string UsedCode);

    /// <summary>The app's next code (the server allows 30 seconds of clock drift): the set-up has just used the current one, and each is good once.</summary>
    private static string NextCode(string key) => Totp.Code(key, DateTimeOffset.UtcNow.AddSeconds(30));

    /// <summary>Reads the key off the set-up page as a person would type it into the app, and confirms the app's code.</summary>
    private static async Task<SetUp> SetUpAsync(HttpClient client)
    {
        var page = await client.GetStringAsync("/account/two-factor", Ct);
        Assert.Contains("<svg", page);
        var key = KeyRegex().Match(page) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("no key on the page");
        Assert.Matches("^([a-z2-7]{4} )+[a-z2-7]{1,4}$", key);
        var code = Totp.Code(key.Replace(" ", ""));
        var response = await client.PostFormAsync("/account/two-factor?handler=Enable",
            FormFields.Of(page, "handler=Enable").Set("Code", code), formPageUrl: "/account/two-factor");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        var codes = CodeRegex().Matches(html.Split("data-recovery-codes")[1].Split("</ul>")[0]).Select(c => c.Groups[1].Value).ToList();
        Assert.Equal(10, codes.Count);
        return new SetUp(key.Replace(" ", ""), codes, code);
    }

    private static async Task<HttpResponseMessage> PasswordStepAsync(HttpClient client, string email) =>
        await client.PostFormAsync("/account/login", [new("Input.Email", email), new("Input.Password", TestUsers.Password)]);

    private async Task<string> AuditActionsAsync(string email) => await app.WithDbAsync(async db =>
    {
        var id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(Ct);
        return string.Join(",", await db.AuditEntries.Where(a => a.UserId == id && a.Action.StartsWith("security.two-factor.")).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync(Ct));
    });

    [Fact]
    public async Task A_coordinator_without_an_app_is_sent_to_the_set_up_and_reaches_nothing_else_until_it_is_done()
    {
        await app.CreateUserAsync("koordination-2fa@example.org", Roles.Coordinator);
        var client = await app.SignInAsync("koordination-2fa@example.org");
        foreach (var url in new[] { "/manage", "/manage/advisors", "/", "/account/login" })
        {
            var blocked = await client.GetAsync(url, Ct);
            Assert.Equal(HttpStatusCode.Redirect, blocked.StatusCode);
            Assert.Equal("/account/two-factor", blocked.Headers.Location?.OriginalString);
        }
        var set = await client.GetAsync("/account/two-factor", Ct);
        Assert.Contains("vorgeschrieben", Html.Text(await set.Content.ReadAsStringAsync(Ct)));

        await SetUpAsync(client);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/manage", Ct)).StatusCode);
        Assert.Contains("security.two-factor.enabled", await AuditActionsAsync("koordination-2fa@example.org"));
    }

    [Fact]
    public async Task An_administrator_without_an_app_may_still_sign_out()
    {
        await app.CreateUserAsync("admin-2fa@example.org", Roles.Administrator);
        var client = await app.SignInAsync("admin-2fa@example.org");
        Assert.Equal("/account/two-factor", (await client.GetAsync("/manage", Ct)).Headers.Location?.OriginalString);
        var html = await client.GetStringAsync("/account/two-factor", Ct);
        var signOut = await client.PostAsync("/account/logout", new FormUrlEncodedContent([new("__RequestVerificationToken", Html.AntiforgeryToken(html))]), Ct);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Contains("/account/login", (await client.GetAsync("/manage", Ct)).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Two_factors_are_optional_for_an_advisor()
    {
        await app.CreateUserAsync("beraterin-frei@example.org", Roles.Advisor);
        var client = await app.SignInAsync("beraterin-frei@example.org");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/", Ct)).StatusCode);
        var page = Html.Text(await client.GetStringAsync("/account/two-factor", Ct));
        Assert.DoesNotContain("vorgeschrieben", page);
        Assert.Contains("Schlüssel:", page);
    }

    [Fact]
    public async Task After_set_up_sign_in_asks_for_the_code_refuses_a_wrong_one_and_accepts_the_right_one()
    {
        await app.CreateUserAsync("koordination-code@example.org", Roles.Coordinator);
        var setUp = await SetUpAsync(await app.SignInAsync("koordination-code@example.org"));

        var client = app.Browser();
        var password = await PasswordStepAsync(client, "koordination-code@example.org");
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        Assert.StartsWith("/account/login-two-factor", password.Headers.Location?.OriginalString);
        // The password alone signs nobody in.
        Assert.Contains("/account/login", (await client.GetAsync("/manage", Ct)).Headers.Location?.OriginalString);

        var wrongCode = NextCode(setUp.Key) == "000000" ? "111111" : "000000";
        var wrong = await client.PostFormAsync("/account/login-two-factor", [new("Input.Code", wrongCode)]);
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Der Code stimmt nicht.", Html.Text(await wrong.Content.ReadAsStringAsync(Ct)));

        var right = await client.PostFormAsync("/account/login-two-factor", [new("Input.Code", NextCode(setUp.Key))]);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal("/manage", right.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/manage", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_code_is_good_once_only()
    {
        await app.CreateUserAsync("koordination-einmal@example.org", Roles.Coordinator);
        var setUp = await SetUpAsync(await app.SignInAsync("koordination-einmal@example.org"));
        var client = app.Browser();
        await PasswordStepAsync(client, "koordination-einmal@example.org");
        var replayed = await client.PostFormAsync("/account/login-two-factor", [new("Input.Code", setUp.UsedCode)]);
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.Contains("Der Code stimmt nicht.", Html.Text(await replayed.Content.ReadAsStringAsync(Ct)));
        var next = NextCode(setUp.Key);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/account/login-two-factor", [new("Input.Code", next)])).StatusCode);

        var other = app.Browser();
        await PasswordStepAsync(other, "koordination-einmal@example.org");
        Assert.Equal(HttpStatusCode.OK, (await other.PostFormAsync("/account/login-two-factor", [new("Input.Code", next)])).StatusCode);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once_only()
    {
        await app.CreateUserAsync("beraterin-wiederherstellung@example.org", Roles.Advisor);
        var setUp = await SetUpAsync(await app.SignInAsync("beraterin-wiederherstellung@example.org"));
        var code = setUp.RecoveryCodes[3];

        var first = app.Browser();
        await PasswordStepAsync(first, "beraterin-wiederherstellung@example.org");
        var used = await first.PostFormAsync("/account/login-recovery-code", [new("Input.Code", code)]);
        Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/account/two-factor", Ct)).StatusCode);
        Assert.Contains("Es sind noch 9 Wiederherstellungscodes übrig.", Html.Text(await first.GetStringAsync("/account/two-factor", Ct)));

        var second = app.Browser();
        await PasswordStepAsync(second, "beraterin-wiederherstellung@example.org");
        var again = await second.PostFormAsync("/account/login-recovery-code", [new("Input.Code", code)]);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("Dieser Wiederherstellungscode stimmt nicht oder wurde schon benutzt.", Html.Text(await again.Content.ReadAsStringAsync(Ct)));
        Assert.Contains("security.two-factor.recovery-code-used", await AuditActionsAsync("beraterin-wiederherstellung@example.org"));
    }

    [Fact]
    public async Task Switching_off_needs_the_password_or_a_code_and_is_audited()
    {
        await app.CreateUserAsync("beraterin-aus@example.org", Roles.Advisor);
        var client = await app.SignInAsync("beraterin-aus@example.org");
        var setUp = await SetUpAsync(client);
        var page = await client.GetStringAsync("/account/two-factor", Ct);

        var wrong = await client.PostFormAsync("/account/two-factor?handler=Disable", FormFields.Of(page, "handler=RecoveryCodes").Set("Confirmation", "nicht-das-passwort"), formPageUrl: "/account/two-factor");
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Das Passwort oder der Code stimmt nicht.", Html.Text(await wrong.Content.ReadAsStringAsync(Ct)));
        Assert.True(await TwoFactorEnabledAsync("beraterin-aus@example.org"));

        var renewed = await client.PostFormAsync("/account/two-factor?handler=RecoveryCodes", FormFields.Of(page, "handler=RecoveryCodes").Set("Confirmation", NextCode(setUp.Key)), formPageUrl: "/account/two-factor");
        Assert.Equal(10, CodeRegex().Matches((await renewed.Content.ReadAsStringAsync(Ct)).Split("data-recovery-codes")[1].Split("</ul>")[0]).Count);

        var off = await client.PostFormAsync("/account/two-factor?handler=Disable", FormFields.Of(page, "handler=RecoveryCodes").Set("Confirmation", TestUsers.Password), formPageUrl: "/account/two-factor");
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.False(await TwoFactorEnabledAsync("beraterin-aus@example.org"));
        Assert.Equal("security.two-factor.enabled,security.two-factor.enabled,security.two-factor.disabled", await AuditActionsAsync("beraterin-aus@example.org"));
        // The password alone signs in again.
        Assert.Equal(HttpStatusCode.Redirect, (await PasswordStepAsync(app.Browser(), "beraterin-aus@example.org")).StatusCode);
    }

    [Fact]
    public async Task A_coordinator_who_switches_it_off_must_set_up_a_new_key_at_once()
    {
        await app.CreateUserAsync("koordination-neu@example.org", Roles.Coordinator);
        var client = await app.SignInAsync("koordination-neu@example.org");
        var old = await SetUpAsync(client);
        var page = await client.GetStringAsync("/account/two-factor", Ct);
        Assert.Contains("Neues Telefon einrichten", Html.Text(page));

        var off = await client.PostFormAsync("/account/two-factor?handler=Disable", FormFields.Of(page, "handler=RecoveryCodes").Set("Confirmation", TestUsers.Password), formPageUrl: "/account/two-factor");
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.Equal("/account/two-factor", (await client.GetAsync("/manage", Ct)).Headers.Location?.OriginalString);
        var renewed = await SetUpAsync(client);
        Assert.NotEqual(old.Key, renewed.Key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/manage", Ct)).StatusCode);
        Assert.Equal("security.two-factor.enabled,security.two-factor.disabled,security.two-factor.enabled", await AuditActionsAsync("koordination-neu@example.org"));
    }

    [Fact]
    public async Task A_remembered_device_is_not_asked_for_the_code_again()
    {
        await app.CreateUserAsync("beraterin-geraet@example.org", Roles.Advisor);
        var setUp = await SetUpAsync(await app.SignInAsync("beraterin-geraet@example.org"));
        var client = app.Browser();
        await PasswordStepAsync(client, "beraterin-geraet@example.org");
        var remembered = await client.PostFormAsync("/account/login-two-factor", [new("Input.Code", NextCode(setUp.Key)), new("Input.RememberMachine", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, remembered.StatusCode);
        var page = await client.GetStringAsync("/account/two-factor", Ct);
        await client.PostAsync("/account/logout", new FormUrlEncodedContent([new("__RequestVerificationToken", Html.AntiforgeryToken(page))]), Ct);

        var again = await PasswordStepAsync(client, "beraterin-geraet@example.org");
        Assert.DoesNotContain("login-two-factor", again.Headers.Location?.OriginalString);
        Assert.StartsWith("/account/login-two-factor", (await PasswordStepAsync(app.Browser(), "beraterin-geraet@example.org")).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_wrong_code_at_set_up_is_explained_and_leaves_it_off()
    {
        await app.CreateUserAsync("beraterin-tippfehler@example.org", Roles.Advisor);
        var client = await app.SignInAsync("beraterin-tippfehler@example.org");
        var page = await client.GetStringAsync("/account/two-factor", Ct);
        var response = await client.PostFormAsync("/account/two-factor?handler=Enable", FormFields.Of(page, "handler=Enable").Set("Code", "12345"), formPageUrl: "/account/two-factor");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Der Code stimmt nicht.", Html.Text(await response.Content.ReadAsStringAsync(Ct)));
        Assert.False(await TwoFactorEnabledAsync("beraterin-tippfehler@example.org"));
    }

    [Fact]
    public async Task The_second_step_without_a_password_step_sends_back_to_the_sign_in()
    {
        foreach (var url in new[] { "/account/login-two-factor", "/account/login-recovery-code" })
        {
            var client = app.Browser();
            Assert.Contains("Bitte melden Sie sich zuerst mit E-Mail-Adresse und Passwort an.", Html.Text(await client.GetStringAsync(url, Ct)));
            var token = Html.AntiforgeryToken(await client.GetStringAsync("/account/login", Ct));
            var post = await client.PostAsync(url, new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Input.Code", "123456")]), Ct);
            Assert.Equal(HttpStatusCode.OK, post.StatusCode);
            Assert.Contains("/account/login", (await client.GetAsync("/account/two-factor", Ct)).Headers.Location?.OriginalString);
        }
    }

    private async Task<bool> TwoFactorEnabledAsync(string email)
    {
        await using var scope = app.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return (await users.FindByEmailAsync(email))!.TwoFactorEnabled;
    }

    [GeneratedRegex("data-shared-key>([^<]+)</code>")]
    private static partial Regex KeyRegex();

    [GeneratedRegex("<code>([^<]+)</code>")]
    private static partial Regex CodeRegex();
}
