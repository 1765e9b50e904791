using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Audit;
using Beraterpool.Web.Features.Matching;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Requests;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Engagements.Invitations;

/// <summary>
/// A proposal and its answers: the office proposes one advisor or a tandem (one invitation each, one proposal
/// group); each answers; when everyone of a group has accepted, the engagement starts. Every step is audited and
/// mailed. Answers are conditional updates on the pending state, and only the answer that moves the request to
/// "in progress" creates the engagement, so double clicks or two partners answering at once start it once.
/// </summary>
public sealed class InvitationWorkflow(TimeProvider time, AppDbContext db, InvitationMails mails, PoolCatalog catalog, ConsultationRequests requests,
    ContactHandOver contacts)
{
    public sealed record Proposed(MatchCandidate Advisor, string Explanation);

    /// <summary>
    /// Whether the proposer is one of the proposed advisors. Nobody proposes themselves on a request they coordinate:
    /// the proposal decides who gets the paid engagement, so another coordinator of the pool (or an administrator)
    /// makes it — the same four-eyes rule as for approving days and fee statements.
    /// </summary>
    public Task<bool> ProposesSelfAsync(IEnumerable<int> advisorIds, string? userId, CancellationToken ct)
    {
        var ids = advisorIds.ToList();
        return userId is null ? Task.FromResult(false) : db.Advisors.AnyAsync(a => ids.Contains(a.Id) && a.UserId == userId, ct);
    }

    /// <summary>
    /// Proposes and moves the request to matching (through <see cref="ConsultationRequests.MoveAsync"/>, so the
    /// timeline and audit rules stay in one place). Null when the request has left the states that allow proposals
    /// meanwhile, or when the proposer is among the proposed (<see cref="ProposesSelfAsync"/>); then nothing is saved or sent.
    /// </summary>
    public async Task<Guid?> ProposeAsync(RequestFacts request, IReadOnlyList<Proposed> advisors, string? userId, string actorName, CancellationToken ct)
    {
        if (await ProposesSelfAsync(advisors.Select(a => a.Advisor.Id), userId, ct)) return null;
        var now = time.GetUtcNow();
        var group = Guid.NewGuid();
        var invitations = advisors.Select(a => new EngagementInvitation
        {
            RequestId = request.Id, AdvisorId = a.Advisor.Id, ProposalGroup = group, Status = InvitationStatus.Pending,
            MatchExplanation = a.Explanation.Length > 4000 ? a.Explanation[..4000] : a.Explanation,
            ProposedByUserId = userId, CreatedAt = now,
        }).ToList();

        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var tracked = await db.ConsultationRequests.FirstAsync(r => r.Id == request.Id, ct);
            db.EngagementInvitations.AddRange(invitations);
            db.Audit("invitation.proposed", $"request:{request.Id}", userId, request.PoolId,
                $"group={group}; advisors={string.Join(',', advisors.Select(a => a.Advisor.Id))}");
            if (tracked.Status != RequestStatus.Matching)
            {
                var note = "Berater*innen vorgeschlagen: " + string.Join(", ", advisors.Select(a => a.Advisor.FullName));
                if (!await requests.MoveAsync(tracked, RequestStatus.Matching, userId, actorName, note, ct))
                {
                    db.ChangeTracker.Clear();
                    return null;
                }
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }

        var contacts = await AdvisorContactsAsync(advisors.Select(a => a.Advisor.Id).ToArray(), ct);
        foreach (var invitation in invitations)
        {
            var me = contacts[invitation.AdvisorId];
            var partner = advisors.Count > 1 ? string.Join(", ", advisors.Where(a => a.Advisor.Id != invitation.AdvisorId).Select(a => a.Advisor.FullName)) : null;
            await mails.SendProposalAsync(request.PoolId, me.Email, me.Culture, me.Name, request.MunicipalityName, request.Reference, request.Goal, partner, invitation.Id, ct);
        }
        return group;
    }

    /// <summary>What an accepting advisor agrees to hand over to the municipality (null: nothing beyond their name).</summary>
    public sealed record SharedContact(string Email, string? Phone, ContactChannel Channel);

    /// <summary>
    /// False when the invitation is no longer pending (answered in another tab, or withdrawn). The advisor's consent to
    /// hand over their contact details is saved with the answer, so the start mail and the record can show them.
    /// </summary>
    public async Task<bool> AcceptAsync(int invitationId, string? userId, CancellationToken ct, SharedContact? share = null)
    {
        var now = time.GetUtcNow();
        var invitation = await db.EngagementInvitations.AsNoTracking().FirstAsync(i => i.Id == invitationId, ct);
        var request = (await RequestFacts.LoadAsync(db, invitation.RequestId, ct))!;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var answered = await db.EngagementInvitations.Where(i => i.Id == invitationId && ProposalWorkflow.From(InvitationStatus.Accepted).Contains(i.Status))
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, InvitationStatus.Accepted).SetProperty(i => i.RespondedAt, now), ct);
            if (answered == 0) return false;
            db.Audit("invitation.accepted", $"invitation:{invitationId}", userId, request.PoolId, $"request={request.Id}; contactShared={share is not null}");
            if (share is not null)
            {
                // A request proposed twice to the same advisor keeps one row: the latest consent counts.
                await db.Set<ContactShare>().Where(s => s.RequestId == request.Id && s.AdvisorId == invitation.AdvisorId).ExecuteDeleteAsync(ct);
                db.Set<ContactShare>().Add(new ContactShare
                {
                    RequestId = request.Id, AdvisorId = invitation.AdvisorId, Email = share.Email, Phone = share.Phone, Channel = share.Channel,
                    SharedAt = now, SharedByUserId = userId,
                });
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }

        // Read after our own answer is committed: whichever partner answers last sees all accepted.
        var group = await db.EngagementInvitations.AsNoTracking().Where(i => i.ProposalGroup == invitation.ProposalGroup)
            .Select(i => new { i.AdvisorId, i.Status }).ToListAsync(ct);
        var advisors = await AdvisorContactsAsync(group.Select(g => g.AdvisorId).ToArray(), ct);
        var names = string.Join(" und ", group.Select(g => advisors[g.AdvisorId].Name));
        var engagementId = group.All(g => g.Status == InvitationStatus.Accepted)
            ? await StartEngagementAsync(request, group.Select(g => g.AdvisorId).ToArray(), names, userId, now, ct) : null;

        var office = await OfficeEmailAsync(invitation.ProposedByUserId, request.PoolId, ct);
        await mails.SendAcceptedToOfficeAsync(request.PoolId, office, advisors[invitation.AdvisorId].Name, request.MunicipalityName, request.Reference, request.Id, engagementId is not null, ct);
        if (engagementId is { } started) await SendStartedAsync(request, started, group.Select(g => g.AdvisorId).ToArray(), advisors, ct);
        return true;
    }

    /// <summary>The contact hand-over: the municipality hears who accompanies it and how to reach them, each advisor how to reach the municipality.</summary>
    private async Task SendStartedAsync(RequestFacts request, int engagementId, int[] advisorIds, Dictionary<int, Contact> advisors, CancellationToken ct)
    {
        var pool = await catalog.FindAsync(request.PoolId, ct);
        var office = pool?.ContactEmail ?? await db.Pools.Where(p => p.Id == request.PoolId).Select(p => p.ContactEmail).FirstAsync(ct);
        var shared = (await contacts.AdvisorsAsync(request.Id, advisorIds, ct)).ToDictionary(x => x.AdvisorId, x => x.Contact);
        var team = advisorIds.Select(id => new EngagementStartedMail.Advisor(advisors[id].Name, advisors[id].Slug, shared[id].Email, shared[id].Phone, shared[id].Channel)).ToList();
        await mails.SendStartedToMunicipalityAsync(request.ContactEmail, request.ContactName, request.MunicipalityName, request.Reference, team, office, pool, ct);
        var municipality = await contacts.MunicipalityAsync(request.Id, ct);
        foreach (var id in advisorIds)
            await mails.SendStartedToAdvisorAsync(request.PoolId, advisors[id].Email, advisors[id].Culture, advisors[id].Name, request.MunicipalityName, request.Reference,
                municipality, team.Where(t => t.Slug != advisors[id].Slug).ToList(), engagementId, ct);
    }

    private async Task<int?> StartEngagementAsync(RequestFacts request, int[] advisorIds, string names, string? userId, DateTimeOffset now, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The move is conditional on the state read here, so of two partners answering at once only one starts it.
        // It sends no mail: the municipality hears once, from the "who accompanies you" mail below.
        var tracked = await db.ConsultationRequests.FirstAsync(r => r.Id == request.Id, ct);
        if (!await requests.MoveAsync(tracked, RequestStatus.InProgress, userId, names, "Zusage – die Begleitung beginnt.", ct)) return null;

        var engagement = new Engagement
        {
            PoolId = request.PoolId, RequestId = request.Id, MunicipalityKey = request.MunicipalityKey, StartedAt = now,
            Advisors = advisorIds.Select(id => new EngagementAdvisor { AdvisorId = id, JoinedAt = now }).ToList(),
        };
        db.Engagements.Add(engagement);
        // Other proposals still waiting for this request are no longer needed.
        await db.EngagementInvitations.Where(i => i.RequestId == request.Id && ProposalWorkflow.From(InvitationStatus.Withdrawn).Contains(i.Status))
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, InvitationStatus.Withdrawn)
                .SetProperty(i => i.Reason, "Die Anfrage wird schon von anderen Berater*innen begleitet.").SetProperty(i => i.RespondedAt, now), ct);
        await db.SaveChangesAsync(ct);
        db.Audit("engagement.started", $"engagement:{engagement.Id}", userId, request.PoolId, $"request={request.Id}; advisors={string.Join(',', advisorIds)}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return engagement.Id;
    }

    public async Task<bool> DeclineAsync(int invitationId, string reason, string? userId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var invitation = await db.EngagementInvitations.AsNoTracking().FirstAsync(i => i.Id == invitationId, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var answered = await db.EngagementInvitations.Where(i => i.Id == invitationId && ProposalWorkflow.From(InvitationStatus.Declined).Contains(i.Status))
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, InvitationStatus.Declined).SetProperty(i => i.Reason, reason)
                .SetProperty(i => i.RespondedAt, now), ct);
        if (answered == 0) return false;
        // A tandem without one partner is no longer the proposal the office made.
        var partners = await db.EngagementInvitations.AsNoTracking()
            .Where(i => i.ProposalGroup == invitation.ProposalGroup && i.Id != invitationId && i.Status == InvitationStatus.Pending)
            .Select(i => i.AdvisorId).ToArrayAsync(ct);
        if (partners.Length > 0)
        {
            await db.EngagementInvitations.Where(i => i.ProposalGroup == invitation.ProposalGroup && i.Id != invitationId && ProposalWorkflow.From(InvitationStatus.Withdrawn).Contains(i.Status))
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, InvitationStatus.Withdrawn)
                    .SetProperty(i => i.Reason, "Die Tandem-Partnerin oder der Tandem-Partner hat abgelehnt.").SetProperty(i => i.RespondedAt, now), ct);
        }
        var request = (await RequestFacts.LoadAsync(db, invitation.RequestId, ct))!;
        db.Audit("invitation.declined", $"invitation:{invitationId}", userId, request.PoolId, $"request={request.Id}; reason={reason}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);

        var contacts = await AdvisorContactsAsync([invitation.AdvisorId, .. partners], ct);
        var office = await OfficeEmailAsync(invitation.ProposedByUserId, request.PoolId, ct);
        await mails.SendDeclinedToOfficeAsync(request.PoolId, office, contacts[invitation.AdvisorId].Name, request.MunicipalityName, request.Reference, reason,
            request.Id, partners.Length > 0, ct);
        foreach (var partner in partners)
            await mails.SendWithdrawnAsync(request.PoolId, contacts[partner].Email, contacts[partner].Culture, contacts[partner].Name, request.MunicipalityName, request.Reference, ct);
        return true;
    }

    private sealed record Contact(string Name, string Email, string Slug, string? Culture);

    private async Task<Dictionary<int, Contact>> AdvisorContactsAsync(int[] ids, CancellationToken ct) =>
        await (from a in db.Advisors.AsNoTracking()
               where ids.Contains(a.Id)
               join u in db.Users on a.UserId equals u.Id into accounts
               from u in accounts.DefaultIfEmpty()
               select new { a.Id, Contact = new Contact(a.FirstName + " " + a.LastName, a.Email, a.Slug, u == null ? null : u.Culture) })
            .ToDictionaryAsync(x => x.Id, x => x.Contact, ct);

    /// <summary>The coordinator who proposed, else the pool's contact address.</summary>
    private async Task<string> OfficeEmailAsync(string? proposedBy, int poolId, CancellationToken ct)
    {
        var email = proposedBy is null ? null : await db.Users.Where(u => u.Id == proposedBy).Select(u => u.Email).FirstOrDefaultAsync(ct);
        if (!string.IsNullOrEmpty(email)) return email;
        return (await catalog.FindAsync(poolId, ct))?.ContactEmail ?? (await db.Pools.Where(p => p.Id == poolId).Select(p => p.ContactEmail).FirstAsync(ct));
    }

    /// <summary>The name the timeline shows for the signed-in user.</summary>
    public static string ActorName(AppUser? user) => user?.DisplayName ?? user?.Email ?? "Koordinierungsstelle";
}

/// <summary>
/// The allowed moves of a proposal (one invitation): only a pending one is accepted, declined or withdrawn (by the
/// partner's decline or because someone else already accompanies the request). Pure, so it is tested directly.
/// </summary>
public static class ProposalWorkflow
{
    private static readonly Dictionary<InvitationStatus, InvitationStatus[]> Moves = new()
    {
        [InvitationStatus.Pending] = [InvitationStatus.Accepted, InvitationStatus.Declined, InvitationStatus.Withdrawn],
        [InvitationStatus.Accepted] = [],
        [InvitationStatus.Declined] = [],
        [InvitationStatus.Withdrawn] = [],
    };

    public static bool CanMove(InvitationStatus from, InvitationStatus to) =>
        Moves.TryGetValue(from, out var targets) && targets.Contains(to);

    public static InvitationStatus[] From(InvitationStatus to) => Moves.Where(m => m.Value.Contains(to)).Select(m => m.Key).ToArray();
}
