using System.Net;
using System.Text;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Tests.Events;

/// <summary>Files of an event's documentation: checked at upload, shown on the public page of a past public event, deleted with a confirmation.</summary>
public sealed class EventDocumentTests(EventRegistrationTests.App app) : IClassFixture<EventRegistrationTests.App>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private string Prefix => $"/pool/{app.Slug}";

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient office, string url, byte[] content, string fileName, string type)
    {
        var page = await office.GetStringAsync(url, Ct);
        var fields = FormFields.Of(page, "multipart/form-data");
        return await office.PostAsync(url, fields.Multipart("file", content, fileName, type), Ct);
    }

    [Fact]
    public async Task A_checked_file_appears_with_the_documentation_of_the_past_forum_and_downloads_with_its_type_and_a_safe_name()
    {
        var e = await app.CreateEventAsync(app.Pool, "Dialogforum Dokumentation", new DateOnly(2026, 9, 17));
        await app.WithDbAsync(db => db.Events.Where(x => x.Id == e.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Minutes, "## Ergebnisse\n\nDie Stadt prüft eine Beratung.")));
        var office = await app.SignInAsync("koord-events@example.org");
        var url = $"/manage/events/{e.Id}/documents";

        // A program renamed .pdf is refused at the field, nothing is stored.
        var refused = await UploadAsync(office, url, [0x4D, 0x5A, 0x90, 0x00, 0x03], "protokoll.pdf", "application/pdf");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Diese Datei können wir nicht annehmen", Html.Text(await refused.Content.ReadAsStringAsync(Ct)));
        Assert.False(await app.WithDbAsync(db => db.EventDocuments.AnyAsync(d => d.EventId == e.Id)));

        var saved = await UploadAsync(office, url, Pdf, "C:\\Users\\koord\\Fotoprotokoll Forum.pdf", "application/octet-stream");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var doc = await app.WithDbAsync(db => db.EventDocuments.AsNoTracking().SingleAsync(d => d.EventId == e.Id));
        Assert.Equal(("Fotoprotokoll Forum.pdf", "application/pdf", (long)Pdf.Length), (doc.FileName, doc.ContentType, doc.Size));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "event.document.uploaded" && a.Subject == $"event:{e.Id}")));

        var visitor = app.CreateClient();
        var page = await visitor.GetStringAsync($"{Prefix}/events/{e.Id}", Ct);
        var text = Html.Text(page);
        Assert.Contains("Dokumentation", text);
        Assert.Contains("Die Stadt prüft eine Beratung.", text);
        Assert.Contains("Fotoprotokoll Forum.pdf", text);
        var href = System.Text.RegularExpressions.Regex.Match(page, "href=\"([^\"]*handler=File[^\"]*)\"").Groups[1].Value;
        var download = await visitor.GetAsync(WebUtility.HtmlDecode(href), Ct);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("Fotoprotokoll Forum.pdf", download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync(Ct));

        // Deleted after the confirmation: gone from the office's list and the public page.
        var deleted = await office.PostFormAsync($"{url}?handler=Delete&documentId={doc.Id}", [], url);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.EventDocuments.AnyAsync(d => d.EventId == e.Id)));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "event.document.deleted" && a.Subject == $"event:{e.Id}")));
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(WebUtility.HtmlDecode(href), Ct)).StatusCode);
        Assert.DoesNotContain("Fotoprotokoll Forum.pdf", Html.Text(await visitor.GetStringAsync($"{Prefix}/events/{e.Id}", Ct)));
    }

    [Fact]
    public async Task Files_of_a_coming_event_stay_off_the_public_page_and_other_pools_see_none()
    {
        var e = await app.CreateEventAsync(app.Pool, "Dialogforum Noch nicht", new DateOnly(2026, 11, 30));
        var office = await app.SignInAsync("koord-events@example.org");
        var url = $"/manage/events/{e.Id}/documents";
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(office, url, Pdf, "folien.pdf", "application/pdf")).StatusCode);
        var doc = await app.WithDbAsync(db => db.EventDocuments.AsNoTracking().SingleAsync(d => d.EventId == e.Id));

        var visitor = app.CreateClient();
        Assert.DoesNotContain("folien.pdf", await visitor.GetStringAsync($"{Prefix}/events/{e.Id}", Ct));
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"{Prefix}/events/{e.Id}?handler=File&file={doc.Id}", Ct)).StatusCode);
        // The office downloads it already.
        var own = await office.GetAsync($"{url}?handler=File&documentId={doc.Id}", Ct);
        Assert.Equal("application/pdf", own.Content.Headers.ContentType?.MediaType);

        var stranger = await app.CreateUserAsync("koord-fremd-dokumente@example.org", Roles.Coordinator);
        await app.CreatePoolAsync("fremd-dokumente", stranger.Id);
        var strangerClient = await app.SignInAsync("koord-fremd-dokumente@example.org");
        Assert.Equal(HttpStatusCode.NotFound, (await strangerClient.GetAsync(url, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await strangerClient.GetAsync($"{url}?handler=File&documentId={doc.Id}", Ct)).StatusCode);
    }
}
