using System.Net;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Privacy.Retention;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Tests.Privacy;

/// <summary>The retention rules at /manage/privacy/retention: administrators only, edits validated in German and audited.</summary>
public sealed class RetentionRulesPageTests(RetentionRulesPageTests.App app) : IClassFixture<RetentionRulesPageTests.App>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public sealed class App() : TestApp(importGazetteer: false);

    [Theory]
    [InlineData("/manage/privacy/retention")]
    [InlineData("/manage/privacy/retention/edit?kind=requests.withdrawn")]
    [InlineData("/manage/privacy/retention/run")]
    public async Task Only_administrators_may_open_the_retention_pages(string url)
    {
        var anonymous = await app.Browser().GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/login", anonymous.Headers.Location?.PathAndQuery ?? anonymous.Headers.Location?.OriginalString);
        foreach (var role in new[] { Roles.Coordinator, Roles.Advisor, Roles.MunicipalityContact })
        {
            var client = await app.SignedInBrowserAsync($"keine-fristen-{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.org", role);
            var response = await client.GetAsync(url, Ct);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/access-denied", response.Headers.Location?.PathAndQuery ?? response.Headers.Location?.OriginalString);
        }
        var admin = await app.SignedInBrowserAsync($"fristen-{Guid.NewGuid():N}@example.org", Roles.Administrator);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(url, Ct)).StatusCode);
    }

    [Fact]
    public async Task The_list_shows_each_kind_with_its_legal_default_and_reason_and_the_applications_that_are_still_to_come()
    {
        var admin = await app.SignedInBrowserAsync("fristen-liste@example.org", Roles.Administrator);
        var text = Html.Text(await admin.GetStringAsync("/manage/privacy/retention", Ct));

        Assert.Contains("Honorarabrechnungen und Belege Die Abrechnung wird mit Reisekosten, Belegen und den abgerechneten Aktivitäten gelöscht (sonst ließen sich die Tage ein zweites Mal abrechnen). Das Tageskontingent jenes Jahres bleibt, wie es war. 10 Jahre nach Ende des Kalenderjahres", text);
        Assert.Contains("mindestens 10 Jahre nach Ende des Kalenderjahres", text);
        Assert.Contains("Zurückgezogene Anfragen Die Anfrage wird mit Verlauf, Erstgespräch, Notizen, Nachrichten und Vorschlägen gelöscht. 6 Monate", text);
        Assert.Contains("§ 147 Abs. 1 Nr. 4 und Abs. 3 AO", text);
        Assert.Contains("Zurückgezogene Anfragen", text);
        Assert.Contains("Abgelehnte Bewerbungen", text);
        Assert.Contains("kommt mit den Bewerbungsverfahren", text);
        Assert.Contains("Versandte E-Mails im Postausgang", text);
        Assert.Contains("Versandte E-Mails im Postausgang Die versandte E-Mail wird mit Empfänger und Betreff gelöscht", text);
        Assert.DoesNotContain("kind=applications.declined", await admin.GetStringAsync("/manage/privacy/retention", Ct));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/manage/privacy/retention/edit?kind=applications.declined", Ct)).StatusCode);
    }

    [Theory]
    [InlineData("en", "Retention and deletion", "Fee statements and receipts")]
    [InlineData("fr", "Conservation et suppression", "Décomptes d’honoraires et justificatifs")]
    public async Task The_page_reads_its_own_resource_in_English_and_French(string lang, string title, string kind)
    {
        var admin = await app.SignedInBrowserAsync($"fristen-{lang}@example.org", Roles.Administrator);
        await admin.GetAsync($"/culture?lang={lang}", Ct);
        var text = Html.Text(await admin.GetStringAsync("/manage/privacy/retention", Ct));
        Assert.Contains(title, text);
        Assert.Contains(kind, text);
    }

    [Fact]
    public async Task A_fee_statement_rule_below_ten_years_or_a_value_that_is_no_number_is_refused_in_German_with_the_input_kept()
    {
        var admin = await app.SignedInBrowserAsync("fristen-pruefung@example.org", Roles.Administrator);
        const string url = "/manage/privacy/retention/edit?kind=fees.statements";

        var tooShort = await admin.PostFormAsync(url, [new("Input.Value", "9")]);
        Assert.Equal(HttpStatusCode.OK, tooShort.StatusCode);
        var html = await tooShort.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Die Frist muss mindestens 10 Jahre betragen: § 147", Html.Text(html));
        Assert.Contains("value=\"9\"", html);

        var word = Html.Text(await (await admin.PostFormAsync(url, [new("Input.Value", "zehn")])).Content.ReadAsStringAsync(Ct));
        Assert.Contains("zehn", word);
        Assert.DoesNotContain("is not valid", word);

        var empty = Html.Text(await (await admin.PostFormAsync(url, [new("Input.Value", "")])).Content.ReadAsStringAsync(Ct));
        Assert.Contains("Bitte geben Sie die Frist als ganze Zahl an.", empty);

        Assert.False(await app.WithDbAsync(db => db.Set<RetentionRule>().AnyAsync(r => r.Kind == RetentionKinds.FeeStatements, Ct)));
    }

    [Fact]
    public async Task A_changed_rule_is_audited_listed_with_who_changed_it_and_promised_on_the_request_form()
    {
        await app.CreatePoolAsync("fristen-pool");
        var admin = await app.SignedInBrowserAsync("fristen-aendern@example.org", Roles.Administrator);

        var saved = await admin.PostFormAsync("/manage/privacy/retention/edit?kind=requests.declined", [new("Input.Value", "3")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var entry = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "retention.rule.changed" && e.Subject == "retention:requests.declined")
            .Select(e => new { e.Details, Email = db.Users.Where(u => u.Id == e.UserId).Select(u => u.Email).FirstOrDefault() }).SingleAsync(Ct));
        Assert.Equal(("6 → 3 Monate", "fristen-aendern@example.org"), (entry.Details, entry.Email));

        var list = Html.Text(await admin.GetStringAsync("/manage/privacy/retention", Ct));
        Assert.Contains("Die Frist für „Abgelehnte Anfragen“ ist geändert.", list);
        Assert.Contains("Abgelehnte Anfragen", list);
        Assert.Contains("3 Monate", list);
        Assert.Contains("fristen-aendern@example.org", list);

        var form = Html.Text(await app.Browser().GetStringAsync("/requests/new", Ct));
        Assert.Contains("Eine zurückgezogene Anfrage löschen wir nach 6 Monaten, eine abgelehnte nach 3 Monaten", form);
        Assert.Contains("nach 5 Jahren ab ihrem Abschluss", form);
    }

    [Fact]
    public async Task Run_now_asks_first_then_runs_the_job_and_its_report_is_listed_with_who_started_it()
    {
        var admin = await app.SignedInBrowserAsync("fristen-lauf@example.org", Roles.Administrator);
        var confirm = Html.Text(await admin.GetStringAsync("/manage/privacy/retention/run", Ct));
        Assert.Contains("Gelöschtes lässt sich nicht wiederherstellen", confirm);

        var run = await admin.PostFormAsync("/manage/privacy/retention/run", []);
        Assert.Equal(HttpStatusCode.Redirect, run.StatusCode);

        var list = Html.Text(await admin.GetStringAsync("/manage/privacy/retention", Ct));
        Assert.Contains("Der Lauf ist fertig: 0 Einträge gelöscht oder anonymisiert.", list);
        Assert.Contains("fristen-lauf@example.org", list);
        Assert.Contains("Zurückgezogene Anfragen: 0", list);
        Assert.Equal("fristen-lauf@example.org", await app.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "retention.run")
            .Select(e => db.Users.Where(u => u.Id == e.UserId).Select(u => u.Email).FirstOrDefault()).SingleAsync(Ct)));
    }
}
