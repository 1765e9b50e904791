using Beraterpool.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Beraterpool.Tests.Infrastructure;

/// <summary>
/// The real app over HTTP with its own real database: a fresh SQLite file, or a fresh PostgreSQL database
/// when TEST_DATABASE=Postgres (the test script starts a throwaway server; see tools/test.sh).
/// </summary>
public class TestApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>
    /// Starts the host before any test runs: as a shared fixture the app would otherwise be started lazily by
    /// whichever test comes first, and WebApplicationFactory's lazy start is not safe when two tests race.
    /// </summary>
    public virtual ValueTask InitializeAsync()
    {
        _ = Server;
        return ValueTask.CompletedTask;
    }

    public static bool UsePostgres => string.Equals(Environment.GetEnvironmentVariable("TEST_DATABASE"), "Postgres", StringComparison.OrdinalIgnoreCase);

    public static string PostgresServer => Environment.GetEnvironmentVariable("TEST_PG_CONNECTION")
                                          ?? "Host=127.0.0.1;Port=55432;Username=postgres";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "beraterpool-tests", Guid.NewGuid().ToString("N"));
    private readonly string _connectionString;
    private readonly Dictionary<string, string?> _settings = new();

    public TestApp(bool demo = false, bool importGazetteer = true)
    {
        Directory.CreateDirectory(_folder);
        _connectionString = UsePostgres
            ? $"{PostgresServer};Database=bp_{Guid.NewGuid():N}"
            : $"Data Source={Path.Combine(_folder, "test.db")}";
        _settings["Demo:Seed"] = demo ? "true" : "false";
        // The demo year (requests, engagements, statements) is on in ./run.sh; tests that need it say With("Demo:Year", "true").
        _settings["Demo:Year"] = "false";
        _settings["Gazetteer:ImportOnStart"] = importGazetteer ? "true" : "false";
        // Links in mails come from configuration only; the test client's host is http://localhost too.
        _settings["App:PublicUrl"] = "http://localhost";
        // Every test client comes from the same (empty) address and signs in often; the throttling tests set real limits.
        _settings["Accounts:RateLimit:PermitLimit"] = "100000";
        _settings["Accounts:RateLimit:PerAccountPermitLimit"] = "100000";
        // Tests sign in as coordinators and administrators without an authenticator app; the two-factor tests
        // switch the production default (Administrator, Coordinator) back on with With(TwoFactorPolicy.SettingKey, …).
        _settings["Accounts:RequireTwoFactorForRoles"] = "";
        // No job runs by itself in a test app; the job tests run them directly or switch the scheduler on.
        _settings["Jobs:Enabled"] = "false";
    }

    public string Folder => _folder;
    /// <summary>This app's database, e.g. to start a second instance on the same data.</summary>
    public string ConnectionString => _connectionString;
    public string OutboxFolder => Path.Combine(_folder, "outbox");

    /// <summary>Extra configuration, set before the first request.</summary>
    public TestApp With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    private TimeProvider? _time;

    /// <summary>The app's clock, e.g. a FakeTimeProvider set to 31 December 23:30 in Berlin; set before the first request.</summary>
    public TestApp WithTime(TimeProvider time)
    {
        _time = time;
        return this;
    }

    private readonly List<Action<IServiceCollection>> _services = [];

    /// <summary>Extra or replaced services (e.g. a log sink that collects events); set before the first request.</summary>
    public TestApp WithServices(Action<IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (_time is { } time) builder.ConfigureTestServices(s => s.AddSingleton(time));
        foreach (var configure in _services) builder.ConfigureTestServices(configure);
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", UsePostgres ? "Postgres" : "Sqlite");
        builder.UseSetting("ConnectionStrings:Default", _connectionString);
        builder.UseSetting("Email:OutboxFolder", OutboxFolder);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
    }

    /// <summary>A scope on the app's services, e.g. to arrange or inspect data through the real context.</summary>
    public AsyncServiceScope Scope() => Services.CreateAsyncScope();

    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        await using var scope = Scope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>
    /// Data arranged behind the app's back (straight into the database) changed what <paramref name="keys"/> cover
    /// (<see cref="DataVersions.Pool"/>, <see cref="DataVersions.Catalogue"/>): bumps them as the app's own writes do.
    /// </summary>
    public async Task ChangedAsync(params string[] keys)
    {
        await using var scope = Scope();
        await Services.GetRequiredService<DataVersions>().SaveChangesAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), keys);
    }

    /// <summary>An HTTP client that keeps cookies and does not follow redirects (tests assert them).</summary>
    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (UsePostgres)
        {
            NpgsqlConnection.ClearAllPools();
            var database = new NpgsqlConnectionStringBuilder(_connectionString).Database;
            await using var conn = new NpgsqlConnection(PostgresServer + ";Database=postgres");
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        else
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        GC.SuppressFinalize(this);
    }
}
