using System.Globalization;
using System.Text.RegularExpressions;
using Beraterpool.BrowserTests.Infrastructure;
using Beraterpool.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Beraterpool.BrowserTests.Journeys;

/// <summary>
/// Issue 4 end to end, as the three people do it in their own browsers: a municipality asks, the office holds the
/// intake and proposes the advisor matching explains best, she accepts, logs the year's ten days (the eleventh is
/// refused), the office approves the days, she bills them, the office approves the statement, and its PDF says
/// ten days and their fee. Every page on the way is checked with axe.
/// </summary>
public sealed class ConsultationJourneyTests(OwnBrowserApp app) : IClassFixture<OwnBrowserApp>
{
    // A small NRW town, on this class's own app, so its day quota is untouched. The demo advisor Amina Tesfaye
    // (Köln, ~40 km) is the only one with both topics and Amharic; Aïcha Benali has both topics but not the
    // language and lives further away, Dawit Bekele speaks Amharic but has only one of the topics.
    private const string Wiehl = "05374048";
    private const string TopicCivilSociety = "Zivilgesellschaft und Migrantenorganisationen";
    private const string TopicIntercultural = "Interkulturelle Öffnung";

    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    [Fact]
    public async Task A_request_from_Wiehl_goes_from_the_form_through_intake_matching_ten_logged_days_to_an_approved_fee_statement_PDF()
    {
        var ct = TestContext.Current.CancellationToken;
        var contactEmail = $"journey-{Guid.NewGuid():N}@wiehl.example";
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).DateTime);
        var dayRate = await app.App.WithDbAsync(db => db.Pools.Where(p => p.Slug == "nrw").Select(p => p.DayRate).SingleAsync(ct));

        // 1. The visitor asks for advice for Wiehl, picked from the register by type-ahead.
        var (visitorContext, visitor) = await app.NewPageAsync();
        await using var _v = visitorContext;
        await visitor.GotoAsync("/requests/new");
        await visitor.AssertNoAxeViolationsAsync();
        var search = visitor.GetByRole(AriaRole.Combobox, new() { Name = "Kommune oder Kreis suchen" });
        await search.PressSequentiallyAsync("Wieh", new() { Delay = 30 });
        await Assertions.Expect(visitor.GetByRole(AriaRole.Option).Filter(new() { HasText = "Wiehl" }).First).ToBeVisibleAsync();
        await search.PressAsync("ArrowDown");
        await search.PressAsync("Enter");
        await Assertions.Expect(visitor.Locator("input[name='Input.MunicipalityKey']:checked")).ToHaveValueAsync(Wiehl);
        await visitor.GetByLabel("Amt oder Fachbereich").FillAsync("Büro des Bürgermeisters");
        await visitor.GetByLabel("Name", new() { Exact = true }).FillAsync("Jana Wiehler");
        await visitor.GetByLabel("E-Mail-Adresse").FillAsync(contactEmail);
        await visitor.GetByLabel("Ziel Ihrer Kommune").FillAsync("Die eritreische und äthiopische Gemeinde in den Integrationsrat und die Städtepartnerschaft einbinden.");
        await visitor.GetByLabel("Bedarf, den Ihre Kommune sieht").FillAsync("Uns fehlen Kontakte und eine Person, die beide Seiten versteht.");
        await visitor.GetByLabel(TopicCivilSociety, new() { Exact = true }).CheckAsync();
        await visitor.GetByLabel(TopicIntercultural, new() { Exact = true }).CheckAsync();
        await visitor.Locator("input[name='Input.LanguageCodes'][value='am']").CheckAsync();
        await visitor.GetByLabel("Vor Ort", new() { Exact = true }).CheckAsync();
        await visitor.GetByLabel("Ich stimme der Verarbeitung meiner Angaben zu diesem Zweck zu.").CheckAsync();
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Weiter zur Prüfung" }).ClickAsync();
        await Assertions.Expect(visitor.Locator(".answers")).ToContainTextAsync("Amharisch");
        await visitor.AssertNoAxeViolationsAsync();
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Anfrage absenden" }).ClickAsync();
        await Assertions.Expect(visitor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Vielen Dank");
        await visitor.AssertNoAxeViolationsAsync();
        var request = await app.App.WithDbAsync(db => db.ConsultationRequests.Where(r => r.ContactEmail == contactEmail)
            .Select(r => new { r.Id, r.Reference, r.MunicipalityKey }).SingleAsync(ct));
        Assert.Equal(Wiehl, request.MunicipalityKey);

        // 2. The office starts the intake, records the conversation and moves the request to matching.
        var (officeContext, office) = await app.NewPageAsync();
        await using var _o = officeContext;
        await office.GotoAsync("/account/login");
        await office.AssertNoAxeViolationsAsync();
        await office.SignInAsync(DemoAccounts.CoordinatorNrw, DemoAccounts.Password);
        await office.GotoAsync("/manage");
        await office.AssertNoAxeViolationsAsync();
        await office.GetByRole(AriaRole.Link, new() { Name = "Beratungsanfragen", Exact = true }).First.ClickAsync();
        await office.AssertNoAxeViolationsAsync();
        await office.GetByRole(AriaRole.Link, new() { Name = request.Reference }).First.ClickAsync();
        await Assertions.Expect(office.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Anfrage {request.Reference}");
        await office.AssertNoAxeViolationsAsync();
        await office.GetByRole(AriaRole.Button, new() { Name = "Erstgespräch beginnen" }).ClickAsync();
        await Assertions.Expect(office.Locator(".kern-alert--success")).ToContainTextAsync("Neuer Stand");
        await office.AssertNoAxeViolationsAsync();
        await office.GetByRole(AriaRole.Link, new() { Name = "Erstgespräch erfassen" }).First.ClickAsync();
        await office.AssertNoAxeViolationsAsync();
        await office.GetByLabel("Datum des Gesprächs").FillAsync(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await office.GetByLabel("Beteiligte").FillAsync("Frau Wiehler (Büro des Bürgermeisters), Koordinierungsstelle");
        await office.GetByLabel("Geklärtes Ziel").FillAsync("Zwei Vertreter*innen der Gemeinden sitzen 2027 im Integrationsrat.");
        await office.GetByLabel("Geklärter Bedarf").FillAsync("Kontakte knüpfen, ein gemeinsamer Workshop, Begleitung der ersten Sitzungen.");
        await office.GetByLabel(TopicCivilSociety, new() { Exact = true }).CheckAsync();
        await office.GetByLabel(TopicIntercultural, new() { Exact = true }).CheckAsync();
        await office.GetByLabel("Erwartete Beratungstage").FillAsync("10");
        await office.GetByLabel("Ergebnis").FillAsync("Die Koordinierungsstelle schlägt eine Beraterin mit Amharisch vor.");
        await office.GetByRole(AriaRole.Button, new() { Name = "Erstgespräch speichern" }).ClickAsync();
        await Assertions.Expect(office.Locator(".kern-alert--success")).ToContainTextAsync("Das Erstgespräch vom");
        await office.AssertNoAxeViolationsAsync();
        await office.GetByRole(AriaRole.Button, new() { Name = "Zur Vermittlung" }).ClickAsync();
        await Assertions.Expect(office.Locator(".kern-alert--success")).ToContainTextAsync("Neuer Stand: Suche nach Berater*innen");
        await office.AssertNoAxeViolationsAsync();

        // 3. Matching ranks Amina Tesfaye first and says why, criterion by criterion; the office proposes her.
        await office.GetByRole(AriaRole.Link, new() { Name = "Passende Berater*innen vorschlagen" }).ClickAsync();
        var top = office.Locator(".match-item").First;
        await Assertions.Expect(top.Locator(".match-item__head")).ToContainTextAsync("1. Amina Tesfaye");
        var reasons = top.Locator(".match-reasons li");
        Assert.True(await reasons.CountAsync() >= 5, "every criterion has its reason line");
        await Assertions.Expect(reasons.Filter(new() { HasTextRegex = new Regex("^Themen: 2 von 2") })).ToHaveCountAsync(1);
        await Assertions.Expect(reasons.Filter(new() { HasTextRegex = new Regex("^Sprachen: .*Amharisch") })).ToHaveCountAsync(1);
        await Assertions.Expect(reasons.Filter(new() { HasTextRegex = new Regex("^Entfernung: \\d+ km") })).ToHaveCountAsync(1);
        await office.AssertNoAxeViolationsAsync();
        await office.GetByLabel("1. Amina Tesfaye").CheckAsync();
        await office.GetByRole(AriaRole.Button, new() { Name = "Vorschlagen" }).ClickAsync();
        await Assertions.Expect(office.Locator(".kern-alert--success")).ToContainTextAsync("Amina Tesfaye ist angefragt");
        await office.AssertNoAxeViolationsAsync();

        // 4. The advisor accepts on her dashboard's invitation.
        var (advisorContext, advisor) = await app.NewPageAsync();
        await using var _a = advisorContext;
        await advisor.SignInAsync(DemoAccounts.Advisor, DemoAccounts.Password);
        await advisor.GotoAsync("/me");
        await advisor.AssertNoAxeViolationsAsync();
        await advisor.GetByRole(AriaRole.Link, new() { Name = $"Wiehl (Anfrage {request.Reference})" }).ClickAsync();
        await advisor.AssertNoAxeViolationsAsync();
        await advisor.GetByRole(AriaRole.Button, new() { Name = "Zusagen" }).ClickAsync();
        await Assertions.Expect(advisor.Locator("main")).ToContainTextAsync("Die Begleitung hat begonnen.");
        await advisor.AssertNoAxeViolationsAsync();
        await advisor.GetByRole(AriaRole.Link, new() { Name = "Zur Begleitung" }).ClickAsync();
        await Assertions.Expect(advisor).ToHaveURLAsync(new Regex("/engagements/\\d+$"));
        await advisor.AssertNoAxeViolationsAsync();
        var engagementUrl = advisor.Url;

        // 5. Ten one-day workshops on ten dates use the year's ten days; an eleventh day is refused, saying none remain.
        // The journey compresses weeks of work: the engagement is dated back to the first of the month the days fall in
        // (this month once it has eleven days behind it, else the previous one, which may still be logged).
        var month = today.Day >= 11 ? new DateOnly(today.Year, today.Month, 1) : new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        var engagementId = int.Parse(engagementUrl[(engagementUrl.LastIndexOf('/') + 1)..], CultureInfo.InvariantCulture);
        var began = new DateTimeOffset(month.ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero);
        await app.App.WithDbAsync(async db =>
        {
            await db.EngagementAdvisors.Where(a => a.EngagementId == engagementId).ExecuteUpdateAsync(u => u.SetProperty(a => a.JoinedAt, began), ct);
            // No activity may predate the request, so the request is dated back with the engagement.
            await db.ConsultationRequests.Where(r => db.Engagements.Any(e => e.Id == engagementId && e.RequestId == r.Id))
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.CreatedAt, began), ct);
            return await db.Engagements.Where(e => e.Id == engagementId).ExecuteUpdateAsync(u => u.SetProperty(e => e.StartedAt, began), ct);
        });
        for (var i = 0; i < 10; i++)
        {
            await LogAsync(advisor, month.AddDays(i), "2", $"Workshop {i + 1}: Integrationsrat und Gemeinden");
            await Assertions.Expect(advisor.Locator(".kern-alert--success")).ToContainTextAsync("Die Aktivität ist eingetragen.");
        }
        var year = month.Year;
        await Assertions.Expect(advisor.Locator(".kern-alert--success")).ToContainTextAsync($"Für {year} sind noch 0 Beratungstage übrig.");
        await advisor.AssertNoAxeViolationsAsync();
        await LogAsync(advisor, month.AddDays(10), "2", "Ein Tag zu viel");
        await Assertions.Expect(advisor.Locator("#error-summary")).ToContainTextAsync(
            $"Für {year} sind keine Beratungstage mehr übrig. Das Kontingent von 10 Tagen ist ausgeschöpft.");
        await advisor.AssertNoAxeViolationsAsync();
        Assert.Equal(20, await app.App.WithDbAsync(db => db.DayQuotaAccounts.Where(q => q.MunicipalityKey == Wiehl && q.Year == year)
            .Select(q => q.UsedHalfDays).SingleAsync(ct)));

        // 6. The office approves the ten activities.
        await office.GotoAsync("/manage/engagements");
        await office.AssertNoAxeViolationsAsync();
        var rows = office.Locator("#approval tbody tr").Filter(new() { HasText = "Wiehl" });
        await Assertions.Expect(rows).ToHaveCountAsync(10);
        for (var i = 0; i < 10; i++) await rows.Nth(i).Locator("input[type=checkbox]").CheckAsync();
        await office.GetByRole(AriaRole.Button, new() { Name = "Ausgewählte freigeben" }).ClickAsync();
        await Assertions.Expect(office.Locator(".kern-alert--success")).ToBeVisibleAsync();
        await Assertions.Expect(office.Locator("#approval tbody tr").Filter(new() { HasText = "Wiehl" })).ToHaveCountAsync(0);
        await office.AssertNoAxeViolationsAsync();

        // 7. The advisor enters her bank details, creates this month's statement and submits it.
        await advisor.GotoAsync("/me");
        await advisor.GetByRole(AriaRole.Link, new() { Name = "Meine Bankverbindung" }).ClickAsync();
        await advisor.AssertNoAxeViolationsAsync();
        await advisor.GetByLabel("Kontoinhaber*in").FillAsync("Amina Tesfaye");
        await advisor.Locator("input[name='Input.Iban']").FillAsync("DE89 3704 0044 0532 0130 00");
        await advisor.GetByLabel("Straße und Hausnummer").FillAsync("Venloer Straße 12");
        await advisor.GetByLabel("Postleitzahl").FillAsync("50672");
        await advisor.GetByLabel("Ort", new() { Exact = true }).FillAsync("Köln");
        // The invoice names her tax number: it is required with the small-business note (§ 19 UStG, defect 15).
        await advisor.Locator("input[name='Input.TaxNumber']").FillAsync("215/5432/1098");
        await advisor.Locator("input[name='Input.CurrentPassword']").FillAsync(DemoAccounts.Password);
        await advisor.GetByRole(AriaRole.Button, new() { Name = "Bankverbindung speichern" }).ClickAsync();
        await Assertions.Expect(advisor.Locator(".kern-alert--success")).ToBeVisibleAsync();
        await advisor.AssertNoAxeViolationsAsync();
        await advisor.GotoAsync("/me/fees");
        await advisor.AssertNoAxeViolationsAsync();
        await advisor.GetByLabel("Monat").FillAsync(month.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        await advisor.GetByRole(AriaRole.Button, new() { Name = "Abrechnung erstellen" }).ClickAsync();
        await Assertions.Expect(advisor).ToHaveURLAsync(new Regex("/me/fees/\\d+$"));
        var statementId = int.Parse(advisor.Url[(advisor.Url.LastIndexOf('/') + 1)..], CultureInfo.InvariantCulture);
        await advisor.AssertNoAxeViolationsAsync();
        await advisor.GetByRole(AriaRole.Button, new() { Name = "Abrechnung einreichen" }).ClickAsync();
        await Assertions.Expect(advisor.Locator(".kern-alert--success")).ToBeVisibleAsync();
        await advisor.AssertNoAxeViolationsAsync();

        // 8. The office approves it; the PDF, fetched through the page's link, bills ten days at the pool's rate.
        var sum = Money(10 * dayRate);
        await office.GotoAsync("/manage/fees");
        await office.AssertNoAxeViolationsAsync();
        await office.GotoAsync($"/manage/fees/{statementId}");
        await office.AssertNoAxeViolationsAsync();
        await office.GetByRole(AriaRole.Button, new() { Name = $"Freigeben ({sum})" }).ClickAsync();
        await Assertions.Expect(office.Locator(".kern-alert--success")).ToBeVisibleAsync();
        await office.AssertNoAxeViolationsAsync();
        var pdfHref = await office.GetByRole(AriaRole.Link, new() { Name = "Abrechnung als PDF herunterladen" }).GetAttributeAsync("href");
        var pdf = await officeContext.APIRequest.GetAsync(pdfHref!);
        Assert.Equal(200, pdf.Status);
        Assert.Equal("application/pdf", pdf.Headers["content-type"]);
        using var document = UglyToad.PdfPig.PdfDocument.Open(await pdf.BodyAsync());
        var text = string.Join("\n", document.GetPages().Select(p => p.Text));
        Assert.Contains($"Honorar: 10 Tage × {Money(dayRate)}", text);
        Assert.Contains(sum, text);
        Assert.Contains("Wiehl", text);
        Assert.Contains("Amina Tesfaye", text);
        Assert.Contains("Freigegeben", text);

        // The record now says the year's days are used up, for the advisor as for everyone.
        await advisor.GotoAsync(engagementUrl);
        await Assertions.Expect(advisor.Locator("#log-form")).ToContainTextAsync("Noch übrig: 0 Tage.");
    }

    private static async Task LogAsync(IPage page, DateOnly date, string halfDays, string participants)
    {
        var form = page.Locator("#log-form");
        await form.GetByLabel("Datum").FillAsync(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await form.GetByLabel("Art").SelectOptionAsync("Workshop");
        await form.GetByLabel("Dauer").SelectOptionAsync(halfDays);
        await form.GetByLabel("Teilnehmende").FillAsync(participants);
        // Wait for the answer page: the previous answer's message is still on screen until it arrives.
        await page.EvaluateAsync("document.body.dataset.stale = 'yes'");
        await form.GetByRole(AriaRole.Button, new() { Name = "Aktivität eintragen" }).ClickAsync();
        await page.Locator("body:not([data-stale])").WaitForAsync();
    }

    private static string Money(decimal amount) => amount.ToString("#,##0.00", German) + " €";
}
