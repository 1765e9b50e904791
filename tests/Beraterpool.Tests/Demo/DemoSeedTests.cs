using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Advisors;
using Beraterpool.Web.Features.Demo;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beraterpool.Tests.Demo;

public sealed class DemoSeedTests(DemoApp app)
{
    [Fact]
    public async Task Demo_seeds_two_pools_with_topics_and_advisors()
    {
        var pools = await app.WithDbAsync(db => db.Pools.AsNoTracking().OrderBy(p => p.Id)
            .Select(p => new { p.Slug, p.BrandName, p.IsDefault, p.AnnualDayQuota, p.DayRate, Topics = db.Topics.Count(t => t.PoolId == p.Id),
                Active = db.Advisors.Count(a => a.PoolId == p.Id && a.Status == AdvisorStatus.Active) })
            .ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal(["nrw", "bw"], pools.Select(p => p.Slug));
        Assert.True(pools[0].IsDefault);
        Assert.All(pools, p => Assert.Equal(("MiGlobe", 10, 250.00m, 7), (p.BrandName, p.AnnualDayQuota, p.DayRate, p.Topics)));
        Assert.Equal([20, 6], pools.Select(p => p.Active));
    }

    [Fact]
    public async Task Every_demo_account_signs_in_with_the_shared_password_and_has_its_role()
    {
        await using var scope = app.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        foreach (var account in DemoAccounts.All)
        {
            var user = await users.FindByEmailAsync(account.Email);
            Assert.NotNull(user);
            Assert.True(await users.CheckPasswordAsync(user, DemoAccounts.Password), account.Email);
            Assert.True(await users.IsInRoleAsync(user, account.Role), account.Email);
        }
    }

    [Fact]
    public async Task Advisor_account_is_linked_to_the_first_NRW_advisor_and_coordinators_to_their_pools()
    {
        var ct = TestContext.Current.CancellationToken;
        var linked = await app.WithDbAsync(db => db.Advisors.Where(a => a.UserId != null)
            .Join(db.Users, a => a.UserId, u => u.Id, (a, u) => new { a.Slug, u.Email }).ToListAsync(ct));
        Assert.Equal([("amina-tesfaye", DemoAccounts.Advisor)], linked.Select(l => (l.Slug, l.Email!)));

        var coordinators = await app.WithDbAsync(db => db.PoolCoordinators
            .Join(db.Users, c => c.UserId, u => u.Id, (c, u) => new { u.Email, Pool = db.Pools.Single(p => p.Id == c.PoolId).Slug })
            .ToListAsync(ct));
        Assert.Equal([(DemoAccounts.CoordinatorBw, "bw"), (DemoAccounts.CoordinatorNrw, "nrw")],
            coordinators.Select(c => (c.Email!, c.Pool)).OrderBy(c => c.Item1));
    }
}

public sealed class RolesWithoutDemoTests
{
    [Fact]
    public async Task All_six_roles_exist_without_demo_data_and_no_pool_is_seeded()
    {
        await using var app = new TestApp(demo: false, importGazetteer: false);
        var (roles, pools) = await app.WithDbAsync(async db =>
            (await db.Roles.Select(r => r.Name!).ToListAsync(TestContext.Current.CancellationToken), await db.Pools.CountAsync(TestContext.Current.CancellationToken)));
        Assert.Equal(Roles.All.Order(), roles.Order());
        Assert.Equal(0, pools);
    }
}
