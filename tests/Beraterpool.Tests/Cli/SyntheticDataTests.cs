using System.Net;
using Beraterpool.Cli.Synthetic;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Advisors;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Tests.Cli;

/// <summary>One app seeded with 320 synthetic advisors (seed 42), shared by the read-only tests below.</summary>
public sealed class SeededApp : IAsyncLifetime
{
    public TestApp App { get; } = new(importGazetteer: false);

    public async ValueTask InitializeAsync() =>
        await App.WithDbAsync(db => SyntheticData.SeedAsync(db, 320, 16, 42, TextWriter.Null, TestContext.Current.CancellationToken));

    public ValueTask DisposeAsync() => App.DisposeAsync();
}

public sealed class SyntheticDataTests(SeededApp seeded) : IClassFixture<SeededApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Seed_creates_sixteen_pools_with_the_standard_topics_and_p01_as_default()
    {
        var pools = await seeded.App.WithDbAsync(db => db.Pools.AsNoTracking().OrderBy(p => p.Slug)
            .Select(p => new { p.Slug, p.IsDefault, Topics = db.Topics.Count(t => t.PoolId == p.Id) }).ToListAsync(Ct));

        Assert.Equal(Enumerable.Range(1, 16).Select(i => $"p{i:00}"), pools.Select(p => p.Slug));
        Assert.Equal("p01", Assert.Single(pools, p => p.IsDefault).Slug);
        Assert.All(pools, p => Assert.Equal(7, p.Topics));
    }

    [Fact]
    public async Task Advisors_are_spread_evenly_and_have_plausible_profiles()
    {
        var advisors = await seeded.App.WithDbAsync(db => db.Advisors.AsNoTracking()
            .Select(a => new
            {
                a.PoolId, a.Status, a.CityKey, a.Bio, a.BirthYear,
                Topics = db.AdvisorTopics.Count(t => t.AdvisorId == a.Id),
                ForeignTopics = db.AdvisorTopics.Count(t => t.AdvisorId == a.Id && db.Topics.Any(x => x.Id == t.TopicId && x.PoolId != a.PoolId)),
                Languages = db.AdvisorLanguages.Count(l => l.AdvisorId == a.Id),
                Countries = db.AdvisorCountries.Count(c => c.AdvisorId == a.Id),
                Consents = db.AdvisorConsents.Count(c => c.AdvisorId == a.Id),
            }).ToListAsync(Ct));

        Assert.Equal(320, advisors.Count);
        Assert.All(advisors.GroupBy(a => a.PoolId), g => Assert.Equal(20, g.Count()));
        Assert.All(advisors, a =>
        {
            Assert.InRange(a.Topics, 1, 3);
            Assert.Equal(0, a.ForeignTopics);
            Assert.InRange(a.Languages, 1, 4);
            Assert.InRange(a.Countries, 1, 2);
            Assert.NotNull(a.CityKey);
            Assert.InRange(a.Bio!.Length, 150, 260);
            Assert.InRange(DateTime.UtcNow.Year - a.BirthYear!.Value, 22, 70);
        });
        Assert.InRange(advisors.Count(a => a.Status == AdvisorStatus.Active), 270, 310);
        Assert.InRange(advisors.Count(a => a.Consents == 9), 240, 300);
    }

    [Fact]
    public async Task Without_a_register_synthetic_municipalities_are_the_cities()
    {
        var (municipalities, unknownCities) = await seeded.App.WithDbAsync(async db => (
            await db.Municipalities.CountAsync(Ct),
            await db.Advisors.CountAsync(a => !db.Municipalities.Any(m => m.OfficialKey == a.CityKey), Ct)));

        Assert.Equal(200, municipalities);
        Assert.Equal(0, unknownCities);
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_advisors()
    {
        await using var other = new TestApp(importGazetteer: false);
        await other.WithDbAsync(db => SyntheticData.SeedAsync(db, 320, 16, 42, TextWriter.Null, Ct));

        Assert.Equal(await Fingerprint(seeded.App), await Fingerprint(other));
    }

    [Fact]
    public async Task Bench_addresses_are_distinct_and_use_the_pools_real_topics()
    {
        var (urls, slugs) = await seeded.App.WithDbAsync(async db => (
            await BenchUrls.GenerateAsync(db, 500, 7, Ct),
            await db.Topics.Select(t => t.Slug).Distinct().ToListAsync(Ct)));

        Assert.Equal(500, urls.Distinct().Count());
        Assert.All(urls, u => Assert.Matches(@"^(/pool/p\d\d)?/advisors(\?.+)?$", u));
        var topics = urls.SelectMany(u => u.Split('?', '&')).Where(p => p.StartsWith("topic=")).Select(p => p[6..]).Distinct();
        Assert.All(topics, t => Assert.Contains(t, slugs));
        Assert.Contains(urls, u => u.Contains("page=5"));
        Assert.Contains("paths[", BenchUrls.WrkScript(urls));
    }

    [Theory]
    [InlineData(new[] { "50000" }, true, 50000, 16, 42, false)]
    [InlineData(new[] { "100", "--pools", "4", "--seed", "7", "--force" }, true, 100, 4, 7, true)]
    [InlineData(new string[0], false, 0, 16, 42, false)]
    [InlineData(new[] { "zehn" }, false, 0, 16, 42, false)]
    [InlineData(new[] { "10", "--pools" }, false, 10, 16, 42, false)]
    [InlineData(new[] { "10", "20" }, false, 10, 16, 42, false)]
    [InlineData(new[] { "0" }, false, 0, 16, 42, false)]
    [InlineData(new[] { "10", "--pools", "100" }, false, 10, 16, 42, false)]
    public void Seed_command_arguments_are_parsed_strictly(string[] args, bool ok, int count, int pools, int seed, bool force)
    {
        var command = Beraterpool.Cli.CommandLine.Root().Subcommands.Single(c => c.Name == "seed-synthetic");
        var parsed = command.Parse(args);

        Assert.Equal(ok, parsed.Errors.Count == 0);
        if (!ok) return;
        Assert.Equal((count, pools, seed, force),
            (parsed.GetValue<int>("n"), parsed.GetValue<int>("--pools"), parsed.GetValue<int>("--seed"), parsed.GetValue<bool>("--force")));
    }

    [Fact]
    public async Task Plaintext_endpoint_exists_only_when_the_benchmark_asks_for_it()
    {
        await using var bench = new TestApp(importGazetteer: false).With("Bench:Plaintext", "true");

        var on = await bench.CreateClient().GetAsync("/plaintext", Ct);
        var off = await seeded.App.CreateClient().GetAsync("/plaintext", Ct);

        Assert.Equal(HttpStatusCode.OK, on.StatusCode);
        Assert.Equal("Hello, World!", await on.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.NotFound, off.StatusCode);
    }

    private static Task<List<string>> Fingerprint(TestApp app) => app.WithDbAsync(db => db.Advisors.AsNoTracking()
        .OrderBy(a => a.Slug)
        .Select(a => a.Slug + a.Status + a.CityKey + a.Bio + string.Join(",", db.AdvisorLanguages.Where(l => l.AdvisorId == a.Id).OrderBy(l => l.LanguageCode).Select(l => l.LanguageCode)))
        .ToListAsync(Ct));
}
