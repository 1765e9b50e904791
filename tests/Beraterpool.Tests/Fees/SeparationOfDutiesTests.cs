using System.Net;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Fees;
using Beraterpool.Web.Features.Pools;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beraterpool.Tests.Fees;

/// <summary>
/// Nobody decides on their own fee statement, and a decision applies only to the statement as it was shown
/// (issue 8, items 5 and 15d).
/// </summary>
public sealed class SeparationOfDutiesTests(SeparationOfDutiesTests.App app) : IClassFixture<SeparationOfDutiesTests.App>
{
    public sealed class App() : TestApp(importGazetteer: false);

    private static readonly DateOnly Nov3 = new(2026, 11, 3);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, params (string Key, string Value)[] fields) =>
        client.PostAsShownAsync(url, fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)), url[..url.IndexOf('?')]);

    private async Task<(FeeWorld World, int Id)> SubmittedAsync(string name)
    {
        var w = await app.WorldAsync(name);
        await app.BankAsync(w);
        await app.ActivityAsync(w, Nov3, 2);
        var id = await app.CreateStatementAsync(w);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(w.Advisor, $"/me/fees/{id}?handler=Submit")).StatusCode);
        return (w, id);
    }

    /// <summary>The advisor's own account also coordinates the pool, as after a coordinator gave themselves the Advisor role.</summary>
    private async Task<HttpClient> AdvisorAsCoordinatorAsync(FeeWorld w)
    {
        var client = await app.SignedInBrowserAsync(w.AdvisorEmail, Roles.Coordinator);
        await app.WithDbAsync(async db =>
        {
            var userId = await db.Users.Where(u => u.Email == w.AdvisorEmail).Select(u => u.Id).SingleAsync();
            db.PoolCoordinators.Add(new PoolCoordinator { PoolId = w.PoolId, UserId = userId });
            return await db.SaveChangesAsync();
        });
        return client;
    }

    [Fact]
    public async Task Coordinator_cannot_approve_return_or_pay_their_own_statement()
    {
        var (w, id) = await SubmittedAsync("selbst");
        var self = await AdvisorAsCoordinatorAsync(w);

        var page = Html.Text(await self.GetStringAsync($"/manage/fees/{id}", Ct));
        Assert.Contains("Das ist Ihre eigene Abrechnung.", page);
        var version = (await app.StatementAsync(id)).Version.ToString();
        var approve = await self.PostFormAsync($"/manage/fees/{id}?handler=Approve", [new("Version", version)], $"/manage/fees/{id}");
        Assert.Equal(HttpStatusCode.Redirect, approve.StatusCode);
        var ret = await self.PostFormAsync($"/manage/fees/{id}?handler=Return", [new("Version", version), new("Comment", "ok")], $"/manage/fees/{id}");
        Assert.Equal(HttpStatusCode.Redirect, ret.StatusCode);
        Assert.Contains("Über Ihre eigene Abrechnung entscheidet eine andere Koordinierung", Html.Text(await self.GetStringAsync($"/manage/fees/{id}", Ct)));
        Assert.Equal(FeeStatementStatus.Submitted, (await app.StatementAsync(id)).Status);

        // Another coordinator of the pool may.
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(w.Coordinator, $"/manage/fees/{id}?handler=Approve")).StatusCode);
        Assert.Equal(FeeStatementStatus.Approved, (await app.StatementAsync(id)).Status);
    }

    [Fact]
    public async Task The_workflow_refuses_an_approval_by_the_statements_own_advisor_whatever_page_calls_it()
    {
        var (w, id) = await SubmittedAsync("workflow-selbst");
        var advisorUserId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == w.AdvisorEmail).Select(u => u.Id).SingleAsync());
        var version = (await app.StatementAsync(id)).Version;

        await using var scope = app.Scope();
        var fees = scope.ServiceProvider.GetRequiredService<FeeStatements>();
        Assert.False(await fees.ApproveAsync(id, version, advisorUserId, w.PoolId, "total=250", Ct));
        Assert.False(await fees.MarkPaidAsync(id, version, new DateOnly(2026, 12, 1), advisorUserId, w.PoolId, Ct));
        Assert.Equal(FeeStatementStatus.Submitted, (await app.StatementAsync(id)).Status);
    }

    [Fact]
    public async Task Approval_from_a_page_shown_before_the_statement_was_returned_and_resubmitted_is_refused()
    {
        var (w, id) = await SubmittedAsync("veraltet");
        var second = await app.SignedInBrowserAsync("coord-veraltet@example.org");
        // Browser one opens the statement …
        var shown = await w.Coordinator.ShownVersionAsync(id);
        Assert.NotNull(shown);
        // … browser two returns it, the advisor adds costs and submits again …
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(second, $"/manage/fees/{id}?handler=Return", ("Comment", "Bitte Porto ergänzen."))).StatusCode);
        await PostAsync(w.Advisor, $"/me/fees/{id}?handler=Costs", ("Costs.OtherCosts", "900"), ("Costs.OtherCostsNote", "Porto"));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(w.Advisor, $"/me/fees/{id}?handler=Submit")).StatusCode);

        // … and browser one approves what it showed.
        var stale = await w.Coordinator.PostFormAsync($"/manage/fees/{id}?handler=Approve", [new("Version", shown!)], $"/manage/fees/{id}");
        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        Assert.Equal(FeeStatementStatus.Submitted, (await app.StatementAsync(id)).Status);
        Assert.Contains("wurde inzwischen geändert — bitte prüfen Sie den aktuellen Stand", Html.Text(await w.Coordinator.GetStringAsync($"/manage/fees/{id}", Ct)));
        Assert.False(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Subject == $"fee:{id}" && e.Action == "fee.statement.approved")));

        // Without any version the decision is refused too.
        var blind = await w.Coordinator.PostFormAsync($"/manage/fees/{id}?handler=Approve", [], $"/manage/fees/{id}");
        Assert.Equal(HttpStatusCode.Redirect, blind.StatusCode);
        Assert.Equal(FeeStatementStatus.Submitted, (await app.StatementAsync(id)).Status);
    }

    [Fact]
    public async Task Stale_return_and_stale_payment_are_refused()
    {
        var (w, id) = await SubmittedAsync("veraltet-zwei");
        var submitted = await w.Coordinator.ShownVersionAsync(id);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(w.Coordinator, $"/manage/fees/{id}?handler=Approve")).StatusCode);

        var ret = await w.Coordinator.PostFormAsync($"/manage/fees/{id}?handler=Return", [new("Version", submitted!), new("Comment", "zurück")], $"/manage/fees/{id}");
        Assert.Equal(HttpStatusCode.Redirect, ret.StatusCode);
        var paid = await w.Coordinator.PostFormAsync($"/manage/fees/{id}?handler=Paid", [new("Version", submitted!), new("PaidOn", DateTime.UtcNow.ToString("yyyy-MM-dd"))], $"/manage/fees/{id}");
        Assert.Equal(HttpStatusCode.Redirect, paid.StatusCode);
        Assert.Equal(FeeStatementStatus.Approved, (await app.StatementAsync(id)).Status);
    }
}
