using System.Net;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Beraterpool.Tests.Accounts;

public sealed class InvitationTests(InvitationTests.App app) : IClassFixture<InvitationTests.App>
{
    public sealed class App() : TestApp(importGazetteer: false);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> InviteAsync(string email, string culture = "de")
    {
        await using var scope = app.Scope();
        var invitations = scope.ServiceProvider.GetRequiredService<Invitations>();
        var result = await invitations.EnsureUserAsync(email, "Amara Test", Roles.Advisor, culture);
        await invitations.SendAsync(result.User!, "MiGlobe NRW", Ct);
        return app.LatestMail();
    }

    [Fact]
    public async Task Invitation_mail_lands_in_the_outbox_and_its_link_sets_the_password_and_signs_in()
    {
        var mail = await InviteAsync("eingeladen@example.org");
        Assert.Contains("Einladung zum Beraterpool MiGlobe NRW", mail);
        var link = TestUsers.LinkIn(mail, "/account/invitation");

        var client = app.Browser();
        var page = await client.GetStringAsync(link, Ct);
        Assert.Contains("eingeladen@example.org", Html.Text(page));
        var accepted = await client.PostFormAsync(link, FormFields.Of(page, "method=\"post\" novalidate")
            .Set("Input.Password", "Mein-erstes-Passwort-1").Set("Input.ConfirmPassword", "Mein-erstes-Passwort-1"), formPageUrl: link);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal("/me", accepted.Headers.Location?.OriginalString);
        // Signed in: the advisor's page answers (no redirect to the sign-in).
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/me/profile", Ct)).StatusCode);
        await app.SignInAsync("eingeladen@example.org", "Mein-erstes-Passwort-1");

        Assert.Contains("schon angenommen", Html.Text(await app.Browser().GetStringAsync(link, Ct)));
    }

    [Fact]
    public async Task Invitation_is_written_in_the_recipients_language()
    {
        var mail = await InviteAsync("english@example.org", "en");
        Assert.Contains("Invitation to the advisor pool MiGlobe NRW", mail);
    }

    [Fact]
    public async Task Mismatched_passwords_are_refused_with_the_input_kept_out_and_a_German_message()
    {
        var link = TestUsers.LinkIn(await InviteAsync("tippfehler@example.org"), "/account/invitation");
        var client = app.Browser();
        var response = await client.PostFormAsync(link, [new("Input.Password", "Passwort-eins-1"), new("Input.ConfirmPassword", "Passwort-zwei-2")], formPageUrl: link);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Die beiden Passwörter stimmen nicht überein.", Html.Text(await response.Content.ReadAsStringAsync(Ct)));
        await using var scope = app.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        Assert.False(await users.HasPasswordAsync((await users.FindByEmailAsync("tippfehler@example.org"))!));
    }

    [Fact]
    public async Task A_forged_invitation_code_is_refused()
    {
        await InviteAsync("gefaelscht@example.org");
        var userId = await app.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.Email == "gefaelscht@example.org").Id));
        var page = await app.Browser().GetStringAsync($"/account/invitation?userId={userId}&code=AAAA", Ct);
        Assert.Contains("ungültig oder abgelaufen", Html.Text(page));
    }
}
