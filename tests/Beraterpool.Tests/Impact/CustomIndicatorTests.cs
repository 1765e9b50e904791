using System.Net;
using System.Text.RegularExpressions;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Impact.Custom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Beraterpool.Tests.Impact;

/// <summary>Two pools, each with a coordinator; the clock in June 2026 so that 2025 is the public page's last full year.</summary>
public sealed class CustomIndicatorWorld : TestApp
{
    public const string CoordinatorEmail = "koord-eigene@example.org", OtherCoordinatorEmail = "koord-eigene-fremd@example.org";

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 6, 15, 10, 0, 0, TimeSpan.Zero));
    public int Pool { get; private set; }
    public int OtherPool { get; private set; }

    public CustomIndicatorWorld() => WithTime(Time);

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Pool = (await this.CreatePoolAsync("eigene", (await this.CreateUserAsync(CoordinatorEmail, Roles.Coordinator)).Id)).Id;
        OtherPool = (await this.CreatePoolAsync("eigene-fremd", (await this.CreateUserAsync(OtherCoordinatorEmail, Roles.Coordinator)).Id)).Id;
    }

    public Task<int> AddAsync(int pool, string name, IndicatorPeriod period, decimal? target, params (int Year, int Quarter, decimal Value)[] values) => WithDbAsync(async db =>
    {
        var indicator = new CustomIndicator
        {
            PoolId = pool, Name = name, Unit = "Treffen", Period = period, YearlyTarget = target,
            Values = values.Select(v => new CustomIndicatorValue { Year = v.Year, Quarter = v.Quarter, Value = v.Value, Source = "Liste " + name }).ToList(),
        };
        db.CustomIndicators.Add(indicator);
        await db.SaveChangesAsync();
        return indicator.Id;
    });
}

public sealed partial class CustomIndicatorTests(CustomIndicatorWorld app) : IClassFixture<CustomIndicatorWorld>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<HttpClient> CoordinatorAsync() => app.SignedInBrowserAsync(CustomIndicatorWorld.CoordinatorEmail, Roles.Coordinator);

    [Fact]
    public async Task Quarterly_values_entered_in_the_form_add_up_to_the_years_actual_shown_against_the_target_in_report_and_PDF()
    {
        var client = await CoordinatorAsync();
        var create = $"/manage/indicators/edit?pool={app.Pool}";
        var created = await client.PostFormAsync(create, FormFields.Of(await client.GetStringAsync(create, Ct), "class=\"stack")
            .Set("Input.Name", "Presseartikel").Set("Input.Unit", "Artikel").Set("Input.Target", "20").Set("Input.Period", "Quarter")
            .Where(f => f.Key != "__RequestVerificationToken"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = await app.WithDbAsync(db => db.CustomIndicators.Where(c => c.PoolId == app.Pool && c.Name == "Presseartikel").Select(c => c.Id).SingleAsync(Ct));

        var values = $"/manage/indicators/{id}/values/2025";
        var form = FormFields.Of(await client.GetStringAsync(values, Ct), "class=\"stack");
        Assert.Equal(4, form.Count(f => f.Key.StartsWith("Input.Values[", StringComparison.Ordinal)));
        var saved = await client.PostFormAsync(values, form.Set("Input.Values[0]", "3").Set("Input.Sources[0]", "Pressespiegel Q1")
            .Set("Input.Values[1]", "2,5").Set("Input.Values[2]", "").Set("Input.Values[3]", "4").Where(f => f.Key != "__RequestVerificationToken"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(3, await app.WithDbAsync(db => db.CustomIndicatorValues.CountAsync(v => v.IndicatorId == id && v.Year == 2025, Ct)));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "indicator.values.saved" && a.Subject == $"indicator:{id}:2025", Ct)));

        var key = CustomIndicator.KeyOf(id);
        var html = await client.GetStringAsync($"/manage/reports/2025?pool={app.Pool}", Ct);
        var row = Regex.Match(html, $"data-custom=\"{key}\">(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Equal(["20", "9,5", "48 %"], Regex.Matches(row, "<td[^>]*>(.*?)</td>", RegexOptions.Singleline).Select(m => Html.Text(m.Groups[1].Value)));
        Assert.Contains($"data-indicator=\"{key}\"", html[html.IndexOf("id=\"figures-all\"", StringComparison.Ordinal)..]);

        // The target-vs-actual chart: an image with a title, and its table has the drawn actual and the target.
        var figure = html[html.IndexOf("aria-labelledby=\"chart-targets-caption\"", StringComparison.Ordinal)..];
        figure = figure[..figure.IndexOf("</figure>", StringComparison.Ordinal)];
        Assert.Contains("<title id=\"chart-targets-title\">Eigene Kennzahlen 2025: Ziel und Ist</title>", figure);
        Assert.Contains("class=\"chart__target\"", figure);
        // Other tests of the class add indicators to the same pool and year: this one's bar is among the chart's.
        Assert.Contains("9,5", Regex.Matches(figure, "class=\"chart__value\">([^<]*)<").Select(m => m.Groups[1].Value));
        Assert.Contains("data-value=\"9.5\">9,5</td>", figure);
        Assert.Contains("data-target=\"20\">20</td>", figure);

        var pdf = await client.GetByteArrayAsync($"/manage/reports/2025.pdf?pool={app.Pool}", Ct);
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var text = string.Join("\n", document.GetPages().Select(p => p.Text));
        Assert.Contains("Presseartikel: Ist 9,5 von Ziel 20 Artikel (48 %)", text);
        Assert.Contains("Presseartikel: 9,5 Artikel (Vorjahr: –)", text);
        Assert.Contains("Eigene Kennzahlen 2025: Ist (Balken) und Ziel (Strich)", text);
        Assert.Contains("9,5 von 20", text);

        // The drill-down lists the quarters entered with their sources; the CSV has the row with its target.
        var records = Html.Text(await client.GetStringAsync($"/manage/reports/2025/indicators/{key}?pool={app.Pool}", Ct));
        Assert.Contains("1. Quartal 2025 Pressespiegel Q1 3", records);
        Assert.DoesNotContain("3. Quartal 2025", records);
        var csv = await client.GetStringAsync($"/manage/reports/2025?handler=Csv&pool={app.Pool}", Ct);
        Assert.Contains("Presseartikel;Artikel;2025;9,5;;;20", csv);
    }

    [Fact]
    public async Task A_negative_or_non_numeric_value_gets_a_German_message_at_its_field_and_the_input_stays()
    {
        var id = await app.AddAsync(app.Pool, "Netzwerktreffen Eingabe", IndicatorPeriod.Quarter, 4, (2025, 1, 1m));
        var client = await CoordinatorAsync();
        var values = $"/manage/indicators/{id}/values/2025";
        var form = FormFields.Of(await client.GetStringAsync(values, Ct), "class=\"stack");
        var response = await client.PostFormAsync(values, form.Set("Input.Values[0]", "-3").Set("Input.Values[1]", "viele").Set("Input.Values[2]", "7")
            .Set("Input.Sources[2]", "Protokoll Q3").Where(f => f.Key != "__RequestVerificationToken"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        var text = Html.Text(html);
        Assert.Contains("Der Wert darf nicht negativ sein.", text);
        Assert.Contains("Bitte geben Sie eine Zahl an, z. B. 12 oder 12,5.", text);
        Assert.Contains("value=\"-3\"", html);
        Assert.Contains("value=\"viele\"", html);
        Assert.Contains("value=\"Protokoll Q3\"", html);
        Assert.Contains("href=\"#Input_Values_0_\"", html);
        // Nothing saved: the one value from before is still the only one.
        Assert.Equal([1m], await app.WithDbAsync(db => db.CustomIndicatorValues.Where(v => v.IndicatorId == id).Select(v => v.Value).ToListAsync(Ct)));

        var edit = $"/manage/indicators/edit/{id}";
        var bad = await client.PostFormAsync(edit, FormFields.Of(await client.GetStringAsync(edit, Ct), "class=\"stack").Set("Input.Name", "")
            .Set("Input.Target", "-1").Where(f => f.Key != "__RequestVerificationToken"));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var badText = Html.Text(await bad.Content.ReadAsStringAsync(Ct));
        Assert.Contains("Bitte geben Sie einen Namen an.", badText);
        Assert.Contains("Der Wert darf nicht negativ sein.", badText);
    }

    [Fact]
    public async Task Another_pools_indicator_is_not_found_and_never_in_this_pools_report()
    {
        var foreign = await app.AddAsync(app.OtherPool, "Fremde Kennzahl", IndicatorPeriod.Year, 10, (2025, 0, 7m));
        var client = await CoordinatorAsync();
        foreach (var url in new[] { $"/manage/indicators/edit/{foreign}", $"/manage/indicators/{foreign}/values/2025", $"/manage/indicators/{foreign}/delete",
                     $"/manage/reports/2025/indicators/{CustomIndicator.KeyOf(foreign)}?pool={app.Pool}", $"/manage/indicators?pool={app.OtherPool}" })
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url, Ct)).StatusCode);
        var own = await client.GetStringAsync($"/manage/reports/2025?pool={app.Pool}", Ct);
        var token = Html.AntiforgeryToken(await client.GetStringAsync($"/manage/reports/2025/texts?pool={app.Pool}", Ct));
        var post = await client.PostAsync($"/manage/indicators/{foreign}/delete", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]), Ct);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.CustomIndicators.AnyAsync(c => c.Id == foreign, Ct)));
        Assert.DoesNotContain("Fremde Kennzahl", own);
        Assert.DoesNotContain("Fremde Kennzahl", await client.GetStringAsync($"/manage/reports/2025?handler=Csv&pool={app.Pool}", Ct));
        // Its own coordinator sees it in theirs.
        var other = await app.SignedInBrowserAsync(CustomIndicatorWorld.OtherCoordinatorEmail, Roles.Coordinator);
        Assert.Contains("Fremde Kennzahl", await other.GetStringAsync("/manage/reports/2025", Ct));
    }

    [Fact]
    public async Task A_published_custom_indicator_reaches_the_public_page_and_deleting_it_asks_first_and_removes_it()
    {
        var id = await app.AddAsync(app.Pool, "Landesnetzwerktreffen", IndicatorPeriod.Year, 4, (2025, 0, 5m));
        var key = CustomIndicator.KeyOf(id);
        var client = await CoordinatorAsync();
        var texts = $"/manage/reports/2025/texts?pool={app.Pool}";
        var page = await client.GetStringAsync(texts, Ct);
        Assert.Contains($"name=\"Input.Published\" value=\"{key}\"", page);
        var form = FormFields.Of(page, "class=\"stack\"");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(texts, form.Set("Input.Published", key).Where(f => f.Key != "__RequestVerificationToken"), texts)).StatusCode);
        var impact = await app.Browser().GetStringAsync("/impact", Ct);
        Assert.Contains($"data-indicator=\"{key}\"", impact);
        Assert.Contains("Landesnetzwerktreffen (Treffen) 5", Html.Text(impact));

        var delete = $"/manage/indicators/{id}/delete";
        var confirm = Html.Text(await client.GetStringAsync(delete, Ct));
        Assert.Contains("alle ihre Werte gelöscht (1)", confirm);
        Assert.True(await app.WithDbAsync(db => db.CustomIndicators.AnyAsync(c => c.Id == id, Ct)));
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(delete, [])).StatusCode);
        Assert.False(await app.WithDbAsync(db => db.CustomIndicators.AnyAsync(c => c.Id == id, Ct)));
        Assert.False(await app.WithDbAsync(db => db.CustomIndicatorValues.AnyAsync(v => v.IndicatorId == id, Ct)));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "indicator.deleted" && a.Subject == $"indicator:{id}", Ct)));
        Assert.DoesNotContain($"data-indicator=\"{key}\"", await app.Browser().GetStringAsync("/impact", Ct));
    }

    [Theory]
    [InlineData("12", "12")]
    [InlineData("12,5", "12.5")]
    [InlineData("12.5", "12.5")]
    [InlineData(" 1 000 ", "1000")]
    [InlineData("", null)]
    public void IndicatorNumber_accepts_German_and_point_decimals(string text, string? expected)
    {
        var (value, error) = IndicatorNumber.Parse(text);
        Assert.Null(error);
        Assert.Equal(expected, value?.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("zwölf")]
    [InlineData("1,234")]
    [InlineData("20000000")]
    public void IndicatorNumber_refuses_negative_text_too_precise_and_too_large(string text) =>
        Assert.NotNull(IndicatorNumber.Parse(text).Error);
}
