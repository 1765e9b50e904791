using System.Net;
using Beraterpool.Tests.Audit;
using Beraterpool.Tests.Infrastructure;
using Beraterpool.Tests.Requests;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Engagements;
using Beraterpool.Web.Features.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beraterpool.Tests.Engagements;

/// <summary>Closing the last engagement completes the request through the request's own workflow.</summary>
public sealed class EngagementClosingTests(EngagementClosingTests.App app) : IClassFixture<EngagementClosingTests.App>
{
    public sealed class App() : TestApp(importGazetteer: false);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Arranged(int PoolId, int EngagementId, int RequestId, string ContactEmail, HttpClient Coordinator);

    private async Task<Arranged> ArrangeAsync(string name, string key)
    {
        var coordinator = await app.SignedInBrowserAsync($"{name}-koord@example.org", Roles.Coordinator);
        var pool = await app.CreatePoolAsync(name, await UserIdAsync($"{name}-koord@example.org"));
        var advisor = await app.CreateAdvisorAsync(pool.Id, $"{name}-berater");
        await app.MunicipalityAsync(key, $"Stadt {name}");
        var engagement = await app.EngagementAsync(pool.Id, key, [advisor.Id]);
        var contactEmail = $"{name}-anfrage@example.org";
        await app.WithDbAsync(db => db.ConsultationRequests.Where(r => r.Id == engagement.RequestId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ContactEmail, contactEmail).SetProperty(r => r.Reference, $"BA-{name}"), Ct));
        return new Arranged(pool.Id, engagement.Id, engagement.RequestId, contactEmail, coordinator);
    }

    private Task<string> UserIdAsync(string email) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private static Task<HttpResponseMessage> CloseAsync(HttpClient client, int engagementId) =>
        client.PostFormAsync($"/engagements/{engagementId}/close", [], formPageUrl: $"/engagements/{engagementId}");

    [Fact]
    public async Task Closing_the_last_engagement_completes_the_request_with_timeline_audit_and_the_contacts_mail()
    {
        var a = await ArrangeAsync("erledigt", "05911000");

        Assert.Equal(HttpStatusCode.Redirect, (await CloseAsync(a.Coordinator, a.EngagementId)).StatusCode);

        var (status, changes, audit) = await app.WithDbAsync(async db => (
            await db.ConsultationRequests.Where(r => r.Id == a.RequestId).Select(r => r.Status).SingleAsync(Ct),
            await db.RequestStatusChanges.Where(c => c.RequestId == a.RequestId).Select(c => new { c.From, c.To, c.Note }).ToListAsync(Ct),
            await db.AuditEntries.Where(e => e.Subject == $"request:{a.RequestId}" || e.Subject == $"engagement:{a.EngagementId}")
                .Select(e => e.Action).ToListAsync(Ct)));
        Assert.Equal(RequestStatus.Completed, status);
        var change = Assert.Single(changes);
        Assert.Equal((RequestStatus.InProgress, RequestStatus.Completed, "Begleitung abgeschlossen."), (change.From, change.To, change.Note));
        Assert.Equal(["engagement.closed", "request.status.completed"], audit.Order());
        var mail = Assert.Single(app.MailsTo(a.ContactEmail));
        Assert.Contains("Ihre Beratungsanfrage BA-erledigt: Abgeschlossen", mail);
    }

    [Fact]
    public async Task Two_coordinators_closing_at_once_close_and_complete_once()
    {
        var a = await ArrangeAsync("doppelt", "05912000");
        var second = await app.SignedInBrowserAsync("doppelt-koord@example.org", Roles.Coordinator);

        var results = await Task.WhenAll(CloseAsync(a.Coordinator, a.EngagementId), CloseAsync(second, a.EngagementId));

        // The later one finds the engagement closed: it answers with the record (redirect) or, once closed, 403.
        Assert.All(results, r => Assert.True(r.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Forbidden, r.StatusCode.ToString()));
        var (changes, audit) = await app.WithDbAsync(async db => (
            await db.RequestStatusChanges.CountAsync(c => c.RequestId == a.RequestId, Ct),
            await db.AuditEntries.Where(e => e.Subject == $"request:{a.RequestId}" || e.Subject == $"engagement:{a.EngagementId}")
                .Select(e => e.Action).ToListAsync(Ct)));
        Assert.Equal(1, changes);
        Assert.Equal(["engagement.closed", "request.status.completed"], audit.Order());
        Assert.Single(app.MailsTo(a.ContactEmail));
    }

    [Fact]
    public async Task The_request_stays_in_progress_while_another_engagement_is_open()
    {
        var a = await ArrangeAsync("zweiter", "05913000");
        var advisor = await app.CreateAdvisorAsync(a.PoolId, "zweiter-berater2");
        await app.WithDbAsync(async db =>
        {
            db.Engagements.Add(new Engagement { PoolId = a.PoolId, RequestId = a.RequestId, MunicipalityKey = "05913000", StartedAt = DateTimeOffset.UtcNow,
                Advisors = [new EngagementAdvisor { AdvisorId = advisor.Id, JoinedAt = DateTimeOffset.UtcNow }] });
            return await db.SaveChangesAsync(Ct);
        });

        Assert.Equal(HttpStatusCode.Redirect, (await CloseAsync(a.Coordinator, a.EngagementId)).StatusCode);

        Assert.Equal(RequestStatus.InProgress, await app.WithDbAsync(db => db.ConsultationRequests.Where(r => r.Id == a.RequestId).Select(r => r.Status).SingleAsync(Ct)));
        // The contact has no account: the engagement's closing mail goes to the request's address, the completion mail does not.
        Assert.StartsWith("Subject: Begleitung Stadt zweiter abgeschlossen", Assert.Single(app.MailsTo(a.ContactEmail)));
    }

    [Fact]
    public void Engagement_moves_follow_the_table()
    {
        Assert.True(EngagementWorkflow.CanMove(EngagementStatus.Active, EngagementStatus.Closing));
        Assert.True(EngagementWorkflow.CanMove(EngagementStatus.Closing, EngagementStatus.Closed));
        Assert.False(EngagementWorkflow.CanMove(EngagementStatus.Closed, EngagementStatus.Active));
        Assert.False(EngagementWorkflow.CanMove(EngagementStatus.Closing, EngagementStatus.Active));
        Assert.Equal([EngagementStatus.Active, EngagementStatus.Closing], EngagementWorkflow.From(EngagementStatus.Closed).Order());
    }

    [Fact]
    public void Only_a_pending_proposal_is_answered_or_withdrawn()
    {
        Assert.All([InvitationStatus.Accepted, InvitationStatus.Declined, InvitationStatus.Withdrawn], to =>
            Assert.Equal([InvitationStatus.Pending], Beraterpool.Web.Features.Engagements.Invitations.ProposalWorkflow.From(to)));
        Assert.False(Beraterpool.Web.Features.Engagements.Invitations.ProposalWorkflow.CanMove(InvitationStatus.Declined, InvitationStatus.Accepted));
    }

    [Fact]
    public async Task When_the_requests_audit_entry_cannot_be_saved_neither_the_request_nor_the_engagement_changes()
    {
        var a = await ArrangeAsync("atomar", "05914000");
        await app.RefuseAuditAsync("atomar", $"request:{a.RequestId}");

        await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var scope = app.Scope();
            var moves = scope.ServiceProvider.GetRequiredService<EngagementMoves>();
            await moves.CloseAsync(a.EngagementId, null, "Test", "Begleitung abgeschlossen.", a.PoolId, Ct);
        });

        var (engagement, request, changes, audit) = await app.WithDbAsync(async db => (
            await db.Engagements.Where(e => e.Id == a.EngagementId).Select(e => e.Status).SingleAsync(Ct),
            await db.ConsultationRequests.Where(r => r.Id == a.RequestId).Select(r => r.Status).SingleAsync(Ct),
            await db.RequestStatusChanges.CountAsync(c => c.RequestId == a.RequestId, Ct),
            await db.AuditEntries.CountAsync(e => e.Subject == $"engagement:{a.EngagementId}", Ct)));
        Assert.Equal((EngagementStatus.Active, RequestStatus.InProgress, 0, 0), (engagement, request, changes, audit));
    }

    [Fact]
    public async Task When_a_moves_audit_entry_cannot_be_saved_the_request_keeps_its_state()
    {
        var a = await ArrangeAsync("ohneprotokoll", "05915000");
        await app.RefuseAuditAsync("ohneprotokoll", $"request:{a.RequestId}");

        await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var scope = app.Scope();
            var db = scope.ServiceProvider.GetRequiredService<Beraterpool.Web.Data.AppDbContext>();
            var request = await db.ConsultationRequests.SingleAsync(r => r.Id == a.RequestId, Ct);
            await scope.ServiceProvider.GetRequiredService<ConsultationRequests>().MoveAsync(request, RequestStatus.Completed, null, "Test", null, Ct);
        });

        Assert.Equal(RequestStatus.InProgress, await app.WithDbAsync(db => db.ConsultationRequests.Where(r => r.Id == a.RequestId).Select(r => r.Status).SingleAsync(Ct)));
        Assert.Equal(0, await app.WithDbAsync(db => db.RequestStatusChanges.CountAsync(c => c.RequestId == a.RequestId, Ct)));
    }
}
