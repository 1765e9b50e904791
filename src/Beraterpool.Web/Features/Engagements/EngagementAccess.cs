using Beraterpool.Web.Data;
using Beraterpool.Web.Features.MunicipalityAccounts;
using Beraterpool.Web.Features.Pools;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Engagements;

/// <summary>Who the signed-in user is in one engagement; null means "not theirs" and the page answers 404.</summary>
public sealed record EngagementViewer(int EngagementId, int PoolId, string MunicipalityKey, EngagementStatus Status, string UserId, string Name,
    int? AdvisorId, bool IsMunicipalityContact, bool IsCoordinator)
{
    public bool IsAdvisor => AdvisorId is not null;
    /// <summary>The side a learning or comment is shown with.</summary>
    public EngagementSide Side => IsAdvisor ? EngagementSide.Advisor : IsMunicipalityContact ? EngagementSide.Municipality : EngagementSide.Coordinator;
    public bool IsOpen => Status != EngagementStatus.Closed;
}

public sealed class EngagementAccess(AppDbContext db, PoolAccess pools, MunicipalityAccess municipalities)
{
    public async Task<EngagementViewer?> ForAsync(int engagementId, CancellationToken ct = default)
    {
        if (pools.UserId is not { } userId) return null;
        var e = await db.Engagements.AsNoTracking().Where(x => x.Id == engagementId)
            .Select(x => new
            {
                x.Id, x.PoolId, x.MunicipalityKey, x.Status,
                Advisor = db.EngagementAdvisors.Where(a => a.EngagementId == x.Id)
                    .Join(db.Advisors, ea => ea.AdvisorId, a => a.Id, (ea, a) => a)
                    .Where(a => a.UserId == userId).Select(a => new { a.Id, a.FirstName, a.LastName }).FirstOrDefault(),
                IsContact = db.ConsultationRequests.Any(r => r.Id == x.RequestId && r.ContactUserId == userId),
                ContactName = db.ConsultationRequests.Where(r => r.Id == x.RequestId).Select(r => r.ContactName).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(ct);
        if (e is null) return null;
        var coordinator = await pools.CanManageAsync(e.PoolId, ct);
        // The municipality's account: any colleague of that municipality in that pool, not only who wrote the request.
        var contact = e.IsContact || await municipalities.IsMemberAsync(e.PoolId, e.MunicipalityKey, ct);
        if (e.Advisor is null && !contact && !coordinator) return null;
        var name = e.Advisor is not null ? $"{e.Advisor.FirstName} {e.Advisor.LastName}"
            : e.IsContact ? e.ContactName ?? ""
            : await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName ?? u.Email ?? "").SingleAsync(ct);
        return new EngagementViewer(e.Id, e.PoolId, e.MunicipalityKey, e.Status, userId, name, e.Advisor?.Id, contact, coordinator);
    }
}
