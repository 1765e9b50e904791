using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beraterpool.Tests.Audit;

/// <summary>Security events land in the audit log with the account as subject, never with a password, token or full address.</summary>
public sealed class SecurityEventTests(SecurityEventTests.App app) : IClassFixture<SecurityEventTests.App>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public sealed class App() : TestApp(importGazetteer: false);

    private Task<List<AuditEntry>> EntriesAboutAsync(string userId) =>
        app.WithDbAsync(db => db.AuditEntries.Where(e => e.Subject == "user:" + userId).OrderBy(e => e.Id).ToListAsync());

    [Fact]
    public async Task Sign_in_reset_request_and_reset_are_recorded_by_the_account_without_the_link_or_password()
    {
        var user = await app.CreateUserAsync("ereignisse@example.org", Roles.Advisor);
        await app.SignInAsync("ereignisse@example.org");
        await app.Browser().PostFormAsync("/account/forgot-password", [new("Input.Email", "ereignisse@example.org")]);
        var link = TestUsers.LinkIn(app.LatestMail(), "/account/reset-password");
        var client = app.Browser();
        await client.PostFormAsync(link, FormFields.Of(await client.GetStringAsync(link, Ct), "method=\"post\" novalidate")
            .Set("Input.Password", "Ganz-Neues-Passwort-1").Set("Input.ConfirmPassword", "Ganz-Neues-Passwort-1"), formPageUrl: link);

        var entries = await EntriesAboutAsync(user.Id);
        Assert.Equal(["security.role.granted", "security.sign-in.succeeded", "security.password.reset-requested", "security.password.reset"],
            entries.Select(e => e.Action));
        Assert.Equal(user.Id, entries.Single(e => e.Action == "security.sign-in.succeeded").UserId);
        Assert.Null(entries.Single(e => e.Action == "security.password.reset-requested").UserId); // anyone may ask
        var code = Uri.UnescapeDataString(link[(link.IndexOf("code=", StringComparison.Ordinal) + 5)..]);
        Assert.All(entries, e =>
        {
            Assert.DoesNotContain("ereignisse@", e.Details ?? "");
            Assert.DoesNotContain("Passwort", e.Details ?? "");
            Assert.DoesNotContain(code, e.Details ?? "");
        });
    }

    [Fact]
    public async Task Granting_and_removing_a_role_are_recorded_with_the_role_and_a_refused_grant_leaves_nothing_behind()
    {
        var user = await app.CreateUserAsync("rollen@example.org");
        await using (var scope = app.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var account = (await users.FindByIdAsync(user.Id))!;
            Assert.True((await users.AddToRoleAsync(account, Roles.Reviewer)).Succeeded);
            Assert.False((await users.AddToRoleAsync(account, Roles.Reviewer)).Succeeded); // already holds it
            Assert.True((await users.RemoveFromRoleAsync(account, Roles.Reviewer)).Succeeded);
        }

        var entries = await EntriesAboutAsync(user.Id);
        Assert.Equal([("security.role.granted", "role=Reviewer"), ("security.role.removed", "role=Reviewer")],
            entries.Select(e => (e.Action, e.Details)));
    }
}
