using System.Collections.Concurrent;
using System.Diagnostics;
using Beraterpool.Web.Data;
using Beraterpool.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace Beraterpool.Tests.Security;

/// <summary>
/// Every operation of the app (endpoint data source × GET and each POST handler) × every role × the record sets a1
/// (pool A, the advisor's and the contact's own records), a2 (pool A, another advisor's and another contact's) and b
/// (pool B), compared with <c>AuthorizationMatrix.expected.txt</c> beside this file. Independently of the table, an
/// "allow" on another person's or another pool's record fails. POSTs carry the caller's valid anti-forgery token and
/// no fields, so that authorization decides; after every POST that got through, the database is put back as it was.
/// </summary>
public sealed class AuthorizationMatrixTests(AuthorizationMatrixTests.App app, ITestOutputHelper output) : IClassFixture<AuthorizationMatrixTests.App>
{
    public sealed class App : SecurityApp;

    private const string TableFile = "AuthorizationMatrix.expected.txt";
    private const string UpdateVariable = "UPDATE_AUTHORIZATION_MATRIX";

    private sealed record Probe(Operation Operation, string Variant, string Role, string Url)
    {
        public string Key => $"{Operation.Verb} {Operation.Pattern} {Variant} {Role}";
    }

    [Fact]
    public async Task Every_operation_answers_every_role_as_the_reviewed_table_says()
    {
        Assert.SkipWhen(TestApp.UsePostgres, "The matrix restores the database between posts with SQLite's backup; run it on SQLite.");
        var ct = TestContext.Current.CancellationToken;
        var world = app.World;
        var operations = await Endpoints.AllAsync(app.Services);
        var probes = (from operation in operations
                      from variant in operation.HasRecord ? new[] { "a1", "a2", "b" } : ["-"]
                      from role in SecurityWorld.Roles
                      select new Probe(operation, variant, role, Endpoints.Url(operation, variant == "-" ? null : world.Set(variant)))).ToList();

        var watch = Stopwatch.StartNew();
        var outcomes = new ConcurrentDictionary<string, string>();
        var leaks = new ConcurrentQueue<string>();
        var shown = new ConcurrentDictionary<string, bool>();
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        // Reads in parallel; writes one at a time, each on the database as it was arranged.
        await Parallel.ForEachAsync(probes.Where(p => p.Operation.Method == "GET"), new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct },
            async (probe, token) => outcomes[probe.Key] = await SendAsync(client, probe, world.Callers[probe.Role], body =>
            {
                foreach (var secret in world.Sets.SelectMany(set => set.Secrets).Where(secret => body.Contains(secret, StringComparison.Ordinal))) shown[secret] = true;
                foreach (var set in world.Sets.Where(set => MayNotRead(probe, set.Name)))
                    foreach (var secret in set.Secrets.Where(secret => body.Contains(secret, StringComparison.Ordinal)))
                        leaks.Enqueue($"{probe.Key} ({probe.Url}) shows '{secret}' of record set {set.Name}");
            }, token));
        using var snapshot = Snapshot();
        foreach (var probe in probes.Where(p => p.Operation.Method != "GET"))
        {
            var outcome = outcomes[probe.Key] = await SendAsync(client, probe, world.Callers[probe.Role], null, ct);
            if (outcome == "allow") Restore(snapshot);
        }

        var size = $"Authorization matrix: {operations.Select(o => o.Pattern).Distinct().Count()} endpoints, {operations.Count} operations " +
                         $"({operations.Count(o => o.HasRecord)} with a record × 3 record sets) × {SecurityWorld.Roles.Length} roles = {probes.Count} requests " +
                         $"in {watch.Elapsed.TotalSeconds:0.0} s";
        output.WriteLine(size);
        TestContext.Current.SendDiagnosticMessage(size);

        var failures = new List<string>();
        failures.AddRange(app.Exceptions.Select(e => "exception: " + e));
        failures.AddRange(probes.Where(p => outcomes[p.Key].StartsWith("error-5", StringComparison.Ordinal)).Select(p => $"{p.Key}: {outcomes[p.Key]} ({p.Url})"));
        failures.AddRange(probes.Where(p => outcomes[p.Key] == "allow" && MustBeRefused(p)).Select(p => $"unexpected allow: {p.Key} ({p.Url})"));
        failures.AddRange(leaks.Order(StringComparer.Ordinal).Select(l => "leak: " + l));
        // The leak check looks for texts that the rightful readers do see; if they vanish from the pages it checks nothing.
        failures.AddRange(world.Sets.SelectMany(set => new[] { set.RequestReference, $"Kontakt {set.Name}", $"Option {set.Name}", $"protokoll-{set.Name}.pdf", set.StatementReference })
            .Where(secret => !shown.ContainsKey(secret)).Select(secret => $"'{secret}' was shown on no page: the leak check lost its markers"));

        var actual = probes.Select(p => $"{p.Key} {outcomes[p.Key]}").ToList();
        var path = TablePath();
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            await File.WriteAllLinesAsync(path, [.. Header, .. actual], ct);
            failures.Add($"{TableFile} rewritten from today's behaviour: review every changed line (git diff), then run again without {UpdateVariable}.");
        }
        else
        {
            var expected = File.Exists(path) ? File.ReadAllLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList() : [];
            var missing = actual.Except(expected).ToList();
            var extra = expected.Except(actual).ToList();
            if (missing.Count > 0 || extra.Count > 0)
                failures.Add($"The answers differ from {TableFile}. If the change is intended, run the test with {UpdateVariable}=1, " +
                             "review the diff line by line and commit the table.\n" +
                             string.Join('\n', missing.Select(l => "  now:      " + l).Concat(extra.Select(l => "  expected: " + l))));
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    /// <summary>
    /// The rule the table is reviewed against: outside the public pages nobody reaches another person's records, a
    /// coordinator only their own pool's, and reviewers, mentors and visitors no record at all.
    /// </summary>
    private static bool MustBeRefused(Probe p)
    {
        if (p.Operation.Anonymous) return false;
        if (p.Role == "anonymous") return true;
        if (p.Variant == "-") return false;
        return (p.Role, p.Variant) switch
        {
            ("administrator", _) => false,
            // The demo mentor mentors a1's advisor (SecurityWorld): that pair is the one record a mentor may open.
            ("mentor", "a1") when p.Operation.Pattern.StartsWith("/mentoring/", StringComparison.Ordinal) => false,
            ("reviewer" or "mentor", _) => true,
            ("coordinator-a", "b") => true,
            ("coordinator-b", "a1" or "a2") => true,
            ("advisor" or "contact", "a2" or "b") => true,
            ("other-advisor" or "other-contact", "a1" or "b") => true,
            _ => false,
        };
    }

    /// <summary>
    /// Whether a page may show the secrets of a record set: the same rule as for the records themselves, on every page
    /// (lists, exports, public pages) — except a public page naming that very record, such as its tracking link.
    /// </summary>
    private static bool MayNotRead(Probe p, string set) =>
        !(p.Operation.Anonymous && p.Variant == set) && MustBeRefused(p with { Operation = p.Operation with { Anonymous = false }, Variant = set });

    private static async Task<string> SendAsync(HttpClient client, Probe probe, Caller caller, Action<string>? read, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(new HttpMethod(probe.Operation.Method), probe.Url);
        if (caller.Cookies.Length > 0) request.Headers.Add("Cookie", caller.Cookies);
        if (probe.Operation.Method != "GET") request.Content = new FormUrlEncodedContent([new("__RequestVerificationToken", caller.RequestToken)]);
        using var response = await client.SendAsync(request, ct);
        if (read is not null && response.IsSuccessStatusCode && response.Content.Headers.ContentType?.MediaType is { } type
            && (type.StartsWith("text/", StringComparison.Ordinal) || type.Contains("json", StringComparison.Ordinal)))
            read(await response.Content.ReadAsStringAsync(ct));
        return Classify(response);
    }

    /// <summary>allow = 2xx or a redirect elsewhere; login = sent to sign in; deny = 401, 403, 404 (a hidden record) or the access-denied page.</summary>
    public static string Classify(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var to = response.Headers.Location?.OriginalString ?? "";
        return status switch
        {
            >= 500 => $"error-{status}",
            401 or 403 or 404 => "deny",
            429 => "limited",
            >= 300 and < 400 when to.Contains("/account/login", StringComparison.Ordinal) => "login",
            >= 300 and < 400 when to.Contains("/account/access-denied", StringComparison.Ordinal) => "deny",
            >= 200 and < 400 => "allow",
            _ => $"error-{status}",
        };
    }

    private static readonly string[] Header =
    [
        "# Who may do what: <verb> <route> <record set> <role> <answer>, one line per operation, record set and role.",
        "# Record sets: a1 = pool A (nrw), the records of the demo advisor and of the demo contact (Köln); a2 = pool A, another",
        "# advisor's and another municipality's contact's (Bonn); b = pool B (bw); - = the route names no record.",
        "# Answers: allow (2xx, or a redirect elsewhere), login (sent to sign in), deny (401/403/404/access denied), limited (429).",
        "# Generated by AuthorizationMatrixTests with UPDATE_AUTHORIZATION_MATRIX=1, then reviewed line by line: every allow of",
        "# a2 or b for the advisor or the contact, of a1/a2 for coordinator-b and of b for coordinator-a is a hole, not a line.",
        "# A POST carries only a valid anti-forgery token, so 'allow' there may be the form shown again with its messages.",
    ];

    private static string TablePath() => Repository.File("tests/Beraterpool.Tests/Security/" + TableFile);

    private string LiveDatabase => $"Data Source={Path.Combine(app.Folder, "test.db")};Pooling=False";

    private SqliteConnection Snapshot()
    {
        var snapshot = new SqliteConnection("Data Source=:memory:");
        snapshot.Open();
        using var live = new SqliteConnection(LiveDatabase);
        live.Open();
        live.BackupDatabase(snapshot);
        return snapshot;
    }

    private void Restore(SqliteConnection snapshot)
    {
        // The app's background work (the outbox sender, a mail still leaving after the answer) may hold the write lock for a
        // moment; the restore waits for it rather than failing the whole matrix on a busy machine.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var live = new SqliteConnection(LiveDatabase);
                live.Open();
                snapshot.BackupDatabase(live);
                break;
            }
            catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6 && attempt < 50) { Thread.Sleep(100); }
        }
        // The restored database may hold an older catalogue version than the one in memory; bumping it reloads at once.
        app.ChangedAsync(DataVersions.Catalogue).GetAwaiter().GetResult();
        if (app.Services.GetService<IMemoryCache>() is MemoryCache cache) cache.Compact(1.0);
    }
}
