using Beraterpool.BrowserTests.Infrastructure;
using Beraterpool.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Beraterpool.BrowserTests.Accounts;

public sealed class SignInTests(BrowserApp app)
{
    private const string Password = "Sicheres-Passwort-2025";

    [Fact]
    public async Task Sign_in_page_has_labelled_fields_and_no_axe_violations()
    {
        var (context, page) = await app.NewPageAsync();
        await using var _ = context;

        var response = await page.GotoAsync("/account/login");

        Assert.Equal(200, response!.Status);
        await Assertions.Expect(page.GetByLabel("E-Mail-Adresse")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Passwort", new() { Exact = true })).ToHaveAttributeAsync("type", "password");
        await page.AssertNoAxeViolationsAsync();
    }

    [Fact]
    public async Task A_user_signs_in_from_the_navigation_and_out_again()
    {
        var email = await CreateUserAsync();
        var (context, page) = await app.NewPageAsync();
        await using var _ = context;
        await page.GotoAsync("/");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hauptnavigation" }).GetByRole(AriaRole.Link, new() { Name = "Anmelden" }).ClickAsync();
        await page.GetByLabel("E-Mail-Adresse").FillAsync(email);
        await page.GetByLabel("Passwort", new() { Exact = true }).FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();

        var signOut = page.GetByRole(AriaRole.Button, new() { Name = "Abmelden" });
        await Assertions.Expect(signOut).ToBeVisibleAsync();
        await page.AssertNoAxeViolationsAsync();

        await signOut.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Hauptnavigation" }).GetByRole(AriaRole.Link, new() { Name = "Anmelden" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_wrong_password_keeps_the_email_and_explains_the_error_accessibly()
    {
        var email = await CreateUserAsync();
        var (context, page) = await app.NewPageAsync();
        await using var _ = context;
        await page.GotoAsync("/account/login");

        await page.GetByLabel("E-Mail-Adresse").FillAsync(email);
        await page.GetByLabel("Passwort", new() { Exact = true }).FillAsync("falsches-Passwort-123");
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("E-Mail-Adresse")).ToHaveValueAsync(email);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Abmelden" })).ToHaveCountAsync(0);
        await page.AssertNoAxeViolationsAsync();
    }

    /// <summary>A fresh account of this test's own, so the journey depends on no demo credentials.</summary>
    private async Task<string> CreateUserAsync()
    {
        var email = $"browser-{Guid.NewGuid():N}@example.org";
        await using var scope = app.App.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var result = await users.CreateAsync(new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Browser Test", CreatedAt = DateTimeOffset.UtcNow }, Password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        return email;
    }
}
