using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Beraterpool.ClusterTests.Infrastructure;
using Beraterpool.Tests.Infrastructure;

namespace Beraterpool.ClusterTests;

/// <summary>
/// The production set-up of the README, run for real: nginx with deploy/nginx/beraterpool.conf in front of two app
/// processes on one PostgreSQL database (demo pools and accounts). nginx balances round robin without stickiness, so
/// consecutive requests of one browser go to alternate instances; each test names the instance that answered.
/// </summary>
public sealed partial class TwoInstanceTests(Cluster cluster) : IClassFixture<Cluster>
{
    private const string Advisor = "amina.tesfaye@miglobe.local";
    private const string DemoPassword = "Demo-Passwort-2026";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_user_signed_in_through_nginx_stays_signed_in_on_both_instances()
    {
        cluster.Require();
        using var browser = await SignedInAsync();

        var answeredBy = new List<AppInstance>();
        for (var i = 0; i < 6; i++)
        {
            var response = await browser.Client.GetAsync("/me/profile", Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"Request {i + 1}: {(int)response.StatusCode} {response.Headers.Location}");
            Assert.Contains("Tesfaye", await response.Content.ReadAsStringAsync(Ct));
            answeredBy.Add(await cluster.AnsweredByAsync(response.TraceId()));
        }
        Assert.Equal(["A", "B"], answeredBy.Select(i => i.Name).Distinct().Order());

        // The app saw HTTPS through X-Forwarded-Proto: HSTS is sent and the session cookie is Secure.
        var last = await browser.Client.GetAsync("/me/profile", Ct);
        Assert.True(last.Headers.Contains("Strict-Transport-Security"));
        Assert.All(browser.Cookies.GetAllCookies(), c => Assert.True(c.Secure, $"cookie {c.Name} is not Secure"));
    }

    [Fact]
    public async Task A_form_rendered_by_one_instance_is_accepted_by_the_other()
    {
        cluster.Require();
        using var browser = await SignedInAsync();

        var crossed = 0;
        for (var i = 0; i < 4; i++)
        {
            var page = await browser.Client.GetAsync("/me/profile", Ct);
            var form = FormFields.Of(await page.Content.ReadAsStringAsync(Ct), "multipart/form-data");
            var post = await browser.Client.PostAsync("/me/profile", form.Multipart(), Ct);
            Assert.True(post.StatusCode == HttpStatusCode.Redirect, $"Post {i + 1}: {(int)post.StatusCode}\n{cluster.Logs()}");
            if ((await cluster.AnsweredByAsync(page.TraceId())).Name != (await cluster.AnsweredByAsync(post.TraceId())).Name) crossed++;
        }
        Assert.True(crossed > 0, "Every form was posted to the instance that rendered it; the test proves nothing.");
    }

    [Fact]
    public async Task A_consent_withdrawn_through_one_instance_is_gone_from_the_other_within_two_seconds()
    {
        cluster.Require();
        // Both instances have built their directory, profile and API caches with the country shown.
        foreach (var instance in cluster.Instances)
        {
            using var direct = instance.Direct();
            Assert.Contains("Äthiopien", await TextAsync(direct, "/advisors/amina-tesfaye"));
            Assert.Contains("Amina Tesfaye", await TextAsync(direct, "/advisors?country=ET"));
            Assert.True(ApiCountries(await direct.GetStringAsync("/api/advisors?q=Tesfaye", Ct)) is not null);
        }

        using var browser = await SignedInAsync();
        var page = await browser.Client.GetAsync("/me/profile", Ct);
        var form = FormFields.Of(await page.Content.ReadAsStringAsync(Ct), "multipart/form-data").Without("Input.Consents", "CountriesOfOrigin");
        var post = await browser.Client.PostAsync("/me/profile", form.Multipart(), Ct);
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        var withdrawnAt = System.Diagnostics.Stopwatch.StartNew();
        var writer = await cluster.AnsweredByAsync(post.TraceId());
        var other = cluster.Instances.Single(i => i != writer);

        using var client = other.Direct();
        var seen = new List<string>();
        while (true)
        {
            var profile = await TextAsync(client, "/advisors/amina-tesfaye");
            var directory = await TextAsync(client, "/advisors?country=ET");
            var api = ApiCountries(await client.GetStringAsync("/api/advisors?q=Tesfaye", Ct));
            var stale = new[] { profile.Contains("Äthiopien") ? "profile" : null, directory.Contains("Amina Tesfaye") ? "directory" : null, api is not null ? "/api/advisors" : null }
                .OfType<string>().ToList();
            if (stale.Count == 0) break;
            seen = stale;
            Assert.True(withdrawnAt.Elapsed < TimeSpan.FromSeconds(2),
                $"{withdrawnAt.Elapsed.TotalSeconds:0.0} s after the withdrawal on {writer}, {other} still shows the country in: {string.Join(", ", seen)}");
            await Task.Delay(100, Ct);
        }
    }

    [Fact]
    public async Task The_daily_retention_job_runs_once_although_both_instances_look_every_second()
    {
        cluster.Require();
        // Both instances offer the job to the lease every second (Jobs:PollInterval) from their start on.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (await ScalarAsync("""SELECT COUNT(*) FROM "RetentionRuns" """) == 0)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), "No retention run within 15 s of both instances polling every second.\n" + cluster.Logs());
            await Task.Delay(200, Ct);
        }
        await Task.Delay(TimeSpan.FromSeconds(3), Ct); // three more looks by each instance

        Assert.Equal(1, await ScalarAsync("""SELECT COUNT(*) FROM "RetentionRuns" """));
        await using var connection = new Npgsql.NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new Npgsql.NpgsqlCommand("""SELECT "Instance" FROM "RetentionRuns" """, connection);
        var ranOn = (string)(await command.ExecuteScalarAsync(Ct))!;
        Assert.Single(cluster.Instances, i => ranOn.Contains($"/{i.Process.Id}/"));
    }

    [Fact]
    public void Nginx_accepts_exactly_the_bodies_the_app_accepts()
    {
        var site = File.ReadAllText(Path.Combine(Repository.Root, "deploy", "nginx", "beraterpool.conf"));
        var m = BodySize().Match(site);
        Assert.True(m.Success, "client_max_body_size <n>m; is missing");
        Assert.Equal(Beraterpool.Web.Features.Shared.UploadLimits.MaxRequestBytes, long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) * 1024 * 1024);
    }

    private async Task<TracingBrowser> SignedInAsync()
    {
        var browser = cluster.Browser();
        var login = await browser.Client.GetAsync("/account/login", Ct);
        var token = Regex.Match(await login.Content.ReadAsStringAsync(Ct), "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var response = await browser.Client.PostAsync("/account/login", new FormUrlEncodedContent(
            [new("Input.Email", Advisor), new("Input.Password", DemoPassword), new("__RequestVerificationToken", WebUtility.HtmlDecode(token))]), Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Sign-in answered {(int)response.StatusCode}\n{cluster.Logs()}");
        return browser;
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<string> TextAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path, Ct);
        return WebUtility.HtmlDecode(Regex.Replace(html, "<[^>]+>", " "));
    }

    /// <summary>Amina Tesfaye's countries in the JSON of /api/advisors; null when the field is absent.</summary>
    private static string? ApiCountries(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var item = doc.RootElement.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("name").GetString() == "Amina Tesfaye");
        return item.TryGetProperty("countries", out var countries) ? countries.GetRawText() : null;
    }

    [GeneratedRegex(@"^\s*client_max_body_size\s+(\d+)m;", RegexOptions.Multiline)]
    private static partial Regex BodySize();
}
