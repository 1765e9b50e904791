using System.Net;
using Beraterpool.Tests.Fees;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Fees;

namespace Beraterpool.Tests.Email;

/// <summary>One failure policy for every mail: a mail server that refuses never turns a saved change into an error page.</summary>
public sealed class MailFailureTests(MailFailureTests.App app) : IClassFixture<MailFailureTests.App>
{
    /// <summary>SMTP on a port nobody listens on: every send fails at once.</summary>
    public sealed class App : TestApp
    {
        public App() : base(importGazetteer: false) => With("Email:SmtpHost", "127.0.0.1").With("Email:SmtpPort", "1");
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string url) =>
        client.PostAsShownAsync(url, [], formPageUrl: url[..url.IndexOf('?')]);

    [Fact]
    public async Task Approving_a_statement_succeeds_when_the_advisors_mail_cannot_be_sent()
    {
        var w = await app.WorldAsync("smtp-down");
        await app.BankAsync(w);
        await app.ActivityAsync(w, new DateOnly(2026, 11, 3), 2);
        var id = await app.CreateStatementAsync(w);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(w.Advisor, $"/me/fees/{id}?handler=Submit")).StatusCode);

        var response = await PostAsync(w.Coordinator, $"/manage/fees/{id}?handler=Approve");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(FeeStatementStatus.Approved, (await app.StatementAsync(id)).Status);
    }

    [Fact]
    public async Task Forgot_password_answers_normally_when_the_mail_cannot_be_sent()
    {
        await app.CreateUserAsync("smtp-vergessen@example.org", Beraterpool.Web.Features.Accounts.Roles.Advisor);
        var response = await app.Browser().PostFormAsync("/account/forgot-password", [new("Input.Email", "smtp-vergessen@example.org")]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
