using System.Net;
using Beraterpool.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Tests.Shared;

public sealed class HealthTests(HealthTests.App app) : IClassFixture<HealthTests.App>
{
    public sealed class App() : TestApp(importGazetteer: false);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpStatusCode> StatusAsync(TestApp on, string path) => (await on.CreateClient().GetAsync(path, Ct)).StatusCode;

    [Fact]
    public async Task Live_ready_and_the_old_address_answer_200_on_a_migrated_database()
    {
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(app, "/health/live"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(app, "/health/ready"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(app, "/health"));
    }

    [Fact]
    public async Task Ready_answers_503_while_a_migration_is_missing_and_live_stays_200()
    {
        // The schema of a build one migration behind this one.
        await using var behind = new TestApp(importGazetteer: false);
        await behind.InitializeAsync();
        var last = await behind.WithDbAsync(async db =>
        {
            var id = (await db.Database.GetAppliedMigrationsAsync(Ct)).Last();
            await db.Database.ExecuteSqlAsync($"""DELETE FROM "__EFMigrationsHistory" WHERE "MigrationId" = {id}""", Ct);
            return id;
        });

        var ready = await behind.CreateClient().GetAsync("/health/ready", Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await StatusAsync(behind, "/health"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(behind, "/health/live"));

        await behind.WithDbAsync(db => db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion") VALUES ({last}, '10.0.15')""", Ct));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(behind, "/health/ready"));
    }
}
