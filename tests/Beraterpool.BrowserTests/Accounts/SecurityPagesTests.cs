using Beraterpool.BrowserTests.Infrastructure;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Demo;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Beraterpool.BrowserTests.Accounts;

/// <summary>The pages of issue 8 as people meet them, at desktop and phone width: labelled, bad input explained, axe clean.</summary>
public sealed class SecurityPagesTests(BrowserApp app)
{
    private const string Password = "Sicheres-Passwort-2025";

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task The_two_factor_set_up_shows_the_key_and_explains_a_wrong_code(int width)
    {
        var email = await CreateUserAsync();
        var (context, page) = await app.NewPageAsync(width);
        await using var _ = context;
        await page.SignInAsync(email, Password);

        await page.GotoAsync("/account/two-factor");
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "QR-Code für die Authenticator-App" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Schlüssel:");
        await page.AssertNoAxeViolationsAsync();

        await page.GetByLabel("Code aus der App").FillAsync("000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Einschalten" }).ClickAsync();
        await Assertions.Expect(page.Locator("#error-summary, .kern-error").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Code aus der App")).ToHaveAttributeAsync("aria-invalid", "true");
        await page.AssertNoAxeViolationsAsync();
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scrolling");
    }

    [Fact]
    public async Task The_administrators_audit_view_filters_and_names_a_wrong_date_in_German()
    {
        var (context, page) = await app.NewPageAsync(390);
        await using var _ = context;
        await page.SignInAsync(DemoAccounts.Administrator, DemoAccounts.Password);

        await page.GotoAsync("/manage/audit");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Protokoll" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Anmeldung erfolgreich");
        await page.AssertNoAxeViolationsAsync();

        await page.GotoAsync("/manage/audit?from=2026-13-45");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Datum");
        await page.AssertNoAxeViolationsAsync();
    }

    [Theory]
    [InlineData("/account/login-two-factor")]
    [InlineData("/account/login-recovery-code")]
    [InlineData("/requests/link-renewed")]
    public async Task Public_pages_of_the_sign_in_and_link_steps_pass_axe(string path)
    {
        var (context, page) = await app.NewPageAsync(390);
        await using var _ = context;

        var response = await page.GotoAsync(path);

        Assert.Equal(200, response!.Status);
        await page.AssertNoAxeViolationsAsync();
    }

    [Fact]
    public async Task Signing_out_everywhere_is_offered_on_the_sign_out_page()
    {
        var email = await CreateUserAsync();
        var (context, page) = await app.NewPageAsync();
        await using var _ = context;
        await page.SignInAsync(email, Password);

        await page.GotoAsync("/account/logout");
        await page.AssertNoAxeViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Überall abmelden" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Hauptnavigation" }).GetByRole(AriaRole.Link, new() { Name = "Anmelden" })).ToBeVisibleAsync();
    }

    private async Task<string> CreateUserAsync()
    {
        var email = $"security-{Guid.NewGuid():N}@example.org";
        await using var scope = app.App.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var result = await users.CreateAsync(new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Sicherheit Test", CreatedAt = DateTimeOffset.UtcNow }, Password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        return email;
    }
}
