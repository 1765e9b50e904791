using System.Net;
using Beraterpool.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Tests.Fees;

public sealed class BankDetailsTests(BankDetailsTests.App app) : IClassFixture<BankDetailsTests.App>
{
    public sealed class App() : TestApp(importGazetteer: false);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<HttpResponseMessage> SaveAsync(HttpClient client, string iban, string street = "Königstraße 12") =>
        client.PostFormAsync("/me/bank-details", [
            new("Input.AccountHolder", "Ayşe Müller-Öztürk"), new("Input.Iban", iban), new("Input.Street", street),
            new("Input.PostalCode", "53113"), new("Input.City", "Bonn"), new("Input.TaxNumber", ""), new("Input.CurrentPassword", TestUsers.Password),
        ]);

    [Theory]
    [InlineData("DE89 3704 0044 0532 0130 01", "Die Prüfziffer der IBAN stimmt nicht.")]
    [InlineData("DE89 3704 0044 0532 0130 0", "Eine IBAN aus diesem Land hat 22 Zeichen, Ihre Eingabe hat 21.")]
    [InlineData("DE89-3704-0044-0532-0130-00", "Die IBAN darf nur Buchstaben und Ziffern enthalten")]
    [InlineData("XX89 3704 0044 0532 0130 00", "Die IBAN muss mit einem gültigen Ländercode beginnen")]
    [InlineData("", "Bitte geben Sie Ihre IBAN an.")]
    public async Task Invalid_iban_is_refused_with_a_german_message_and_the_input_kept(string iban, string message)
    {
        var w = await app.WorldAsync("iban-" + Guid.NewGuid().ToString("N")[..6]);
        var response = await SaveAsync(w.Advisor, iban);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains(message, Html.Text(html));
        Assert.Contains("aria-invalid=\"true\"", html);
        Assert.Contains("value=\"Königstraße 12\"", System.Net.WebUtility.HtmlDecode(html));
        Assert.False(await app.WithDbAsync(db => db.AdvisorBankDetails.AnyAsync(b => b.AdvisorId == w.AdvisorId)));
    }

    [Fact]
    public async Task Valid_iban_is_stored_encrypted_and_shown_masked_and_kept_when_left_empty()
    {
        var w = await app.WorldAsync("iban-ok");
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(w.Advisor, "de89 3704 0044 0532 0130 00")).StatusCode);
        var saved = await app.WithDbAsync(db => db.AdvisorBankDetails.AsNoTracking().SingleAsync(b => b.AdvisorId == w.AdvisorId));
        Assert.Equal("3000", saved.IbanLast4);
        Assert.DoesNotContain("370400440532", saved.IbanProtected);
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "fee.bankdetails.updated" && e.Subject == $"advisor:{w.AdvisorId}").Select(e => e.Details).SingleAsync());
        Assert.DoesNotContain("370400440532", audit);

        var page = Html.Text(await w.Advisor.GetStringAsync("/me/bank-details", Ct));
        Assert.Contains("DE•• •••• •••• •••• ••30 00", page);
        Assert.DoesNotContain("0532 0130", page);

        // A new address without a new IBAN keeps the account.
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(w.Advisor, "", "Neue Straße 5")).StatusCode);
        var again = await app.WithDbAsync(db => db.AdvisorBankDetails.AsNoTracking().SingleAsync(b => b.AdvisorId == w.AdvisorId));
        Assert.Equal(("Neue Straße 5", saved.IbanProtected), (again.Street, again.IbanProtected));

        // An Austrian account replaces it.
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(w.Advisor, "AT61 1904 3002 3457 3201")).StatusCode);
        Assert.Equal("3201", await app.WithDbAsync(db => db.AdvisorBankDetails.Where(b => b.AdvisorId == w.AdvisorId).Select(b => b.IbanLast4).SingleAsync()));
    }
}
