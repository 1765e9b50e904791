using System.Net;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Tests.Privacy;

/// <summary>
/// Its own database: the history it builds (an advisor from Côte d'Ivoire who is not erased) would otherwise be a trace in
/// <see cref="ErasureTests"/>, whenever xUnit happens to run this test first.
/// </summary>
public sealed class ErasureGuardTests(ErasureGuardTests.App app) : IClassFixture<ErasureGuardTests.App>
{
    public sealed class App : TestApp;

    [Fact]
    public async Task Only_administrators_erase_and_nobody_erases_themself()
    {
        var ct = TestContext.Current.CancellationToken;
        var h = await app.FullHistoryAsync("guard");
        var page = $"/manage/privacy/erase?email={Uri.EscapeDataString(h.World.AdvisorEmail)}";
        foreach (var role in new[] { Roles.Coordinator, Roles.Advisor, Roles.MunicipalityContact, Roles.Reviewer, Roles.Mentor })
        {
            var client = await app.SignedInBrowserAsync($"{role.ToLowerInvariant()}-guard@example.org", role);
            Assert.NotEqual(HttpStatusCode.OK, (await client.GetAsync(page, ct)).StatusCode);
            var token = Html.AntiforgeryToken(await client.GetStringAsync("/account/my-data", ct));
            await client.PostAsync(page, new FormUrlEncodedContent([new("Confirmation", h.World.AdvisorEmail), new("__RequestVerificationToken", token)]), ct);
        }
        Assert.True(await app.WithDbAsync(db => db.AdvisorCountries.AnyAsync(c => c.AdvisorId == h.World.AdvisorId)));

        var adminEmail = "admin-guard@example.org";
        var admin = await app.SignedInBrowserAsync(adminEmail, Roles.Administrator);
        var self = $"/manage/privacy/erase?email={Uri.EscapeDataString(adminEmail)}";
        var refused = await admin.PostFormAsync(self, [new("Confirmation", adminEmail)], self);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Sie können Ihr eigenes Konto nicht löschen.", Html.Text(await refused.Content.ReadAsStringAsync(ct)));
        Assert.True(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == adminEmail)));
    }
}
