using System.Net;
using Beraterpool.Tests.Audit;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Features.Fees;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beraterpool.Tests.Fees;

/// <summary>Fee statements change status only along their table, once, and always together with their audit entry.</summary>
public sealed class FeeWorkflowTests(FeeWorkflowTests.App app) : IClassFixture<FeeWorkflowTests.App>
{
    public sealed class App() : TestApp(importGazetteer: false);

    private static readonly DateOnly Nov3 = new(2026, 11, 3);

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string url) =>
        client.PostAsShownAsync(url, [], formPageUrl: url[..url.IndexOf('?')]);

    private async Task<(FeeWorld World, int Id)> SubmittedAsync(string name)
    {
        var w = await app.WorldAsync(name);
        await app.BankAsync(w);
        await app.ActivityAsync(w, Nov3, 2);
        var id = await app.CreateStatementAsync(w);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(w.Advisor, $"/me/fees/{id}?handler=Submit")).StatusCode);
        return (w, id);
    }

    [Theory]
    [InlineData(FeeStatementStatus.Draft, FeeStatementStatus.Submitted, true)]
    [InlineData(FeeStatementStatus.Returned, FeeStatementStatus.Submitted, true)]
    [InlineData(FeeStatementStatus.Submitted, FeeStatementStatus.Approved, true)]
    [InlineData(FeeStatementStatus.Approved, FeeStatementStatus.Returned, true)]
    [InlineData(FeeStatementStatus.Approved, FeeStatementStatus.Paid, true)]
    [InlineData(FeeStatementStatus.Draft, FeeStatementStatus.Approved, false)]
    [InlineData(FeeStatementStatus.Submitted, FeeStatementStatus.Paid, false)]
    [InlineData(FeeStatementStatus.Paid, FeeStatementStatus.Returned, false)]
    public void Statement_moves_follow_the_table(FeeStatementStatus from, FeeStatementStatus to, bool allowed) =>
        Assert.Equal(allowed, FeeStatementWorkflow.CanMove(from, to));

    [Fact]
    public async Task Two_coordinators_approving_at_once_approve_and_audit_once()
    {
        var (w, id) = await SubmittedAsync("zweimal");
        var second = await app.SignedInBrowserAsync("coord-zweimal@example.org");

        await Task.WhenAll(PostAsync(w.Coordinator, $"/manage/fees/{id}?handler=Approve"), PostAsync(second, $"/manage/fees/{id}?handler=Approve"));

        Assert.Equal(FeeStatementStatus.Approved, (await app.StatementAsync(id)).Status);
        var actions = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.Subject == $"fee:{id}").Select(e => e.Action).ToListAsync());
        Assert.Single(actions, "fee.statement.approved");
        Assert.Single(actions, "fee.statement.submitted");
    }

    [Fact]
    public async Task When_the_audit_entry_cannot_be_saved_the_statement_keeps_its_status()
    {
        var (w, id) = await SubmittedAsync("unprotokolliert");
        await app.RefuseAuditAsync("unprotokolliert", $"fee:{id}");

        await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var scope = app.Scope();
            await scope.ServiceProvider.GetRequiredService<FeeStatements>().ApproveAsync(id, (await app.StatementAsync(id)).Version, null, w.PoolId, "total=250", TestContext.Current.CancellationToken);
        });

        Assert.Equal(FeeStatementStatus.Submitted, (await app.StatementAsync(id)).Status);
    }
}
