using System.Net;
using Beraterpool.Tests.Events;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Applications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Beraterpool.Tests.Calls;

/// <summary>
/// Applying without an account: the confirmation with the personal link, the CV checked by its content, a form that
/// comes back keeping every answer and the upload, and the deadline.
/// </summary>
public sealed class ApplicationFormTests(ApplicationFormTests.App app) : IClassFixture<ApplicationFormTests.App>
{
    public sealed class App : TestApp
    {
        /// <summary>1 July 2026, 10:00 in Berlin.</summary>
        public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 7, 1, 8, 0, 0, TimeSpan.Zero));
        public string Slug { get; private set; } = "";
        public int CallId { get; private set; }
        public int QuestionId { get; private set; }

        // Every test posts from the same address; the sending limit has its own tests.
        public App() : base(importGazetteer: false) => WithTime(Time).With("Requests:RateLimit:PermitLimit", "1000");

        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            var coordinator = await this.CreateUserAsync("koord-apply@example.org", Roles.Coordinator);
            var pool = await this.CreatePoolAsync("bewerbung", coordinator.Id);
            Slug = pool.Slug;
            var now = Time.GetUtcNow();
            var call = new Call
            {
                PoolId = pool.Id, Title = "Berater*innen gesucht", OpensAt = now.AddDays(-1), ClosesAt = now.AddDays(10), CreatedAt = now, UpdatedAt = now,
                Criteria = [new() { Position = 1, Name = "Motivation" }],
                Questions = [new() { Position = 1, Prompt = "Verein?", Kind = QuestionKind.ShortText, IsRequired = true }],
            };
            await this.WithDbAsync(async db => { db.Calls.Add(call); await db.SaveChangesAsync(); return 0; });
            (CallId, QuestionId) = (call.Id, call.Questions[0].Id);
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private string ApplyUrl => $"/pool/{app.Slug}/calls/{app.CallId}/apply";
    private static readonly byte[] Pdf = "%PDF-1.4\n%%EOF\n"u8.ToArray();

    private List<KeyValuePair<string, string>> Fields(string email, string motivation = "Ich möchte Kommunen beraten.") =>
    [
        new("Input.FirstName", "Amina"), new("Input.LastName", "Yilmaz"), new("Input.Email", email), new("Input.Motivation", motivation),
        new("Input.Answers[0].QuestionId", app.QuestionId.ToString()), new("Input.Answers[0].Text", "Verein Brückenbau e. V."), new("Input.Consent", "true"),
    ];

    /// <summary>The page after a post: the anonymous client follows redirects itself.</summary>
    private static async Task<string> PageAfterAsync(HttpClient client, HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect ? await client.GetStringAsync(response.Headers.Location, Ct) : await response.Content.ReadAsStringAsync(Ct);

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, List<KeyValuePair<string, string>> fields, byte[]? cv, string cvName)
    {
        var html = await client.GetStringAsync(url, Ct);
        fields.Add(new("__RequestVerificationToken", Html.AntiforgeryToken(html)));
        return await client.PostAsync(url, fields.Multipart(cv is null ? null : "Input.Cv", cv, cvName, "application/pdf"), Ct);
    }

    [Fact]
    public async Task An_application_is_confirmed_by_mail_and_the_personal_link_shows_and_changes_it()
    {
        var visitor = app.CreateClient();
        var response = await PostAsync(visitor, ApplyUrl, Fields("amina@example.org"), Pdf, "lebenslauf.pdf");
        Assert.Contains("Vielen Dank für Ihre Bewerbung", Html.Text(await PageAfterAsync(visitor, response)));

        var mail = Assert.Single(app.MessagesTo("amina@example.org"));
        Assert.Contains("Bewerbung eingegangen", mail.Subject);
        var link = System.Text.RegularExpressions.Regex.Match(mail.TextBody ?? "", @"https?://[^\s/]+((?:/[^\s]*)?/calls/application/[^\s]+)").Groups[1].Value;
        Assert.NotEmpty(link);
        var page = Html.Text(await app.CreateClient().GetStringAsync(link, Ct));
        Assert.Contains("lebenslauf.pdf", page);

        var owner = app.CreateClient();
        var changed = await PostAsync(owner, link, Fields("amina@example.org", "Neue Motivation."), null, "");
        Assert.Contains("Ihre Änderungen sind gespeichert", Html.Text(await PageAfterAsync(owner, changed)));
        var saved = await app.WithDbAsync(db => db.Applications.AsNoTracking().SingleAsync(a => a.Email == "amina@example.org"));
        Assert.Equal("Neue Motivation.", saved.Motivation);
        Assert.Equal(1, await app.WithDbAsync(db => db.ApplicationFiles.CountAsync(f => f.ApplicationId == saved.Id)));

        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync($"/pool/{app.Slug}/calls/application/falsch", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_program_renamed_to_pdf_is_refused_at_the_field_and_the_answers_stay_then_a_pdf_is_kept_across_a_failed_post()
    {
        var visitor = app.CreateClient();
        var response = await PostAsync(visitor, ApplyUrl, Fields("renamed@example.org"), "MZ\x90\0 not a pdf"u8.ToArray(), "lebenslauf.pdf");
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Die Datei ist kein PDF", Html.Text(html));
        Assert.Contains("Input_Cv-error", html);
        Assert.Contains("Verein Brückenbau e. V.", WebUtility.HtmlDecode(html));
        Assert.Contains("Ich möchte Kommunen beraten.", WebUtility.HtmlDecode(html));
        Assert.False(await app.WithDbAsync(db => db.Applications.AnyAsync(a => a.Email == "renamed@example.org")));

        // A real PDF with a missing answer: the form comes back, the upload is kept and named, and the next post needs no file.
        var fields = Fields("kept@example.org");
        fields.RemoveAll(f => f.Key == "Input.Answers[0].Text");
        var back = await (await PostAsync(visitor, ApplyUrl, fields, Pdf, "mein-cv.pdf")).Content.ReadAsStringAsync(Ct);
        Assert.Contains("Bitte beantworten Sie diese Frage.", Html.Text(back));
        Assert.Contains("mein-cv.pdf", Html.Text(back));
        var token = System.Text.RegularExpressions.Regex.Match(back, "name=\"Input.CvToken\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(token);
        var again = Fields("kept@example.org");
        again.Add(new("Input.CvToken", token));
        var ok = await PostAsync(visitor, ApplyUrl, again, null, "");
        Assert.Contains("Vielen Dank für Ihre Bewerbung", Html.Text(await PageAfterAsync(visitor, ok)));
        var id = await app.WithDbAsync(db => db.Applications.Where(a => a.Email == "kept@example.org").Select(a => a.Id).SingleAsync());
        Assert.Equal("mein-cv.pdf", await app.WithDbAsync(db => db.ApplicationFiles.Where(f => f.ApplicationId == id).Select(f => f.FileName).SingleAsync()));
    }

    [Fact]
    public async Task After_the_deadline_the_form_is_closed_and_a_late_post_saves_nothing_but_offers_a_copy()
    {
        var now = app.Time.GetUtcNow();
        var poolId = await app.WithDbAsync(db => db.Calls.Where(c => c.Id == app.CallId).Select(c => c.PoolId).SingleAsync());
        var call = new Call { PoolId = poolId, Title = "Kurze Frist", OpensAt = now.AddDays(-1), ClosesAt = now.AddHours(1), CreatedAt = now, UpdatedAt = now };
        await app.WithDbAsync(async db => { db.Calls.Add(call); await db.SaveChangesAsync(); return 0; });
        var url = $"/pool/{app.Slug}/calls/{call.Id}/apply";
        var visitor = app.CreateClient();
        var html = await visitor.GetStringAsync(url, Ct);
        var fields = Fields("late@example.org", "Meine späte Motivation.");
        fields.RemoveAll(f => f.Key.StartsWith("Input.Answers", StringComparison.Ordinal));
        fields.Add(new("__RequestVerificationToken", Html.AntiforgeryToken(html)));

        app.Time.Advance(TimeSpan.FromMinutes(61));
        var late = await visitor.PostAsync(url, fields.Multipart("Input.Cv", Pdf, "cv.pdf", "application/pdf"), Ct);
        var lateHtml = await late.Content.ReadAsStringAsync(Ct);
        var text = Html.Text(lateHtml);
        Assert.Contains("Die Bewerbungsfrist ist am", text);
        Assert.Contains("nicht gespeichert", text);
        Assert.Contains("Meine späte Motivation.", text);
        Assert.False(await app.WithDbAsync(db => db.Applications.AnyAsync(a => a.Email == "late@example.org")));

        var page = await visitor.GetStringAsync(url, Ct);
        Assert.Contains("data-testid=\"call-closed\"", page);
        Assert.DoesNotContain("Input.Motivation", page);
        var copy = await visitor.PostAsync(url + "?handler=Copy", new FormUrlEncodedContent(
            [new("copy", "Meine späte Motivation."), new("__RequestVerificationToken", Html.AntiforgeryToken(lateHtml))]), Ct);
        Assert.Equal("text/plain", copy.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Meine späte Motivation.", await copy.Content.ReadAsStringAsync(Ct));
    }
}
