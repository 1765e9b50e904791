using System.Net;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Accounts;

namespace Beraterpool.Tests.Accounts;

public sealed class SignInTests(SignInTests.App app) : IClassFixture<SignInTests.App>
{
    public sealed class App() : TestApp(importGazetteer: false);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Right_password_signs_in_and_leads_a_coordinator_to_the_administration()
    {
        await app.CreateUserAsync("koordination1@example.org", Roles.Coordinator);
        var client = await app.SignInAsync("koordination1@example.org");
        var home = await client.GetAsync("/manage", Ct);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("Verwaltung", Html.Text(await home.Content.ReadAsStringAsync(Ct)));
    }

    [Fact]
    public async Task Wrong_password_shows_a_German_message_and_keeps_the_address()
    {
        await app.CreateUserAsync("falsch@example.org", Roles.Advisor);
        var response = await app.Browser().PostFormAsync("/account/login", [new("Input.Email", "falsch@example.org"), new("Input.Password", "nicht-das-passwort")]);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("E-Mail-Adresse oder Passwort ist falsch.", Html.Text(html));
        Assert.Contains("value=\"falsch@example.org\"", html);
        Assert.Contains("role=\"alert\"", html);
        Assert.Contains("<label class=\"kern-label\" for=\"Input_Email\">E-Mail-Adresse</label>", html);
        Assert.DoesNotContain("LocalizedHtmlString", html);
    }

    [Fact]
    public async Task Empty_form_names_each_missing_field_in_German()
    {
        var response = await app.Browser().PostFormAsync("/account/login", [new("Input.Email", ""), new("Input.Password", "")]);
        var text = Html.Text(await response.Content.ReadAsStringAsync(Ct));
        Assert.Contains("Bitte geben Sie Ihre E-Mail-Adresse an.", text);
        Assert.Contains("Bitte geben Sie Ihr Passwort an.", text);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        await app.CreateUserAsync("gesperrt@example.org", Roles.Advisor);
        for (var i = 0; i < 5; i++)
            await app.Browser().PostFormAsync("/account/login", [new("Input.Email", "gesperrt@example.org"), new("Input.Password", "falsch-" + i)]);
        var response = await app.Browser().PostFormAsync("/account/login", [new("Input.Email", "gesperrt@example.org"), new("Input.Password", TestUsers.Password)]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("für 15 Minuten gesperrt", Html.Text(await response.Content.ReadAsStringAsync(Ct)));
    }

    [Fact]
    public async Task A_local_return_address_is_honoured_and_a_foreign_one_ignored()
    {
        await app.CreateUserAsync("rueckkehr@example.org", Roles.Coordinator);
        var local = await app.Browser().PostFormAsync("/account/login?returnUrl=%2Fmanage%2Fadvisors",
            [new("Input.Email", "rueckkehr@example.org"), new("Input.Password", TestUsers.Password), new("ReturnUrl", "/manage/advisors")]);
        Assert.Equal("/manage/advisors", local.Headers.Location?.OriginalString);
        var foreign = await app.Browser().PostFormAsync("/account/login",
            [new("Input.Email", "rueckkehr@example.org"), new("Input.Password", TestUsers.Password), new("ReturnUrl", "https://evil.example/")]);
        Assert.Equal("/manage", foreign.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Signing_out_by_POST_ends_the_session()
    {
        var client = await app.SignedInAsync("abmelden@example.org", Roles.Coordinator);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/manage", Ct)).StatusCode);
        var logout = await client.PostFormAsync("/account/logout", [], formPageUrl: "/manage");
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        var after = await client.GetAsync("/manage", Ct);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/login", after.Headers.Location?.PathAndQuery ?? after.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_signed_in_user_without_the_role_gets_a_German_403_page()
    {
        var client = await app.SignedInAsync("nur-beraterin@example.org", Roles.Advisor);
        var response = await client.GetAsync("/manage/pools", Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var denied = await client.GetAsync(response.Headers.Location, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Contains("Kein Zugriff", Html.Text(await denied.Content.ReadAsStringAsync(Ct)));
    }

    [Fact]
    public async Task Forgot_password_answers_the_same_for_any_address_and_mails_only_real_accounts()
    {
        await app.CreateUserAsync("vergessen@example.org", Roles.Advisor);
        var before = app.MailCount();
        var unknown = await app.Browser().PostFormAsync("/account/forgot-password", [new("Input.Email", "niemand@example.org")]);
        Assert.Equal(before, app.MailCount());
        var known = await app.Browser().PostFormAsync("/account/forgot-password", [new("Input.Email", "vergessen@example.org")]);
        Assert.Equal(unknown.Headers.Location, known.Headers.Location);
        Assert.Equal(before + 1, app.MailCount());

        var mail = app.LatestMail();
        Assert.Contains("vergessen@example.org", mail);
        var link = TestUsers.LinkIn(mail, "/account/reset-password");
        var client = app.Browser();
        var reset = await client.PostFormAsync(link, FormFields.Of(await client.GetStringAsync(link, Ct), "method=\"post\" novalidate")
            .Set("Input.Password", "Neues-Passwort-456").Set("Input.ConfirmPassword", "Neues-Passwort-456"), formPageUrl: link);
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        await app.SignInAsync("vergessen@example.org", "Neues-Passwort-456");

        // The link is single-use.
        Assert.Contains("ungültig oder abgelaufen", Html.Text(await app.Browser().GetStringAsync(link, Ct)));
    }
}
