using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Advisors;
using Beraterpool.Web.Features.Engagements;
using Beraterpool.Web.Features.Requests;
using Beraterpool.Web.Features.Shared;
using Microsoft.Extensions.Time.Testing;

namespace Beraterpool.Tests.Impact;

/// <summary>
/// The pool's data for the map of 2025, counted by hand: Köln 3 days, Bonn 0.5 (an engagement running since 2024),
/// Aachen reached without a day yet; Hamm's engagement closed in 2024 and the other pool's Dortmund never show.
/// Two active advisors live in Köln, a paused one in Bonn; the other pool's advisor lives in Münster.
/// </summary>
public sealed class MapWorld : TestApp
{
    public const string CoordinatorEmail = "koord-karte@example.org", OtherCoordinatorEmail = "koord-karte-anderer@example.org", AdminEmail = "admin-karte@example.org";
    public const string Koeln = "05315000", Bonn = "05314000", Aachen = "05334002", Hamm = "05915000", Dortmund = "05913000", Muenster = "05515000";

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 6, 15, 10, 0, 0, TimeSpan.Zero));
    public int Pool { get; private set; }
    public int OtherPool { get; private set; }

    public MapWorld() => WithTime(Time);

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var coordinator = await this.CreateUserAsync(CoordinatorEmail, Roles.Coordinator);
        var other = await this.CreateUserAsync(OtherCoordinatorEmail, Roles.Coordinator);
        await this.CreateUserAsync(AdminEmail, Roles.Administrator);
        Pool = (await this.CreatePoolAsync("karte", coordinator.Id)).Id;
        OtherPool = (await this.CreatePoolAsync("karte-anderer", other.Id)).Id;
        var a1 = (await this.CreateAdvisorAsync(Pool, "karte-eins")).Id;
        var a2 = (await this.CreateAdvisorAsync(Pool, "karte-zwei")).Id;
        var a3 = (await this.CreateAdvisorAsync(Pool, "karte-pausiert")).Id;
        var b1 = (await this.CreateAdvisorAsync(OtherPool, "karte-fremd")).Id;

        await WithDbAsync(async db =>
        {
            foreach (var (id, city) in new[] { (a1, Koeln), (a2, Koeln), (a3, Bonn), (b1, Muenster) })
                db.Advisors.Single(a => a.Id == id).CityKey = city;
            db.Advisors.Single(a => a.Id == a3).Status = AdvisorStatus.Paused;

            var koeln = await EngagementAsync(db, Pool, Koeln, Local(2025, 3, 1), null);
            var bonn = await EngagementAsync(db, Pool, Bonn, Local(2024, 11, 1), null);
            await EngagementAsync(db, Pool, Aachen, Local(2025, 11, 1), null);
            var hamm = await EngagementAsync(db, Pool, Hamm, Local(2024, 2, 1), Local(2024, 12, 1));
            var dortmund = await EngagementAsync(db, OtherPool, Dortmund, Local(2025, 2, 1), null);

            db.Activities.AddRange(
                Activity(koeln.Id, a1, new DateOnly(2025, 4, 1), 4), Activity(koeln.Id, a2, new DateOnly(2025, 5, 1), 2),
                Activity(bonn.Id, a1, new DateOnly(2025, 2, 1), 1), Activity(bonn.Id, a1, new DateOnly(2024, 12, 1), 6),
                Activity(hamm.Id, a2, new DateOnly(2024, 6, 1), 8), Activity(dortmund.Id, b1, new DateOnly(2025, 3, 1), 10));
            return await db.SaveChangesAsync();
        });
    }

    private static DateTimeOffset Local(int year, int month, int day) => ProgrammeTime.FromLocal(new DateOnly(year, month, day), new TimeOnly(12, 0))!.Value;

    private static async Task<Engagement> EngagementAsync(Beraterpool.Web.Data.AppDbContext db, int pool, string key, DateTimeOffset started, DateTimeOffset? closed)
    {
        var reference = $"K-{pool}-{key}";
        var request = new ConsultationRequest
        {
            PoolId = pool, Reference = reference, MunicipalityKey = key, ContactName = "Kontakt", ContactEmail = $"{reference.ToLowerInvariant()}@example.org",
            Goal = "Ziel", Need = "Bedarf", TrackingTokenHash = "hash-" + reference, CreatedAt = started, UpdatedAt = started, ConsentGivenAt = started,
        };
        db.ConsultationRequests.Add(request);
        await db.SaveChangesAsync();
        var engagement = new Engagement
        {
            PoolId = pool, RequestId = request.Id, MunicipalityKey = key, StartedAt = started,
            Status = closed is null ? EngagementStatus.Active : EngagementStatus.Closed, ClosedAt = closed,
        };
        db.Engagements.Add(engagement);
        await db.SaveChangesAsync();
        return engagement;
    }

    private static Activity Activity(int engagement, int advisor, DateOnly date, int halfDays) => new()
    {
        EngagementId = engagement, AdvisorId = advisor, Date = date, Kind = ActivityKind.Workshop, HalfDays = halfDays, CreatedAt = DateTimeOffset.UnixEpoch,
    };
}

public sealed partial class MapTests(MapWorld app) : IClassFixture<MapWorld>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private string MapOf(int year) => $"/manage/reports/{year}/map?pool={app.Pool}";

    private Task<HttpClient> CoordinatorAsync() => app.SignedInBrowserAsync(MapWorld.CoordinatorEmail, Roles.Coordinator);

    [Fact]
    public async Task The_map_of_a_year_lists_exactly_the_municipalities_reached_in_it_with_their_days()
    {
        var html = await (await CoordinatorAsync()).GetStringAsync(MapOf(2025), Ct);
        var rows = Rows(html, "data-reached");
        Assert.Equal([(MapWorld.Koeln, "3"), (MapWorld.Bonn, "0,5"), (MapWorld.Aachen, "0")], rows.Select(r => (r.Key, r.Days)));
        var text = Html.Text(html);
        Assert.Contains("Köln", text);
        Assert.DoesNotContain("Hamm", text);      // closed in 2024
        Assert.DoesNotContain("Dortmund", text);  // the other pool's

        // A year earlier Bonn (6 half days of December) and Hamm ran; Köln had not begun.
        var earlier = Rows(await (await CoordinatorAsync()).GetStringAsync(MapOf(2024), Ct), "data-reached");
        Assert.Equal([(MapWorld.Hamm, "4"), (MapWorld.Bonn, "3")], earlier.Select(r => (r.Key, r.Days)));
    }

    [Fact]
    public async Task The_map_is_an_svg_with_title_and_description_and_one_circle_per_listed_municipality_larger_for_more_days()
    {
        var html = await (await CoordinatorAsync()).GetStringAsync(MapOf(2025), Ct);
        var svg = Svg(html);
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal("img", svg.Attribute("role")?.Value);
        var title = svg.Element(ns + "title");
        var desc = svg.Element(ns + "desc");
        Assert.NotNull(title);
        Assert.NotNull(desc);
        Assert.Equal($"{title.Attribute("id")?.Value} {desc.Attribute("id")?.Value}", svg.Attribute("aria-labelledby")?.Value);
        Assert.Contains("2025", title.Value);
        Assert.Contains("3 erreichte Kommunen", desc.Value);
        Assert.Contains("Köln", desc.Value);

        var circles = svg.Descendants(ns + "circle").ToDictionary(c => c.Attribute("data-key")?.Value ?? "", c => double.Parse(c.Attribute("r")?.Value ?? "0", CultureInfo.InvariantCulture));
        Assert.Equal(Rows(html, "data-reached").Count, circles.Count);
        Assert.True(circles[MapWorld.Koeln] > circles[MapWorld.Bonn], $"Köln {circles[MapWorld.Koeln]} should be larger than Bonn {circles[MapWorld.Bonn]}");
        Assert.True(circles[MapWorld.Bonn] > circles[MapWorld.Aachen]);
        Assert.Contains(svg.Descendants(ns + "path"), p => p.Attribute("data-state")?.Value == "05" && (p.Attribute("class")?.Value ?? "").Contains("map__state--pool", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_advisors_cities_are_diamonds_with_a_count_and_no_names()
    {
        var html = await (await CoordinatorAsync()).GetStringAsync(MapOf(2025), Ct);
        XNamespace ns = "http://www.w3.org/2000/svg";
        var cities = Svg(html).Descendants(ns + "path").Where(p => p.Attribute("class")?.Value == "map__city").ToList();
        Assert.Equal([MapWorld.Koeln], cities.Select(c => c.Attribute("data-key")?.Value));   // the paused advisor's Bonn and the other pool's Münster do not show
        Assert.Equal("Köln: 2 Berater*innen", cities[0].Element(ns + "title")?.Value);
        var table = Html.Text(Table(html, "data-cities"));
        Assert.Contains("Köln 2", table);
        Assert.DoesNotContain("karte-eins", html);
        Assert.DoesNotContain("karte-zwei", html);
    }

    [Fact]
    public async Task The_report_links_to_the_map_and_the_PDF_lists_the_reached_municipalities_by_days()
    {
        var client = await CoordinatorAsync();
        Assert.Contains($"href=\"/manage/reports/2025/map?pool={app.Pool}\"", await client.GetStringAsync($"/manage/reports/2025?pool={app.Pool}", Ct));
        Assert.Contains("href=\"/manage/reports/2026/map\"", await client.GetStringAsync("/manage", Ct));

        var pdf = await client.GetByteArrayAsync($"/manage/reports/2025.pdf?pool={app.Pool}", Ct);
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var text = string.Join("\n", document.GetPages().Select(p => p.Text));
        Assert.Contains("Erreichte Kommunen", text);
        var koeln = text.IndexOf("Köln: 3 Tage", StringComparison.Ordinal);
        var bonn = text.IndexOf("Bonn: 0,5 Tage", StringComparison.Ordinal);
        Assert.True(koeln >= 0 && bonn > koeln, "Köln (3 days) before Bonn (0.5 days)");
        Assert.DoesNotContain("Dortmund", text);
    }

    [Fact]
    public async Task A_coordinator_of_another_pool_gets_not_found_and_the_administrator_sees_any_pool()
    {
        var other = await app.SignedInBrowserAsync(MapWorld.OtherCoordinatorEmail, Roles.Coordinator);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(MapOf(2025), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await CoordinatorAsync()).GetAsync($"/manage/reports/2025/map?pool={app.OtherPool}", Ct)).StatusCode);

        var admin = await app.SignedInBrowserAsync(MapWorld.AdminEmail, Roles.Administrator);
        var html = await admin.GetStringAsync($"/manage/reports/2025/map?pool={app.OtherPool}", Ct);
        Assert.Equal([(MapWorld.Dortmund, "5")], Rows(html, "data-reached").Select(r => (r.Key, r.Days)));
    }

    [Fact]
    public async Task A_year_without_reached_municipalities_says_so_and_still_draws_the_states()
    {
        var html = await (await CoordinatorAsync()).GetStringAsync(MapOf(2020), Ct);
        Assert.Contains("data-empty", html);
        Assert.Contains("Im Jahr 2020 hat der Pool keine Kommune erreicht.", Html.Text(html));
        Assert.Empty(Rows(html, "data-reached"));
        XNamespace ns = "http://www.w3.org/2000/svg";
        var svg = Svg(html);
        Assert.Empty(svg.Descendants(ns + "circle"));
        Assert.Contains(svg.Descendants(ns + "path"), p => p.Attribute("data-state")?.Value == "05");
    }

    private static XElement Svg(string html)
    {
        var start = html.IndexOf("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox", StringComparison.Ordinal);
        Assert.True(start >= 0, "The page has no map.");
        var end = html.IndexOf("</svg>", start, StringComparison.Ordinal) + "</svg>".Length;
        return XElement.Parse(html[start..end]);
    }

    private static string Table(string html, string marker)
    {
        var start = html.IndexOf(marker, StringComparison.Ordinal);
        return html[start..html.IndexOf("</table>", start, StringComparison.Ordinal)];
    }

    private static List<(string Key, string Days)> Rows(string html, string marker) =>
        ReachedRow().Matches(Table(html, marker)).Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToList();

    [GeneratedRegex("<tr class=\"kern-table__row\" data-key=\"(\\d+)\">.*?data-days>([^<]*)</td>", RegexOptions.Singleline)]
    private static partial Regex ReachedRow();
}
