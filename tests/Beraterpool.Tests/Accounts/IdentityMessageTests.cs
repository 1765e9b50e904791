using System.Net;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Accounts;

namespace Beraterpool.Tests.Accounts;

public sealed class IdentityMessageTests(IdentityMessageTests.App app) : IClassFixture<IdentityMessageTests.App>
{
    public sealed class App() : TestApp(importGazetteer: false);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("de", "Dieses Passwort steht auf der Liste häufig verwendeter oder veröffentlichter Passwörter")]
    [InlineData("en", "This password is on the list of common or leaked passwords")]
    [InlineData("fr", "Ce mot de passe figure sur la liste des mots de passe courants ou divulgués")]
    public async Task A_password_Identity_refuses_is_explained_in_the_chosen_language(string lang, string message)
    {
        var email = $"haeufig-{lang}@example.org";
        await app.CreateUserAsync(email, Roles.Advisor);
        await app.Browser().PostFormAsync("/account/forgot-password", [new("Input.Email", email)]);
        var link = TestUsers.LinkIn(app.LatestMail(), "/account/reset-password") + "&lang=" + lang;

        var client = app.Browser();
        var reset = await client.PostFormAsync(link, FormFields.Of(await client.GetStringAsync(link, Ct), "method=\"post\" novalidate")
            .Set("Input.Password", "passwort1234").Set("Input.ConfirmPassword", "passwort1234"), formPageUrl: link);

        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Contains(message, Html.Text(await reset.Content.ReadAsStringAsync(Ct)));
    }
}
