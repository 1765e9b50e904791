using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Beraterpool.Tests.Security;

/// <summary>
/// Posts the hostile values of <c>FuzzCorpus.txt</c> into every POST form every role can reach (found on every page of
/// the endpoint data source, opened with the role's own records): each value into all fields at once, a few sharp ones
/// into one field at a time with the rest as rendered, bodies of the wrong content type, broken and oversized uploads,
/// and each form without its anti-forgery token. No answer may be a 500 and no exception may reach the error page;
/// a missing token is a 400.
/// </summary>
public sealed partial class FuzzTests(FuzzTests.App app, ITestOutputHelper output) : IClassFixture<FuzzTests.App>
{
    public sealed class App : SecurityApp;

    // Into one field at a time: the values most likely to break a parser or a column.
    private static readonly string[] Sharp = ["@repeat:10000:a", "\\u0000", "99999999999999999999", "0001-01-01"];

    /// <summary>The role whose own records (see <see cref="SecurityWorld"/>) open the pages with a record.</summary>
    private static string? OwnSet(string role) => role switch
    {
        "anonymous" or "reviewer" or "mentor" => null,
        "other-advisor" or "other-contact" => "a2",
        "coordinator-b" => "b",
        _ => "a1",
    };

    [Fact]
    public async Task Hostile_values_in_every_form_of_every_role_never_answer_500()
    {
        var ct = TestContext.Current.CancellationToken;
        var corpus = Corpus();
        var sharp = Sharp.Select(Decode).ToArray();
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var forms = await DiscoverAsync(client, ct);
        Assert.True(forms.Count > 30, $"Only {forms.Count} forms found.");

        var watch = Stopwatch.StartNew();
        var failures = new ConcurrentQueue<string>();
        var posts = 0;
        var timings = new ConcurrentQueue<(double, string)>();
        var fieldByField = new ConcurrentDictionary<string, bool>();
        // Without the anti-forgery token (neither field nor header): refused with 400, before anything happens. All of
        // these first, while every caller's session is alive: a fuzzed form that changes accounts (coordinators of a pool,
        // signing out) rotates security stamps, and a caller signed out meanwhile is answered 302, not 400.
        await Parallel.ForEachAsync(forms.Where(f => f.Form.Fields.Any(x => x.Name == "__RequestVerificationToken")),
            new ParallelOptions { MaxDegreeOfParallelism = 3, CancellationToken = ct }, async (item, token) =>
        {
            var (form, caller) = item;
            using var request = new HttpRequestMessage(HttpMethod.Post, form.Action.Split('#')[0])
            { Content = form.Body(f => f.Name == "__RequestVerificationToken" ? null : f.Value) };
            if (caller.Cookies.Length > 0) request.Headers.Add("Cookie", caller.Cookies);
            using var response = await client.SendAsync(request, token);
            Interlocked.Increment(ref posts);
            if ((int)response.StatusCode != 400)
                failures.Enqueue($"{(int)response.StatusCode} for no anti-forgery token posted to {request.RequestUri} as {caller.Role} (form on {form.Page}), expected 400");
        });

        // The forms that change accounts go last and one by one, so that they end no session the others still fuzz with.
        static bool ChangesAccounts((PostForm Form, Caller) item) => AccountChanging().IsMatch(item.Form.Action);
        await Parallel.ForEachAsync(forms.Where(f => !ChangesAccounts(f)), new ParallelOptions { MaxDegreeOfParallelism = 3, CancellationToken = ct }, FuzzAsync);
        foreach (var item in forms.Where(ChangesAccounts)) await FuzzAsync(item, ct);

        async ValueTask FuzzAsync((PostForm Form, Caller Caller) item, CancellationToken token)
        {
            var (form, caller) = item;
            var formWatch = Stopwatch.StartNew();
            var url = form.Action.Split('#')[0];
            async Task PostAsync(string what, HttpContent content)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
                if (caller.Cookies.Length > 0) request.Headers.Add("Cookie", caller.Cookies);
                request.Headers.Add("RequestVerificationToken", caller.RequestToken);
                using var response = await client.SendAsync(request, token);
                Interlocked.Increment(ref posts);
                var status = (int)response.StatusCode;
                if (status >= 500) failures.Enqueue($"{status} for {what} posted to {url} as {caller.Role} (form on {form.Page})");
            }
            string Token(FormField f) => f.Name == "__RequestVerificationToken" ? caller.RequestToken : f.Value;

            foreach (var value in corpus)
                await PostAsync($"'{Show(value)}' in every field", form.Body(f => f.Name == "__RequestVerificationToken" ? caller.RequestToken : value));
            // The same fields sent to another handler (a search button) are taken apart once.
            foreach (var field in fieldByField.TryAdd(string.Join(',', form.Fields.Select(f => f.Name)), true) ? form.Values : [])
                foreach (var value in sharp)
                    await PostAsync($"'{Show(value)}' in {field.Name}", form.Body(f => f.Name == field.Name ? value : Token(f)));

            // The wrong content type: JSON, plain text, and the other form encoding.
            var fields = form.Fields.Where(f => f.Type != "file").GroupBy(f => f.Name).ToDictionary(g => g.Key, g => Token(g.First()));
            await PostAsync("a JSON body", new StringContent(System.Text.Json.JsonSerializer.Serialize(fields), Encoding.UTF8, "application/json"));
            await PostAsync("a text/plain body", new StringContent(string.Join('\n', fields.Select(kv => $"{kv.Key}={kv.Value}")), Encoding.UTF8, "text/plain"));
            await PostAsync(form.Multipart ? "urlencoded instead of multipart" : "multipart instead of urlencoded",
                (form with { Multipart = !form.Multipart }).Body(Token));

            foreach (var file in form.Files)
                foreach (var (what, upload) in Uploads())
                    await PostAsync($"{what} as {file.Name}", form.Body(Token, f => f.Name == file.Name ? upload : null));
            timings.Enqueue((formWatch.Elapsed.TotalSeconds, $"{url} {form.Fields.Count} fields"));
        }
        foreach (var t in timings.OrderByDescending(t => t.Item1).Take(5)) output.WriteLine($"slowest: {t.Item1:0.0} s {t.Item2}");

        var summary = $"Fuzz corpus: {corpus.Count} values ({Sharp.Length} also field by field), {forms.Count} forms, {posts} posts in {watch.Elapsed.TotalSeconds:0.0} s";
        output.WriteLine(summary);
        TestContext.Current.SendDiagnosticMessage(summary);
        // The exceptions first, one line per kind: they say what to fix; the posts that met them follow.
        var all = app.Exceptions.GroupBy(e => e[(e.IndexOf(": ", StringComparison.Ordinal) + 2)..]).Select(g => $"exception ×{g.Count()}: {g.First()}")
            .Concat(failures.Distinct()).ToList();
        Assert.True(all.Count == 0, $"{all.Count} failures:\n" + string.Join('\n', all.Take(60)));
    }

    /// <summary>Every POST form on every page each role can open, once per shape (the same form for another record is the same form).</summary>
    private async Task<List<(PostForm Form, Caller Caller)>> DiscoverAsync(HttpClient client, CancellationToken ct)
    {
        var operations = (await Endpoints.AllAsync(app.Services)).Where(o => o.Method == "GET" && o.Handler is null && o.Pattern != "/{**path:file}").ToList();
        var forms = new Dictionary<string, (PostForm, Caller)>(StringComparer.Ordinal);
        foreach (var role in SecurityWorld.Roles)
        {
            var caller = app.World.Callers[role];
            var set = OwnSet(role) is { } name ? app.World.Set(name) : null;
            foreach (var operation in operations.Where(o => !o.HasRecord || set is not null))
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, Endpoints.Url(operation, operation.HasRecord ? set : null));
                if (caller.Cookies.Length > 0) request.Headers.Add("Cookie", caller.Cookies);
                using var response = await client.SendAsync(request, ct);
                if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html") continue;
                foreach (var form in PostForm.On(request.RequestUri!.OriginalString, await response.Content.ReadAsStringAsync(ct)))
                    forms.TryAdd(role + " " + form.Shape, (form, caller));
            }
        }
        // A form every role shares (signing out) needs fuzzing once.
        return forms.Values.GroupBy(f => f.Item1.Shape).Select(g => g.First()).ToList();
    }

    private static IEnumerable<(string What, (byte[] Bytes, string FileName, string ContentType) Upload)> Uploads()
    {
        yield return ("an empty file", ([], "leer.pdf", "application/pdf"));
        yield return ("a PNG header and garbage", ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. Encoding.ASCII.GetBytes(new string('x', 5000))], "bild.png", "image/png"));
        yield return ("a PDF that is text", (Encoding.UTF8.GetBytes("<script>window.__xss=1</script>"), "protokoll.pdf", "application/pdf"));
        yield return ("a ZIP bomb of an ODT", (ZipBomb.Value, "bericht.odt", "application/vnd.oasis.opendocument.text"));
        yield return ("a 20 MB file", (new byte[20 * 1024 * 1024], "gross.pdf", "application/pdf"));
        yield return ("a file name with a path and a bidi mark", ("%PDF-1.4"u8.ToArray(), "../../\u202Efdp.exe", "application/pdf"));
    }

    /// <summary>An ODT whose content.xml unpacks to 200 MB (about 200 KB packed).</summary>
    private static readonly Lazy<byte[]> ZipBomb = new(() =>
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var mimetype = new StreamWriter(zip.CreateEntry("mimetype", CompressionLevel.NoCompression).Open()))
                mimetype.Write("application/vnd.oasis.opendocument.text");
            using var content = zip.CreateEntry("content.xml", CompressionLevel.SmallestSize).Open();
            var block = new byte[1024 * 1024];
            Array.Fill(block, (byte)' ');
            for (var i = 0; i < 200; i++) content.Write(block);
        }
        return stream.ToArray();
    });

    private static List<string> Corpus()
    {
        return File.ReadAllLines(Repository.File("tests/Beraterpool.Tests/Security/FuzzCorpus.txt"), Encoding.UTF8).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(Decode).ToList();
    }

    /// <summary>A corpus line as the value it stands for (see the head of FuzzCorpus.txt).</summary>
    private static string Decode(string line)
    {
        if (line == "@empty") return "";
        if (RepeatRegex().Match(line) is { Success: true } m)
            return string.Concat(Enumerable.Repeat(Decode(m.Groups[2].Value), int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)));
        return EscapeRegex().Replace(line, e => e.Value[1] switch
        {
            'n' => "\n", 'r' => "\r", 't' => "\t", '\\' => "\\",
            _ => ((char)int.Parse(e.Value[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString(),
        });
    }

    private static string Show(string value) =>
        (value.Length > 40 ? $"{value[..20]}…({value.Length} chars)" : value).Replace("\0", "\\0", StringComparison.Ordinal);

    [GeneratedRegex("/coordinators|/colleagues|/logout|/account/", RegexOptions.IgnoreCase)]
    private static partial Regex AccountChanging();

    [GeneratedRegex("^@repeat:([0-9]+):(.*)$")]
    private static partial Regex RepeatRegex();

    [GeneratedRegex("\\\\(u[0-9A-Fa-f]{4}|n|r|t|\\\\)")]
    private static partial Regex EscapeRegex();
}

/// <summary>Files of the repository, found above the test binaries.</summary>
public static class Repository
{
    public static string File(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "Beraterpool.slnx"))) return Path.Combine(dir.FullName, relative);
        throw new FileNotFoundException($"{relative}: the repository was not found above {AppContext.BaseDirectory}");
    }
}
