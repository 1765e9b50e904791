using System.CommandLine;
using System.Net;
using Beraterpool.Cli;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Beraterpool.Tests.Cli;

/// <summary><c>Database:MigrateOnStart=false</c> and the <c>migrate</c> command that then prepares the database.</summary>
public sealed class MigrateCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task App_without_migrate_on_start_waits_not_ready_until_the_command_migrated_its_database()
    {
        await using var app = new TestApp(importGazetteer: false).With(StartupTasks.MigrateOnStartKey, "false");
        await app.InitializeAsync(); // starts on a database that does not exist yet
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live", Ct)).StatusCode);

        var output = new StringWriter();
        var errors = new StringWriter();
        var config = app.Services.GetRequiredService<IConfiguration>();
        var env = app.Services.GetRequiredService<IHostEnvironment>();
        Assert.Equal(0, await Commands.MigrateAsync(app.Services, config, env, output, errors));
        var all = await app.WithDbAsync(db => Task.FromResult(db.Database.GetMigrations().Count()));
        Assert.Contains($"Applied {all} migrations", output.ToString());
        Assert.Equal("", errors.ToString());

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready", Ct)).StatusCode);
        Assert.Empty(await app.WithDbAsync(db => db.Database.GetPendingMigrationsAsync(Ct)));
        // The rest of a start's preparation ran too: the roles exist, so accounts can be made.
        Assert.True(await app.WithDbAsync(db => db.Roles.AnyAsync(Ct)));

        Assert.Equal(0, await Commands.MigrateAsync(app.Services, config, env, output, errors));
        Assert.Contains("The database is up to date", output.ToString());
    }

    [Fact]
    public async Task Migrate_is_a_command_with_its_help()
    {
        var output = new StringWriter();
        var exit = await CommandLine.Root().Parse(["migrate", "--help"]).InvokeAsync(new InvocationConfiguration { Output = output }, Ct);
        Assert.Equal(0, exit);
        Assert.Contains("Apply the database migrations", output.ToString());
    }
}
