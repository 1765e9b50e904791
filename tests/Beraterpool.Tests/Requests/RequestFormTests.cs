using Beraterpool.Web.Features.Shared;
using System.Net;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Requests;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Tests.Requests;

/// <summary>The public request form, the personal link and withdrawing, over HTTP against the real app.</summary>
public sealed class RequestFormTests(RequestFormTests.App app) : IClassFixture<RequestFormTests.App>
{
    public sealed class App : TestApp
    {
        public App() : base(importGazetteer: false) => With("Requests:RateLimit:PermitLimit", "1000");

        public int PoolId { get; private set; }
        public int TopicId { get; private set; }

        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            await this.SeedRegisterAsync();
            var pool = await this.CreatePoolAsync("nrw");
            PoolId = pool.Id;
            TopicId = pool.Topics.First(t => t.Slug == "fairer-handel").Id;
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private List<KeyValuePair<string, string>> Answers(string email, params (string Key, string Value)[] changes)
    {
        var today = TimeProvider.System.LocalToday();
        var fields = new Dictionary<string, string>
        {
            ["Input.MunicipalityQuery"] = "Köln", ["Input.MunicipalityKey"] = RequestArrange.Koeln, ["Input.Department"] = "Büro für Internationales",
            ["Input.ContactName"] = "Erika Beispiel", ["Input.ContactFunction"] = "Referentin", ["Input.ContactEmail"] = email,
            ["Input.ContactPhone"] = "0221 221-12345", ["Input.Goal"] = "Migrant*innen in unsere Nachhaltigkeitsprojekte einbinden.",
            ["Input.Need"] = "Wir erreichen migrantische Vereine bisher kaum.", ["Input.TopicIds"] = app.TopicId.ToString(),
            ["Input.PreferredFrom"] = today.AddDays(14).ToString("yyyy-MM-dd"), ["Input.PreferredTo"] = today.AddDays(90).ToString("yyyy-MM-dd"),
            ["Input.Format"] = "Online", ["Input.LanguageCodes"] = "fr", ["Input.HeardFrom"] = "Dialogforum", ["Input.Consent"] = "true", ["Input.Website"] = "",
        };
        foreach (var (key, value) in changes) fields[key] = value;
        return fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).ToList();
    }

    private Task<int> CountAsync(string email) =>
        app.WithDbAsync(db => db.ConsultationRequests.CountAsync(r => r.ContactEmail == email));

    [Fact]
    public async Task Form_shows_the_steps_and_the_search_lists_municipalities_to_choose_without_javascript()
    {
        var client = app.Browser();
        var page = await client.GetStringAsync("/requests/new", Ct);
        Assert.Contains("Beratung anfragen", page);
        Assert.Contains("Ihre Kommune bestimmt das Ziel und den Bedarf", page);
        Assert.Contains("Bitte leer lassen", page);
        Assert.Contains("tabindex=\"-1\"", page);
        Assert.Contains("/js/municipality-picker", page);
        Assert.Contains("Fairer Handel", page);

        var found = await client.PostFormAsync("/requests/new?handler=Search", [new("Input.MunicipalityQuery", "59065"), new("Input.ContactName", "Behalten")], "/requests/new");
        var html = await found.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Contains($"value=\"{RequestArrange.Hamm}\"", html);
        Assert.Contains("Hamm", Html.Text(html));
        Assert.Contains("value=\"Behalten\"", html);
        Assert.DoesNotContain("Bitte prüfen Sie Ihre Eingaben", html);
    }

    [Fact]
    public async Task A_complete_request_is_checked_then_stored_with_its_timeline_and_both_mails_are_sent()
    {
        const string email = "erika@koeln.example";
        var client = app.Browser();
        var review = await client.PostFormAsync("/requests/new?handler=Review", Answers(email), "/requests/new");
        var reviewHtml = await review.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Bitte prüfen Sie Ihre Angaben", reviewHtml);
        Assert.Contains("Migrant*innen in unsere Nachhaltigkeitsprojekte einbinden.", Html.Text(reviewHtml));
        Assert.Contains("Französisch", Html.Text(reviewHtml));
        Assert.Equal(0, await CountAsync(email));

        var sent = await client.PostFormAsync("/requests/new?handler=Submit", FormFields.Of(reviewHtml, "method=\"post\""), "/requests/new");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal("/requests/sent", sent.Headers.Location?.OriginalString);

        var stored = await app.WithDbAsync(db => db.ConsultationRequests.AsNoTracking().Include(r => r.StatusChanges).Include(r => r.Topics).Include(r => r.Languages)
            .SingleAsync(r => r.ContactEmail == email));
        Assert.Matches($"^BA-{TimeProvider.System.LocalYear()}-\\d{{4}}$", stored.Reference);
        Assert.Equal(RequestStatus.Submitted, stored.Status);
        Assert.Equal(app.PoolId, stored.PoolId);
        Assert.Equal(RequestArrange.Koeln, stored.MunicipalityKey);
        Assert.Equal(ConsultationFormat.Online, stored.Format);
        Assert.Equal([app.TopicId], stored.Topics.Select(t => t.TopicId));
        Assert.Equal(["fr"], stored.Languages.Select(l => l.LanguageCode));
        var first = Assert.Single(stored.StatusChanges);
        Assert.Equal(RequestStatus.Submitted, first.To);
        Assert.Equal(64, stored.TrackingTokenHash.Length);

        var confirmation = await client.GetStringAsync("/requests/sent", Ct);
        Assert.Contains(stored.Reference, confirmation);
        Assert.Contains("So geht es weiter", confirmation);

        var mail = Assert.Single(app.MailsTo(email));
        Assert.Contains(stored.Reference, mail);
        Assert.Contains("Erstgespräch", mail);
        var link = System.Text.RegularExpressions.Regex.Match(mail, "https?://[^\\s/]+(/requests/track/[A-Za-z0-9_-]+)").Groups[1].Value;
        Assert.Equal(stored.TrackingTokenHash, ConsultationRequests.HashToken(link["/requests/track/".Length..]));
        var office = app.MailsTo("nrw@example.org").Last();
        Assert.Contains(stored.Reference, office);
        Assert.Contains("Köln", office);

        // The personal link shows the status in words and the timeline.
        var track = Html.Text(await client.GetStringAsync(link, Ct));
        Assert.Contains("Stand: Eingegangen", track);
        Assert.Contains("Verlauf", track);
        Assert.Contains("Kommune", track);
        Assert.Contains("Wir erreichen migrantische Vereine bisher kaum.", track);
    }

    [Fact]
    public async Task Missing_too_long_and_script_answers_are_shown_again_with_German_messages_and_nothing_is_stored()
    {
        const string email = "fehler@koeln.example";
        var client = app.Browser();
        var script = "<script>alert('x')</script><b>fett</b>";
        var answers = Answers(email, ("Input.ContactName", ""), ("Input.Need", new string('x', 2001)), ("Input.Goal", script),
            ("Input.ContactEmail", "keine-adresse"), ("Input.Consent", "false"), ("Input.PreferredFrom", TimeProvider.System.LocalToday().AddDays(-1).ToString("yyyy-MM-dd")),
            ("Input.PreferredTo", TimeProvider.System.LocalToday().AddDays(-5).ToString("yyyy-MM-dd")), ("Input.ContactPhone", "bitte anrufen"));
        foreach (var handler in new[] { "Review", "Submit" })
        {
            var response = await client.PostFormAsync($"/requests/new?handler={handler}", answers, "/requests/new");
            var html = await response.Content.ReadAsStringAsync(Ct);
            var text = WebUtility.HtmlDecode(html);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Bitte prüfen Sie Ihre Eingaben", text);
            Assert.Contains("Bitte geben Sie den Namen der Ansprechperson an.", text);
            Assert.Contains("Der Bedarf darf höchstens 2000 Zeichen lang sein.", text);
            Assert.Contains("Bitte geben Sie eine gültige E-Mail-Adresse an", text);
            Assert.Contains("Bitte stimmen Sie der Verarbeitung Ihrer Angaben zu", text);
            Assert.Contains("Der gewünschte Beginn darf nicht in der Vergangenheit liegen.", text);
            Assert.Contains("Das Ende des Zeitraums darf nicht vor dem Beginn liegen.", text);
            Assert.Contains("Bitte geben Sie eine Telefonnummer", text);
            Assert.Contains("aria-invalid=\"true\"", html);
            // Input kept, markup shown as text, never as markup.
            Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;&lt;b&gt;fett&lt;/b&gt;", html);
            Assert.DoesNotContain("<script>alert", html);
            Assert.Contains("value=\"keine-adresse\"", html);
        }
        Assert.Equal(0, await CountAsync(email));
        Assert.Empty(app.MailsTo(email));
    }

    [Fact]
    public async Task Without_a_municipality_from_the_register_the_form_asks_to_choose_one()
    {
        var response = await app.Browser().PostFormAsync("/requests/new?handler=Review",
            Answers("ohne@koeln.example", ("Input.MunicipalityKey", "99999999")), "/requests/new");
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Bitte suchen Sie Ihre Kommune und wählen Sie sie aus der Liste aus.", WebUtility.HtmlDecode(html));
        Assert.Contains("href=\"#Input_MunicipalityKey\"", html);
    }

    [Fact]
    public async Task A_filled_honeypot_looks_like_success_but_stores_and_mails_nothing()
    {
        const string email = "bot@spam.example";
        var response = await app.Browser().PostFormAsync("/requests/new?handler=Submit", Answers(email, ("Input.Website", "http://spam.example")), "/requests/new");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/requests/sent", response.Headers.Location?.OriginalString);
        Assert.Equal(0, await CountAsync(email));
        Assert.Empty(app.MailsTo(email));
    }

    [Fact]
    public async Task Unknown_tracking_token_answers_404()
    {
        var response = await app.Browser().GetAsync("/requests/track/gibt-es-nicht", Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Browser().GetAsync("/requests/track/gibt-es-nicht/withdraw", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_contact_withdraws_the_request_after_confirming_and_the_office_is_told()
    {
        var (id, token) = await app.CreateRequestAsync(app.PoolId, email: "rueckzug@koeln.example");
        var client = app.Browser();
        var confirm = await client.GetStringAsync($"/requests/track/{token}/withdraw", Ct);
        Assert.Contains("Das lässt sich nicht rückgängig machen", confirm);

        var response = await client.PostFormAsync($"/requests/track/{token}/withdraw", [new("Reason", "Hat sich erledigt.")]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var request = await app.WithDbAsync(db => db.ConsultationRequests.AsNoTracking().Include(r => r.StatusChanges).SingleAsync(r => r.Id == id));
        Assert.Equal(RequestStatus.Withdrawn, request.Status);
        Assert.Contains(request.StatusChanges, s => s.To == RequestStatus.Withdrawn && s.Note == "Hat sich erledigt.");
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "request.status.withdrawn" && a.Subject == $"request:{id}")));

        var track = Html.Text(await client.GetStringAsync($"/requests/track/{token}", Ct));
        Assert.Contains("Stand: Zurückgezogen", track);
        Assert.DoesNotContain("Anfrage zurückziehen", track);
        // Once withdrawn, the confirmation page sends the visitor back to the request.
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync($"/requests/track/{token}/withdraw", Ct)).StatusCode);
    }

    [Fact]
    public async Task Creating_an_account_from_the_link_links_all_requests_of_that_address_and_mails_the_invitation()
    {
        const string email = "konto@koeln.example";
        var (first, token) = await app.CreateRequestAsync(app.PoolId, email: email);
        var (second, _) = await app.CreateRequestAsync(app.PoolId, email: email);
        var (other, _) = await app.CreateRequestAsync(app.PoolId, email: "jemand-anders@koeln.example");

        var response = await app.Browser().PostFormAsync($"/requests/track/{token}?handler=Account", [], $"/requests/track/{token}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var linked = await app.WithDbAsync(db => db.ConsultationRequests.AsNoTracking()
            .Where(r => r.Id == first || r.Id == second || r.Id == other).ToDictionaryAsync(r => r.Id, r => r.ContactUserId));
        var userId = linked[first];
        Assert.NotNull(userId);
        Assert.Equal(userId, linked[second]);
        Assert.Null(linked[other]);
        Assert.True(await app.WithDbAsync(db => db.UserRoles.AnyAsync(ur => ur.UserId == userId
            && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Web.Features.Accounts.Roles.MunicipalityContact))));
        var mail = app.MailsTo(email).Last();
        TestUsers.LinkIn(mail, "/account/invitation");
    }

    [Theory]
    [InlineData("en", "Request a consultation", "Your municipality sets the goal and the need")]
    [InlineData("fr", "Demander un accompagnement", "Votre commune fixe l’objectif et le besoin")]
    public async Task The_form_speaks_English_and_French(string lang, string heading, string sentence)
    {
        var page = WebUtility.HtmlDecode(await app.Browser().GetStringAsync($"/requests/new?lang={lang}", Ct));
        Assert.Contains(heading, page);
        Assert.Contains(sentence, page);
        Assert.DoesNotContain("Ihre Kommune bestimmt", page);
    }
}
