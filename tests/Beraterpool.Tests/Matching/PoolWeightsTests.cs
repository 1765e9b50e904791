using System.Net;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Tests.Matching;

public sealed class PoolWeightsTests(PoolWeightsTests.App app) : IClassFixture<PoolWeightsTests.App>
{
    public sealed class App() : TestApp(importGazetteer: false);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static KeyValuePair<string, string>[] Form(string topics = "8", string languages = "4", string distance = "1", string availability = "3",
        string workload = "2", string maxKm = "150") =>
    [
        new("Input.Topics", topics), new("Input.Languages", languages), new("Input.Distance", distance),
        new("Input.Availability", availability), new("Input.Workload", workload), new("Input.MaxDistanceKm", maxKm),
    ];

    [Fact]
    public async Task Coordinator_saves_the_weights_with_an_audit_entry()
    {
        var scene = await app.PoolAsync("weights-save");
        var client = await app.SignedInBrowserAsync(scene.CoordinatorEmail, Roles.Coordinator);
        Assert.Contains("value=\"5\"", await client.GetStringAsync($"/manage/pools/{scene.PoolId}/matching", Ct));

        var post = await client.PostFormAsync($"/manage/pools/{scene.PoolId}/matching", Form());

        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        var (weights, audit) = await app.WithDbAsync(async db => (
            await db.Pools.AsNoTracking().Where(p => p.Id == scene.PoolId).Select(p => p.Matching).SingleAsync(),
            await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == "pool.matching.updated" && a.PoolId == scene.PoolId)));
        Assert.Equal((8, 4, 1, 3, 2, 150), (weights.Topics, weights.Languages, weights.Distance, weights.Availability, weights.Workload, weights.MaxDistanceKm));
        Assert.Contains("topics=5", audit.Details);
        Assert.Contains("topics=8", audit.Details);
    }

    [Fact]
    public async Task Out_of_range_or_all_zero_weights_are_refused_and_the_input_is_kept()
    {
        var scene = await app.PoolAsync("weights-invalid");
        var client = await app.SignedInBrowserAsync(scene.CoordinatorEmail, Roles.Coordinator);

        var bad = await client.PostFormAsync($"/manage/pools/{scene.PoolId}/matching", Form(topics: "11", maxKm: "5"));
        var html = await bad.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("Bitte geben Sie für die Themen eine ganze Zahl von 0 bis 10 an.", Html.Text(html));
        Assert.Contains("Die größte Entfernung muss zwischen 10 und 1.000 km liegen.", Html.Text(html));
        Assert.Contains("value=\"11\"", html);

        var zero = await client.PostFormAsync($"/manage/pools/{scene.PoolId}/matching", Form("0", "0", "0", "0", "0"));
        Assert.Contains("Mindestens ein Kriterium braucht ein Gewicht über 0", Html.Text(await zero.Content.ReadAsStringAsync(Ct)));
        Assert.Equal(5, await app.WithDbAsync(db => db.Pools.Where(p => p.Id == scene.PoolId).Select(p => p.Matching.Topics).SingleAsync()));
    }

    [Fact]
    public async Task Coordinator_of_another_pool_gets_404()
    {
        var scene = await app.PoolAsync("weights-own");
        var other = await app.PoolAsync("weights-other");
        var client = await app.SignedInBrowserAsync(other.CoordinatorEmail, Roles.Coordinator);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/manage/pools/{scene.PoolId}/matching", Ct)).StatusCode);
        var post = await client.PostFormAsync($"/manage/pools/{scene.PoolId}/matching", Form(), $"/manage/pools/{other.PoolId}/matching");
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
    }
}
