using System.Net;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beraterpool.Tests.Advisors;

/// <summary>
/// A coordinator cannot give the Advisor role to an account that holds another role (their own, an administrator's);
/// every role grant is audited, mailed and rotates the security stamp (issue 8, item 5).
/// </summary>
public sealed class RoleGrantTests(RoleGrantTests.App app) : IClassFixture<RoleGrantTests.App>
{
    public sealed class App() : TestApp(importGazetteer: false);

    private const string Refusal = "Diese E-Mail-Adresse gehört zu einem Konto mit einer anderen Rolle (zum Beispiel Koordinierung oder Administration). Die Rolle Berater*in kann diesem Konto nur die Administration geben.";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(HttpClient Client, int Pool)> CoordinatorAsync(string name)
    {
        var user = await app.CreateUserAsync($"{name}@example.org", Roles.Coordinator);
        var pool = await app.CreatePoolAsync($"{name}-pool", user.Id);
        return (await app.SignInAsync($"{name}@example.org"), pool.Id);
    }

    private static Task<HttpResponseMessage> NewAdvisorAsync(HttpClient client, int pool, string email) =>
        client.PostFormAsync("/manage/advisors/new",
            [new("Input.PoolId", pool.ToString()), new("Input.FirstName", "Selbst"), new("Input.LastName", "Ernannt"),
             new("Input.Email", email), new("Input.Status", "Active"), new("Input.SendInvitation", "true")]);

    private async Task<(IList<string> Roles, string? Stamp)> AccountAsync(string email)
    {
        await using var scope = app.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        return (await users.GetRolesAsync(user), user.SecurityStamp);
    }

    [Theory]
    [InlineData("own")]
    [InlineData("admin")]
    public async Task Coordinator_cannot_make_their_own_or_an_administrators_account_an_advisor(string whose)
    {
        var (client, pool) = await CoordinatorAsync($"ernennt-{whose}");
        var email = whose == "own" ? $"ernennt-{whose}@example.org" : (await app.CreateUserAsync($"admin-{whose}@example.org", Roles.Administrator)).Email!;

        var response = await NewAdvisorAsync(client, pool, email);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Refusal, Html.Text(await response.Content.ReadAsStringAsync(Ct)));
        Assert.DoesNotContain(Roles.Advisor, (await AccountAsync(email)).Roles);
        Assert.False(await app.WithDbAsync(db => db.Advisors.AnyAsync(a => a.Email == email)));
    }

    [Fact]
    public async Task Inviting_later_from_the_profile_is_refused_the_same_way()
    {
        var (client, pool) = await CoordinatorAsync("ernennt-spaeter");
        var created = await client.PostFormAsync("/manage/advisors/new",
            [new("Input.PoolId", pool.ToString()), new("Input.FirstName", "Selbst"), new("Input.LastName", "Später"),
             new("Input.Email", "ernennt-spaeter@example.org"), new("Input.Status", "Active"), new("Input.SendInvitation", "false")]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = await app.WithDbAsync(db => db.Advisors.Where(a => a.Email == "ernennt-spaeter@example.org").Select(a => a.Id).SingleAsync());

        var invite = await client.PostFormAsync($"/manage/advisors/{id}/edit?handler=Invite", [], $"/manage/advisors/{id}/edit");
        Assert.Equal(HttpStatusCode.Redirect, invite.StatusCode);
        Assert.Contains(Refusal, Html.Text(await client.GetStringAsync($"/manage/advisors/{id}/edit", Ct)));
        Assert.DoesNotContain(Roles.Advisor, (await AccountAsync("ernennt-spaeter@example.org")).Roles);
        Assert.Null(await app.WithDbAsync(db => db.Advisors.Where(a => a.Id == id).Select(a => a.UserId).SingleAsync()));
    }

    [Fact]
    public async Task Advisor_role_for_an_existing_account_without_other_roles_is_audited_mailed_and_rotates_the_stamp()
    {
        var (client, pool) = await CoordinatorAsync("ernennt-ohne");
        var person = await app.CreateUserAsync("ohne-rolle@example.org");
        var before = (await AccountAsync(person.Email!)).Stamp;

        Assert.Equal(HttpStatusCode.Redirect, (await NewAdvisorAsync(client, pool, person.Email!)).StatusCode);

        var (roles, stamp) = await AccountAsync(person.Email!);
        Assert.Contains(Roles.Advisor, roles);
        Assert.NotEqual(before, stamp);
        var coordinatorId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "ernennt-ohne@example.org").Select(u => u.Id).SingleAsync());
        var audit = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == "account.role.granted" && e.Subject == $"user:{person.Id}"));
        Assert.Equal((coordinatorId, pool), (audit.UserId, audit.PoolId));
        Assert.Contains("role=Advisor", audit.Details);
        var mail = app.LatestMail();
        Assert.Contains("To: ohne-rolle@example.org", mail);
        Assert.Contains("Subject: Ihr Konto hat eine neue Rolle: Berater*in", mail);
        Assert.Contains("Wenn Sie damit nicht gerechnet haben", mail);
    }

    [Fact]
    public async Task Administrator_may_add_the_coordinator_role_to_an_advisors_account_and_it_is_audited_and_mailed()
    {
        var admin = await app.SignedInAsync("admin-ernennt@example.org", Roles.Administrator);
        var pool = await app.CreatePoolAsync("admin-ernennt-pool");
        var advisor = await app.CreateUserAsync("berater-wird-koordination@example.org", Roles.Advisor);
        var before = (await AccountAsync(advisor.Email!)).Stamp;

        var response = await admin.PostFormAsync($"/manage/pools/{pool.Id}/coordinators?handler=Add",
            [new("Input.Email", advisor.Email!), new("Input.DisplayName", "")], formPageUrl: $"/manage/pools/{pool.Id}/coordinators");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (roles, stamp) = await AccountAsync(advisor.Email!);
        Assert.Contains(Roles.Coordinator, roles);
        Assert.NotEqual(before, stamp);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "account.role.granted" && e.Subject == $"user:{advisor.Id}" && e.Details!.Contains("role=Coordinator"))));
        Assert.Contains("Subject: Ihr Konto hat eine neue Rolle: Koordinierung", app.LatestMail());
    }
}
