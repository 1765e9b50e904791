using System.Net;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Fees;
using Beraterpool.Web.Features.Pools;
using Microsoft.EntityFrameworkCore;
using System.Xml.Linq;

namespace Beraterpool.Tests.Fees;

/// <summary>With four-eyes payments on, a second coordinator — not the approver, not the advisor — releases each payment.</summary>
public sealed class FourEyesPaymentTests(FourEyesPaymentTests.App app) : IClassFixture<FourEyesPaymentTests.App>
{
    public sealed class App() : TestApp(importGazetteer: false);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly XNamespace Pain = SepaFile.Namespace;

    private static Task<HttpResponseMessage> ReleaseAsync(HttpClient client, int id, bool confirmed) =>
        client.PostAsShownAsync($"/manage/fees/{id}?handler=Release", confirmed ? [new("ConfirmRelease", "true")] : [], $"/manage/fees/{id}");

    private static Task<HttpResponseMessage> PaidAsync(HttpClient client, int id) =>
        client.PostAsShownAsync($"/manage/fees/{id}?handler=Paid", [new("PaidOn", DateTime.UtcNow.ToString("yyyy-MM-dd"))], $"/manage/fees/{id}");

    private async Task<HttpClient> SecondCoordinatorAsync(string name, int poolId)
    {
        var email = $"zweite-{name}@example.org";
        var client = await app.SignedInBrowserAsync(email, Roles.Coordinator);
        await app.WithDbAsync(async db =>
        {
            var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            db.PoolCoordinators.Add(new PoolCoordinator { PoolId = poolId, UserId = userId });
            return await db.SaveChangesAsync();
        });
        return client;
    }

    private async Task<(FeeWorld World, int Id)> ApprovedAsync(string name)
    {
        var w = await app.WorldAsync(name);
        await app.BankAsync(w);
        await app.DebtorAsync(w.PoolId, fourEyes: true);
        return (w, await app.ApprovedAsync(w, "2026-11", 2));
    }

    [Fact]
    public async Task The_approver_cannot_release_and_the_unreleased_statement_is_neither_in_the_sepa_file_nor_paid()
    {
        var (w, id) = await ApprovedAsync("vier-augen-selbst");

        Assert.Equal(HttpStatusCode.Redirect, (await ReleaseAsync(w.Coordinator, id, confirmed: true)).StatusCode);

        var statement = await app.StatementAsync(id);
        Assert.Null(statement.ReleasedAt);
        Assert.Equal(HttpStatusCode.Redirect, (await PaidAsync(w.Coordinator, id)).StatusCode);
        Assert.Equal(FeeStatementStatus.Approved, (await app.StatementAsync(id)).Status);
        var page = Html.Text(await w.Coordinator.GetStringAsync($"/manage/fees/sepa/{w.PoolId}", Ct));
        Assert.Contains("Keine Abrechnung wartet auf die Auszahlung.", page);
        Assert.Contains("Sie haben die Abrechnung freigegeben; die Zahlung gibt eine andere Koordinierung frei.",
            Html.Text(await w.Coordinator.GetStringAsync($"/manage/fees/{id}", Ct)));
    }

    [Fact]
    public async Task A_second_coordinator_confirms_and_releases_then_the_statement_goes_into_the_sepa_file()
    {
        var (w, id) = await ApprovedAsync("vier-augen-zweite");
        var second = await SecondCoordinatorAsync("vier-augen-zweite", w.PoolId);
        Assert.Contains("Zahlung freigeben", Html.Text(await second.GetStringAsync($"/manage/fees/{id}", Ct)));

        var unconfirmed = await ReleaseAsync(second, id, confirmed: false);
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        Assert.Contains("Bitte bestätigen Sie, dass Sie Empfänger*in, IBAN und Betrag geprüft haben.", Html.Text(await unconfirmed.Content.ReadAsStringAsync(Ct)));
        Assert.Null((await app.StatementAsync(id)).ReleasedAt);

        Assert.Equal(HttpStatusCode.Redirect, (await ReleaseAsync(second, id, confirmed: true)).StatusCode);

        var released = await app.StatementAsync(id);
        Assert.NotNull(released.ReleasedAt);
        Assert.NotEqual(released.ApprovedByUserId, released.ReleasedByUserId);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "fee.statement.released" && e.Subject == $"fee:{id}")));
        var file = await SepaArrange.DownloadAsync(w.Coordinator, w.PoolId, id);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        var doc = SepaArrange.Validated(await file.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal("1", doc.Descendants(Pain + "NbOfTxs").First().Value);
        Assert.Equal(HttpStatusCode.Redirect, (await PaidAsync(w.Coordinator, id)).StatusCode);
        Assert.Equal(FeeStatementStatus.Paid, (await app.StatementAsync(id)).Status);
    }

    [Fact]
    public async Task With_the_setting_off_an_approved_statement_goes_straight_into_the_sepa_file()
    {
        var w = await app.WorldAsync("vier-augen-aus");
        await app.BankAsync(w);
        await app.DebtorAsync(w.PoolId, fourEyes: false);
        var id = await app.ApprovedAsync(w, "2026-11", 2);

        var file = await SepaArrange.DownloadAsync(w.Coordinator, w.PoolId, id);

        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        var doc = SepaArrange.Validated(await file.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal("250.00", doc.Descendants(Pain + "InstdAmt").Single().Value);
        Assert.DoesNotContain("Zahlung freigeben", Html.Text(await w.Coordinator.GetStringAsync($"/manage/fees/{id}", Ct)));
    }
}
