using System.Net;
using Beraterpool.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Tests.Fees;

/// <summary>
/// A new IBAN needs the password, is mailed and audited masked, and never redirects a statement that was already
/// submitted and approved (issue 8, item 6).
/// </summary>
public sealed class PaymentDiversionTests(PaymentDiversionTests.App app) : IClassFixture<PaymentDiversionTests.App>
{
    public sealed class App() : TestApp(importGazetteer: false);

    private const string Approved = "DE89370400440532013000";
    private const string Diverted = "DE02120300000000202051";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<HttpResponseMessage> SaveAsync(HttpClient client, string iban, string? password, string holder = "Ayşe Müller-Öztürk", string street = "Königstraße 12") =>
        client.PostFormAsync("/me/bank-details", [
            new("Input.AccountHolder", holder), new("Input.Iban", iban), new("Input.Street", street),
            new("Input.PostalCode", "53113"), new("Input.City", "Bonn"), new("Input.TaxNumber", "205/5771/0815"), new("Input.CurrentPassword", password ?? ""),
        ]);

    private Task<string> StoredLast4Async(FeeWorld w) =>
        app.WithDbAsync(db => db.AdvisorBankDetails.Where(b => b.AdvisorId == w.AdvisorId).Select(b => b.IbanLast4).SingleAsync());

    [Fact]
    public async Task New_iban_or_account_holder_without_the_right_password_is_refused_but_a_new_address_needs_none()
    {
        var w = await app.WorldAsync("ohne-passwort");
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(w.Advisor, Approved, TestUsers.Password)).StatusCode);

        var none = await SaveAsync(w.Advisor, Diverted, null);
        Assert.Equal(HttpStatusCode.OK, none.StatusCode);
        Assert.Contains("Bitte geben Sie zur Bestätigung Ihr aktuelles Passwort ein.", Html.Text(await none.Content.ReadAsStringAsync(Ct)));
        var wrong = await SaveAsync(w.Advisor, Diverted, "falsch-falsch-falsch");
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Das Passwort stimmt nicht.", Html.Text(await wrong.Content.ReadAsStringAsync(Ct)));
        Assert.Equal("3000", await StoredLast4Async(w));

        var holder = await SaveAsync(w.Advisor, "", null, holder: "Jemand Anderes");
        Assert.Equal(HttpStatusCode.OK, holder.StatusCode);
        Assert.Equal("Ayşe Müller-Öztürk", await app.WithDbAsync(db => db.AdvisorBankDetails.Where(b => b.AdvisorId == w.AdvisorId).Select(b => b.AccountHolder).SingleAsync()));

        var mails = app.MailCount();
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(w.Advisor, "", null, street: "Neue Straße 5")).StatusCode);
        Assert.Equal("Neue Straße 5", await app.WithDbAsync(db => db.AdvisorBankDetails.Where(b => b.AdvisorId == w.AdvisorId).Select(b => b.Street).SingleAsync()));
        Assert.Equal(mails, app.MailCount());
    }

    [Fact]
    public async Task Changed_iban_is_mailed_to_the_account_and_audited_masked()
    {
        var w = await app.WorldAsync("mail-iban");
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(w.Advisor, Approved, TestUsers.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(w.Advisor, Diverted, TestUsers.Password)).StatusCode);

        var mail = app.LatestMail();
        Assert.Contains($"To: {w.AdvisorEmail}", mail);
        Assert.Contains("Subject: Ihre Bankverbindung wurde geändert", mail);
        Assert.Contains("IBAN: DE•• •••• •••• •••• ••20 51", mail);
        Assert.Contains(" Uhr wurde die Bankverbindung für Ihre Honorare geändert.", mail);
        Assert.Contains("Wenn Sie das nicht waren", mail);
        Assert.DoesNotContain("0000000202051", mail.Replace(" ", ""));
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "fee.bankdetails.updated" && e.Subject == $"advisor:{w.AdvisorId}")
            .OrderBy(e => e.Id).Select(e => e.Details).ToListAsync());
        Assert.Equal(2, audit.Count);
        Assert.Contains("••20 51", audit[1]);
        Assert.All(audit, d => Assert.DoesNotContain("0000000202051", d!.Replace(" ", "")));
    }

    [Fact]
    public async Task Export_and_pdf_after_a_later_change_still_pay_the_approved_iban()
    {
        var w = await app.WorldAsync("umleitung");
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(w.Advisor, Approved, TestUsers.Password)).StatusCode);
        await app.ActivityAsync(w, new DateOnly(2026, 11, 3), 2);
        var id = await app.CreateStatementAsync(w);
        Assert.Equal(HttpStatusCode.Redirect, (await w.Advisor.PostAsShownAsync($"/me/fees/{id}?handler=Submit", [], $"/me/fees/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await w.Coordinator.PostAsShownAsync($"/manage/fees/{id}?handler=Approve", [], $"/manage/fees/{id}")).StatusCode);

        // After the approval the advisor's account (or whoever holds it) enters another IBAN, with the password.
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(w.Advisor, Diverted, TestUsers.Password, holder: "Fremde Person")).StatusCode);
        Assert.Equal("2051", await StoredLast4Async(w));

        var csv = await w.Coordinator.GetStringAsync("/manage/fees/export?from=2026-11&to=2026-11&format=csv", Ct);
        Assert.Contains("DE89 3704 0044 0532 0130 00", csv);
        Assert.Contains("Ayşe Müller-Öztürk", csv);
        Assert.DoesNotContain("DE02 1203", csv);
        Assert.DoesNotContain("Fremde Person", csv);

        var pdf = await w.Coordinator.GetByteArrayAsync($"/manage/fees/{id}/pdf", Ct);
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var text = string.Join("\n", document.GetPages().Select(p => p.Text));
        // The accounting office's copy names the whole approved IBAN (Defect 15), never the diverted one.
        Assert.Contains("DE89 3704 0044 0532 0130 00", text);
        Assert.DoesNotContain("DE02 1203", text);
        Assert.Contains("••30 00", Html.Text(await w.Coordinator.GetStringAsync($"/manage/fees/{id}", Ct)));
    }
}
