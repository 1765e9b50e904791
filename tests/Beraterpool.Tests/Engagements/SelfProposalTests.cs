using System.Net;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Tests.Matching;
using Beraterpool.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Tests.Engagements;

/// <summary>Nobody proposes themselves as advisor on a request they coordinate (issue 8, item 5).</summary>
public sealed class SelfProposalTests(SelfProposalTests.App app) : IClassFixture<SelfProposalTests.App>
{
    public sealed class App() : TestApp(importGazetteer: true);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Coordinator_cannot_propose_their_own_advisor_profile_but_another_coordinator_can()
    {
        var scene = await app.PoolAsync("selbst-vorschlag");
        var own = await app.AdvisorAsync(scene, "selbst-vorschlag-profil", "Selma", "Selbst", MatchingArrange.Koeln, [scene.FairTradeTopic]);
        var coordinatorId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == scene.CoordinatorEmail).Select(u => u.Id).SingleAsync());
        // The coordinator's own account is the profile's account, as after giving themselves the Advisor role.
        await app.WithDbAsync(db => db.Advisors.Where(a => a.Id == own.Id).ExecuteUpdateAsync(u => u.SetProperty(a => a.UserId, coordinatorId)));
        var request = await app.RequestAsync(scene, MatchingArrange.Koeln, [scene.FairTradeTopic]);
        var coordinator = await app.SignedInBrowserAsync(scene.CoordinatorEmail, Roles.Coordinator);
        var url = $"/manage/requests/{request.Id}/matching";

        var self = await coordinator.PostFormAsync(url, [new("Choice", $"a-{own.Id}")]);

        Assert.Equal(HttpStatusCode.OK, self.StatusCode);
        Assert.Contains("Sie können sich nicht selbst vorschlagen.", Html.Text(await self.Content.ReadAsStringAsync(Ct)));
        Assert.False(await app.WithDbAsync(db => db.EngagementInvitations.AnyAsync(i => i.RequestId == request.Id)));

        var other = await app.CreateUserAsync("zweite-koordination-vorschlag@example.org", Roles.Coordinator);
        await app.WithDbAsync(async db =>
        {
            db.PoolCoordinators.Add(new Web.Features.Pools.PoolCoordinator { PoolId = scene.PoolId, UserId = other.Id });
            return await db.SaveChangesAsync();
        });
        var second = await app.SignedInBrowserAsync(other.Email!);
        Assert.Equal(HttpStatusCode.Redirect, (await second.PostFormAsync(url, [new("Choice", $"a-{own.Id}")])).StatusCode);
        Assert.True(await app.WithDbAsync(db => db.EngagementInvitations.AnyAsync(i => i.RequestId == request.Id && i.AdvisorId == own.Id)));
    }
}
