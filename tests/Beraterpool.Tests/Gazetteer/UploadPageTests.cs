using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Gazetteer;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Tests.Gazetteer;

/// <summary>One app for the class: each test signs in as its own account, and only one test's upload is accepted.</summary>
public sealed class UploadPageTests(UploadPageTests.App _app) : IClassFixture<UploadPageTests.App>
{
    public sealed class App() : TestApp(importGazetteer: false);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string fileName, string content)
    {
        var page = await client.GetStringAsync("/manage/gazetteer", Ct);
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(Html.AntiforgeryToken(page)), "__RequestVerificationToken");
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(content));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "Upload", fileName);
        return await client.PostAsync("/manage/gazetteer", form, Ct);
    }

    [Fact]
    public async Task Anonymous_visitor_is_sent_to_sign_in()
    {
        var response = await _app.Browser().GetAsync("/manage/gazetteer", Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Coordinator_is_refused()
    {
        var client = await _app.SignedInBrowserAsync("koordination@example.org", Roles.Coordinator);
        var response = await client.GetAsync("/manage/gazetteer", Ct);
        Assert.True(response.StatusCode is HttpStatusCode.Forbidden
            || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/account/access-denied")),
            response.StatusCode.ToString());
    }

    [Fact]
    public async Task Administrator_uploads_a_register_and_sees_the_report()
    {
        var client = await _app.SignedInBrowserAsync("admin@example.org", Roles.Administrator);
        var response = await UploadAsync(client, "auszug.csv", GazetteerRejectionTests.SmallExtract);
        var text = Html.Text(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Import abgeschlossen", text);
        Assert.Contains("6 Zeilen geprüft und übernommen: 6 neu, 0 geändert, 0 unverändert", text);

        var again = Html.Text(await (await UploadAsync(client, "auszug.csv", GazetteerRejectionTests.SmallExtract)).Content.ReadAsStringAsync(Ct));
        Assert.Contains("0 neu, 0 geändert, 6 unverändert", again);
        Assert.Contains("admin@example.org", again); // the import history names who imported

        var audits = await _app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == GazetteerImporter.ImportedAction && e.UserId != null, Ct));
        Assert.Equal(2, audits);
    }

    [Fact]
    public async Task Broken_upload_lists_the_bad_line_and_changes_nothing()
    {
        var client = await _app.SignedInBrowserAsync("admin2@example.org", Roles.Administrator);
        var broken = GazetteerRejectionTests.SmallExtract.Replace("1 087 863", "abc");
        var before = await _app.WithDbAsync(db => db.Municipalities.CountAsync(Ct));
        var text = Html.Text(await (await UploadAsync(client, "kaputt.csv", broken)).Content.ReadAsStringAsync(Ct));
        Assert.Contains("Import abgebrochen – nichts wurde übernommen", text);
        Assert.Contains("Zeile 6, Spalte bevoelkerung: keine Zahl", text);
        Assert.Equal(before, await _app.WithDbAsync(db => db.Municipalities.CountAsync(Ct)));
    }

    [Fact]
    public async Task Upload_must_be_a_csv_file()
    {
        var client = await _app.SignedInBrowserAsync("admin3@example.org", Roles.Administrator);
        var html = await (await UploadAsync(client, "liste.xlsx", "PK")).Content.ReadAsStringAsync(Ct);
        Assert.Contains("Bitte wählen Sie eine Datei im Format CSV (Endung .csv).", Html.Text(html));
        Assert.Contains("aria-invalid=\"true\"", html);
    }
}
