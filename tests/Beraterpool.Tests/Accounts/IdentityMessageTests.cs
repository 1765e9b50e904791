using System.Net;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Accounts;

namespace Beraterpool.Tests.Accounts;

public sealed class IdentityMessageTests(IdentityMessageTests.App app) : IClassFixture<IdentityMessageTests.App>
{
    public sealed class App() : TestApp(importGazetteer: false);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("de", "Das Passwort muss mindestens eine Ziffer enthalten.")]
    [InlineData("en", "The password must contain at least one digit.")]
    [InlineData("fr", "Le mot de passe doit contenir au moins un chiffre.")]
    public async Task A_password_Identity_refuses_is_explained_in_the_chosen_language(string lang, string message)
    {
        var email = $"ziffer-{lang}@example.org";
        await app.CreateUserAsync(email, Roles.Advisor);
        await app.Browser().PostFormAsync("/account/forgot-password", [new("Input.Email", email)]);
        var link = TestUsers.LinkIn(app.LatestMail(), "/account/reset-password") + "&lang=" + lang;

        var client = app.Browser();
        var reset = await client.PostFormAsync(link, FormFields.Of(await client.GetStringAsync(link, Ct), "method=\"post\" novalidate")
            .Set("Input.Password", "nurbuchstabenhier").Set("Input.ConfirmPassword", "nurbuchstabenhier"), formPageUrl: link);

        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Contains(message, Html.Text(await reset.Content.ReadAsStringAsync(Ct)));
    }
}
