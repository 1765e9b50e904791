using System.Net;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Demo;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Beraterpool.Tests.Accounts;

/// <summary>Issue 8, item 10: passwords after NIST SP 800-63B — length and a list of common passwords, no composition rules.</summary>
public sealed class PasswordRulesTests(PasswordRulesTests.App app) : IClassFixture<PasswordRulesTests.App>
{
    public sealed class App() : TestApp(importGazetteer: false);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Identity's answer for a new account with this password: null when accepted, else the messages.</summary>
    private async Task<string?> RefusalAsync(string password, string? email = null, string? displayName = null)
    {
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("de");
        await using var scope = app.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        email ??= $"pw-{Guid.NewGuid():N}@example.org";
        var result = await users.CreateAsync(new AppUser { UserName = email, Email = email, DisplayName = displayName, CreatedAt = DateTimeOffset.UtcNow }, password);
        return result.Succeeded ? null : string.Join(" ", result.Errors.Select(e => e.Description));
    }

    [Theory]
    [InlineData("password12")]     // the review's example: accepted before
    [InlineData("passwort1234")]   // a listed word with digits appended
    [InlineData("Passwort-1234!")] // case, hyphen and symbols do not hide it
    [InlineData("123456789012")]
    public async Task A_common_or_leaked_password_is_refused(string password) =>
        Assert.NotNull(await RefusalAsync(password));

    [Fact]
    public async Task A_listed_password_is_refused_with_a_German_explanation() =>
        Assert.Contains("steht auf der Liste häufig verwendeter oder veröffentlichter Passwörter", await RefusalAsync("passwort1234"));

    [Fact]
    public async Task A_long_passphrase_without_digits_or_capitals_is_accepted()
    {
        const string passphrase = "grüne wiesen und blaue seen"; // 27 characters, no digit, no capital letter
        Assert.Equal(27, passphrase.Length);
        Assert.Null(await RefusalAsync(passphrase));
        Assert.Null(await RefusalAsync("lieber spät als nie zum rhein")); // 29
        Assert.Null(await RefusalAsync("wandernimherbstimsauerland"));    // 26, letters only
    }

    [Fact]
    public async Task A_28_character_passphrase_without_a_digit_is_accepted()
    {
        const string passphrase = "Morgens trinke ich gern Tee!";
        Assert.Equal(28, passphrase.Length);
        Assert.Null(await RefusalAsync(passphrase));
    }

    [Fact]
    public async Task Eleven_characters_are_refused_and_twelve_suffice()
    {
        Assert.Contains("mindestens 12 Zeichen", await RefusalAsync("kxqv-lemrta"));
        Assert.Null(await RefusalAsync("kxqv-lemrtaz"));
    }

    [Fact]
    public async Task More_than_128_characters_are_refused()
    {
        Assert.Null(await RefusalAsync(string.Join(" ", Enumerable.Repeat("apfelbaum", 12)) + "!!!!!!!"));
        Assert.Contains("höchstens 128 Zeichen", await RefusalAsync(new string('x', 60) + string.Join(" ", Enumerable.Repeat("kirsche", 9))));
    }

    [Fact]
    public async Task The_own_address_the_own_name_and_the_programme_name_are_refused()
    {
        Assert.Contains("E-Mail-Adresse", await RefusalAsync("marlene.kowalski-2026", email: "marlene.kowalski@example.org"));
        Assert.NotNull(await RefusalAsync("Ich bin Hanna Schrader!", displayName: "Hanna Schrader"));
        Assert.NotNull(await RefusalAsync("Mein Beraterpool-Zugang"));
    }

    [Fact]
    public async Task The_demo_password_stays_valid() => Assert.Null(await RefusalAsync(DemoAccounts.Password));

    [Fact]
    public void The_shipped_list_is_loaded_once_and_compared_ignoring_case()
    {
        var list = app.Services.GetRequiredService<CommonPasswordList>();
        Assert.Same(list, app.Services.GetRequiredService<CommonPasswordList>());
        Assert.True(list.Count > 40_000, $"only {list.Count} passwords");
        Assert.True(list.Contains("PassWord"));
    }

    [Fact]
    public async Task The_reset_form_explains_the_rules_and_refuses_a_listed_password_in_German()
    {
        await app.CreateUserAsync("zuruecksetzen-liste@example.org", Roles.Advisor);
        await app.Browser().PostFormAsync("/account/forgot-password", [new("Input.Email", "zuruecksetzen-liste@example.org")]);
        var link = TestUsers.LinkIn(app.LatestMail(), "/account/reset-password");
        var client = app.Browser();
        var form = await client.GetStringAsync(link, Ct);
        Assert.Contains("Mindestens 12 Zeichen. Ein Satz aus mehreren Wörtern ist gut zu merken", Html.Text(form));

        var refused = await client.PostFormAsync(link, FormFields.Of(form, "method=\"post\" novalidate")
            .Set("Input.Password", "password1234").Set("Input.ConfirmPassword", "password1234"), formPageUrl: link);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("steht auf der Liste häufig verwendeter", Html.Text(await refused.Content.ReadAsStringAsync(Ct)));

        var accepted = await client.PostFormAsync(link, FormFields.Of(form, "method=\"post\" novalidate")
            .Set("Input.Password", "zwei kleine eulen im wald").Set("Input.ConfirmPassword", "zwei kleine eulen im wald"), formPageUrl: link);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        await app.SignInAsync("zuruecksetzen-liste@example.org", "zwei kleine eulen im wald");
    }
}
