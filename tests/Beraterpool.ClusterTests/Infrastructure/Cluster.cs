using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Beraterpool.Tests.Infrastructure;
using Npgsql;

namespace Beraterpool.ClusterTests.Infrastructure;

/// <summary>
/// Two app processes (`dotnet Beraterpool.Web.dll`, Production, the environment of deploy/systemd/beraterpool@.service)
/// on one PostgreSQL database with one key-ring certificate, and nginx in front with deploy/nginx/beraterpool.conf.
/// Needs nginx and a PostgreSQL server (TEST_PG_CONNECTION, as for the PostgreSQL run); without them the tests are
/// skipped with the reason, or fail when CLUSTER_TESTS_REQUIRED=1 (tools/test.sh sets it).
/// </summary>
public sealed partial class Cluster : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "beraterpool-cluster", Guid.NewGuid().ToString("N")[..12]);
    private readonly List<ChildProcess> _children = [];
    private string? _database;
    private string? _server;

    public string? Missing { get; private set; }
    public IReadOnlyList<AppInstance> Instances { get; private set; } = [];
    public ChildProcess? Nginx { get; private set; }
    public int HttpsPort { get; private set; }
    public string ConnectionString { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        var nginx = NginxSite.FindNginx();
        _server = Environment.GetEnvironmentVariable("TEST_PG_CONNECTION");
        if (nginx is null) Missing = "nginx is not installed (Debian: apt-get install nginx; tools/install-test-deps.sh does it).";
        else if (string.IsNullOrEmpty(_server)) Missing = "TEST_PG_CONNECTION is not set (a PostgreSQL server, e.g. PGPORT=55432 tools/pg-throwaway.sh start).";
        else if (await PostgresProblemAsync(_server) is { } problem) Missing = $"PostgreSQL at TEST_PG_CONNECTION does not answer: {problem}";
        if (Missing is not null) return;

        Directory.CreateDirectory(_folder);
        var ct = TestContext.Current.CancellationToken;
        _database = $"bp_cluster_{Guid.NewGuid():N}";
        ConnectionString = $"{_server};Database={_database}";
        var certificate = TestCertificates.CreatePfx(Path.Combine(_folder, "keys"));
        HttpsPort = NginxSite.FreePort();
        var httpPort = NginxSite.FreePort();
        var ports = new[] { NginxSite.FreePort(), NginxSite.FreePort() };

        var common = new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__Default"] = ConnectionString,
            ["DataProtection__CertificatePath"] = certificate,
            ["App__PublicUrl"] = $"https://{NginxSite.Host}:{HttpsPort}",
            ["Proxy__KnownProxies"] = "127.0.0.1",
            ["Gazetteer__ImportOnStart"] = "false",
            ["Email__OutboxFolder"] = Path.Combine(_folder, "outbox"),
            // The production schedule, only faster: every instance looks for due jobs each second.
            ["Jobs__PollInterval"] = "00:00:01",
            ["Database__MigrateOnStart"] = "false",
        };

        // Migrations and the demo pools and accounts, once by the command-line tool as before a deployment
        // (Database:MigrateOnStart=false on the instances); Demo:Seed is refused in Production, so the tool runs as Staging.
        var seedEnvironment = new Dictionary<string, string>(common)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Staging", ["Demo__Seed"] = "true", ["Demo__Year"] = "false",
        };
        await using (var seed = ChildProcess.Start("seed", Dotnet, [Repository.CliDll, "migrate"], seedEnvironment, _folder))
        {
            var exit = await seed.WaitAsync(TimeSpan.FromMinutes(3));
            Assert.True(exit == 0, "Seeding failed:\n" + seed.Tail());
        }

        var instances = new List<AppInstance>();
        foreach (var (port, name) in ports.Zip(new[] { "A", "B" }))
        {
            var environment = new Dictionary<string, string>(common);
            foreach (var (key, value) in UnitEnvironment(port)) environment[key] = value;
            var process = ChildProcess.Start($"instance {name}", Dotnet, [Repository.WebDll], environment, Repository.WebContentRoot);
            _children.Add(process);
            instances.Add(new AppInstance(name, port, process));
        }
        Instances = instances;
        foreach (var instance in instances) await instance.WaitUntilReadyAsync(TimeSpan.FromMinutes(3), ct);

        var (tlsCertificate, tlsKey) = NginxSite.WriteTlsPair(_folder);
        var site = NginxSite.Site(await File.ReadAllTextAsync(Path.Combine(Repository.Root, "deploy", "nginx", "beraterpool.conf"), ct),
            HttpsPort, httpPort, ports, tlsCertificate, tlsKey);
        var siteFile = Path.Combine(_folder, "beraterpool.conf");
        await File.WriteAllTextAsync(siteFile, site, ct);
        var mainFile = Path.Combine(_folder, "nginx.conf");
        await File.WriteAllTextAsync(mainFile, NginxSite.MainConfiguration(_folder, siteFile), ct);
        Nginx = ChildProcess.Start("nginx", nginx!, ["-p", _folder, "-e", Path.Combine(_folder, "error.log"), "-c", mainFile], new Dictionary<string, string>(), _folder);
        _children.Add(Nginx);
        await WaitForNginxAsync(ct);
    }

    /// <summary>Skips the test (or fails it where the cluster is required) when nginx or PostgreSQL is missing.</summary>
    public void Require()
    {
        if (Missing is null) return;
        if (Environment.GetEnvironmentVariable("CLUSTER_TESTS_REQUIRED") == "1") Assert.Fail("The two-instance tests cannot run: " + Missing);
        Assert.Skip("The two-instance tests need nginx and PostgreSQL: " + Missing);
    }

    /// <summary>A browser through nginx over HTTPS: keeps cookies, follows no redirects, sends a traceparent per request.</summary>
    public TracingBrowser Browser() => new(HttpsPort);

    /// <summary>Which instance answered the request with this trace id (from the request log line of each instance).</summary>
    public async Task<AppInstance> AnsweredByAsync(string traceId)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var answering = Instances.Where(i => i.Process.Lines.Any(l => l.Contains($"\"@tr\":\"{traceId}\"") && l.Contains("\"RequestPath\""))).ToList();
            if (answering.Count == 1) return answering[0];
            Assert.True(answering.Count == 0, $"Request {traceId} logged by {answering.Count} instances.");
            await Task.Delay(100); // the request log line is written when the response has gone
        }
        throw new Xunit.Sdk.XunitException($"No instance logged request {traceId}.\n{Logs()}");
    }

    public string Logs() => string.Join(Environment.NewLine, Instances.Select(i => i.Process.Tail(15)).Append(Nginx?.Tail(10) ?? ""));

    /// <summary>The unit's Environment= lines with %i as the port: what systemd gives the instance.</summary>
    private static IEnumerable<KeyValuePair<string, string>> UnitEnvironment(int port)
    {
        var unit = File.ReadAllLines(Path.Combine(Repository.Root, "deploy", "systemd", "beraterpool@.service"));
        var lines = unit.Select(l => EnvironmentLine().Match(l)).Where(m => m.Success).ToList();
        Assert.Contains(lines, m => m.Groups[1].Value == "ASPNETCORE_URLS");
        return lines.Select(m => KeyValuePair.Create(m.Groups[1].Value, m.Groups[2].Value.Replace("%i", port.ToString(System.Globalization.CultureInfo.InvariantCulture))));
    }

    private async Task WaitForNginxAsync(CancellationToken ct)
    {
        using var browser = Browser();
        var clock = Stopwatch.StartNew();
        while (true)
        {
            Assert.False(Nginx!.HasExited, "nginx stopped:\n" + Nginx.Tail() + ErrorLog());
            try
            {
                if ((await browser.Client.GetAsync("/health/ready", ct)).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) when (clock.Elapsed < TimeSpan.FromSeconds(20))
            {
            }
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), "nginx does not answer /health/ready:\n" + Nginx.Tail() + ErrorLog());
            await Task.Delay(100, ct);
        }
    }

    private string ErrorLog() => File.Exists(Path.Combine(_folder, "error.log")) ? File.ReadAllText(Path.Combine(_folder, "error.log")) : "";

    private static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    private static async Task<string?> PostgresProblemAsync(string server)
    {
        try
        {
            await using var connection = new NpgsqlConnection(server + ";Database=postgres;Timeout=5");
            await connection.OpenAsync();
            return null;
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException)
        {
            return e.Message;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var child in Enumerable.Reverse(_children)) await child.DisposeAsync();
        if (_database is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_server + ";Database=postgres");
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    [GeneratedRegex(@"^\s*Environment=([A-Za-z_][A-Za-z0-9_]*)=(.*)$")]
    private static partial Regex EnvironmentLine();
}
