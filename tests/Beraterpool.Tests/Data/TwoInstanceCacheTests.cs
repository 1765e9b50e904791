using System.Diagnostics;
using System.Net;
using Beraterpool.Cli;
using Beraterpool.Tests.Advisors;
using Beraterpool.Tests.Gazetteer;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Advisors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beraterpool.Tests.Data;

/// <summary>
/// Two app instances on one database, as in production behind a load balancer: what one changes, the other's
/// in-memory directory, profile pages, JSON and pool catalogue show within two seconds (issue 9).
/// </summary>
public sealed class TwoInstanceCacheTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly TestApp _a = new(importGazetteer: false);
    private TestApp _b = null!;
    private int _poolId;

    public async ValueTask InitializeAsync()
    {
        await _a.InitializeAsync(); // A migrates; B starts on the migrated database
        _b = new TestApp(importGazetteer: false).With("ConnectionStrings:Default", _a.ConnectionString);
        await _b.InitializeAsync();
        var user = await _a.CreateUserAsync("grace@example.org", Roles.Advisor);
        _poolId = await _a.WithDbAsync(async db =>
        {
            var pool = await DirectoryArrange.PoolAsync(db);
            var advisor = await DirectoryArrange.AdvisorAsync(db, pool, "Grace", "Wanjiru", DirectoryArrange.Koeln, ["fairer-handel"], ["sw"], ["KE"],
                bio: "Beraterin für fairen Handel.");
            advisor.UserId = user.Id;
            await db.SaveChangesAsync(Ct);
            return pool.Id;
        });
        await _a.ChangedAsync(DataVersions.Catalogue, DataVersions.Pool(_poolId));
    }

    public async ValueTask DisposeAsync()
    {
        await _b.DisposeAsync();
        await _a.DisposeAsync();
    }

    /// <summary>Asks until <paramref name="done"/> holds; fails after 5 s. Returns how long it took.</summary>
    private static async Task<TimeSpan> EventuallyAsync(Func<Task<bool>> done, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await done())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"{what} still not seen after {clock.Elapsed.TotalSeconds:F1} s");
            await Task.Delay(50, Ct);
        }
        return clock.Elapsed;
    }

    [Fact]
    public async Task Consent_withdrawn_on_one_instance_is_gone_from_the_others_directory_profile_and_api()
    {
        var other = _b.CreateClient();
        // B has its directory in memory before the change.
        Assert.Contains("Kenia", Html.Text(await other.GetStringAsync("/advisors", Ct)));
        Assert.Contains("Kenia", Html.Text(await other.GetStringAsync("/advisors/grace-wanjiru", Ct)));
        Assert.Contains("\"KE\"", await other.GetStringAsync("/api/advisors", Ct));

        var advisor = await _a.SignInAsync("grace@example.org");
        var form = FormFields.Of(await advisor.GetStringAsync("/me/profile", Ct), "multipart").Without("Input.Consents", nameof(ConsentField.CountriesOfOrigin));
        Assert.Equal(HttpStatusCode.Redirect, (await advisor.PostAsync("/me/profile", form.Multipart(), Ct)).StatusCode);
        Assert.False(await _a.WithDbAsync(db => db.AdvisorConsents.AnyAsync(c => c.Field == ConsentField.CountriesOfOrigin, Ct)));

        // The instance that made the change shows it at once.
        Assert.DoesNotContain("Kenia", Html.Text(await _a.CreateClient().GetStringAsync("/advisors", Ct)));

        var took = await EventuallyAsync(async () =>
            !Html.Text(await other.GetStringAsync("/advisors", Ct)).Contains("Kenia")
            && !Html.Text(await other.GetStringAsync("/advisors/grace-wanjiru", Ct)).Contains("Kenia")
            && !(await other.GetStringAsync("/api/advisors", Ct)).Contains("\"KE\""), "the withdrawal on the second instance");
        Assert.True(took < TimeSpan.FromSeconds(2.5), $"took {took.TotalSeconds:F1} s");
        Assert.Contains("Grace Wanjiru", Html.Text(await other.GetStringAsync("/advisors", Ct)));
        Assert.Contains("Beraterin für fairen Handel.", Html.Text(await other.GetStringAsync("/advisors/grace-wanjiru", Ct)));
    }

    [Fact]
    public async Task Pool_renamed_on_one_instance_shows_on_the_other()
    {
        var other = _b.CreateClient();
        Assert.Contains("Testmarke", Html.Text(await other.GetStringAsync("/", Ct)));

        var admin = await _a.SignedInAsync("admin@example.org", Roles.Administrator);
        var form = FormFields.Of(await admin.GetStringAsync($"/manage/pools/{_poolId}/edit", Ct), "multipart").Set("Input.BrandName", "Neue Marke");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync($"/manage/pools/{_poolId}/edit", form.Multipart(), Ct)).StatusCode);

        await EventuallyAsync(async () => Html.Text(await other.GetStringAsync("/", Ct)).Contains("Neue Marke"), "the new brand on the second instance");
    }

    [Fact]
    public async Task Register_imported_by_the_command_shows_in_a_running_instance()
    {
        var other = _b.CreateClient();
        Assert.DoesNotContain("Köln am Rhein", Html.Text(await other.GetStringAsync("/advisors/grace-wanjiru", Ct)));
        var before = await _b.Services.GetRequiredService<DataVersions>().ReadAsync(DataVersions.Pool(_poolId), Ct);

        // The command on a host of its own (here A's services; B has not heard of it in process).
        var file = Path.Combine(_a.Folder, "auszug.csv");
        // A register in which the advisor's city has a new name.
        await File.WriteAllTextAsync(file, GazetteerRejectionTests.SmallExtract.Replace("000,\"Köln, Stadt\"", "000,\"Köln am Rhein, Stadt\""), Ct);
        Assert.Equal(0, await Commands.ImportGazetteerAsync(_a.Services, file, TextWriter.Null, TextWriter.Null));

        Assert.Equal(before + 1, await _b.Services.GetRequiredService<DataVersions>().ReadAsync(DataVersions.Pool(_poolId), Ct));
        await EventuallyAsync(async () => Html.Text(await other.GetStringAsync("/advisors/grace-wanjiru", Ct)).Contains("Köln am Rhein"), "the register's new city name on the second instance");
    }
}
