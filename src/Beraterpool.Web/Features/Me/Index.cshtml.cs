using Beraterpool.Web.Features.Quota;
using Beraterpool.Web.Features.Shared;
using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Engagements;
using Beraterpool.Web.Features.Mentoring;
using Beraterpool.Web.Features.Pools;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Me;

/// <summary>The advisor's start page: invitations to answer, running engagements with their days, own days this year, the contact person and the mentoring.</summary>
[Authorize(Roles = Roles.Advisor)]
public sealed class IndexModel(TimeProvider time, AppDbContext db, PoolAccess access, DayBalances balances, Mentorships mentoring, ContactPersons contacts) : PageModel
{
    public sealed record InvitationRow(int Id, string Municipality, string Reference, DateTimeOffset CreatedAt, bool Tandem);
    public sealed record EngagementRow(int Id, string Municipality, EngagementStatus Status, DayBalance Days);

    public string Name { get; private set; } = "";
    public IReadOnlyList<InvitationRow> Invitations { get; private set; } = [];
    public IReadOnlyList<EngagementRow> Engagements { get; private set; } = [];
    public int HalfDaysThisYear { get; private set; }
    public int UnapprovedHalfDays { get; private set; }
    public int ClosedCount { get; private set; }
    public IReadOnlyList<ContactPersons.Contact> ContactPersons { get; private set; } = [];
    public IReadOnlyList<Mentorships.AdvisorPair> Mentoring { get; private set; } = [];
    public int Year { get; } = time.LocalYear();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var userId = access.UserId;
        var mine = await db.Advisors.AsNoTracking().Where(a => a.UserId == userId).Select(a => new { a.Id, a.FirstName }).ToListAsync(ct);
        Name = mine.FirstOrDefault()?.FirstName ?? "";
        var ids = mine.Select(a => a.Id).ToArray();
        var year = Year;

        Invitations = await db.EngagementInvitations.AsNoTracking().Where(i => ids.Contains(i.AdvisorId) && i.Status == InvitationStatus.Pending)
            .Join(db.ConsultationRequests, i => i.RequestId, r => r.Id, (i, r) => new { i, r })
            .OrderBy(x => x.i.CreatedAt)
            .Select(x => new InvitationRow(x.i.Id,
                db.Municipalities.Where(m => m.OfficialKey == x.r.MunicipalityKey).Select(m => m.ShortName).FirstOrDefault() ?? x.r.MunicipalityKey,
                x.r.Reference, x.i.CreatedAt,
                db.EngagementInvitations.Any(o => o.ProposalGroup == x.i.ProposalGroup && o.Id != x.i.Id)))
            .ToListAsync(ct);

        var engagements = db.Engagements.AsNoTracking().Where(e => db.EngagementAdvisors.Any(a => a.EngagementId == e.Id && ids.Contains(a.AdvisorId)));
        ClosedCount = await engagements.CountAsync(e => e.Status == EngagementStatus.Closed, ct);
        var rows = await engagements.Where(e => e.Status != EngagementStatus.Closed).OrderByDescending(e => e.StartedAt)
            .Select(e => new
            {
                e.Id, e.Status, e.PoolId, e.MunicipalityKey,
                Municipality = db.Municipalities.Where(m => m.OfficialKey == e.MunicipalityKey).Select(m => m.ShortName).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var days = await balances.ForManyAsync(rows.Select(r => (r.PoolId, r.MunicipalityKey)), year, ct);
        Engagements = rows.Select(r => new EngagementRow(r.Id, r.Municipality ?? r.MunicipalityKey, r.Status, days[(r.PoolId, r.MunicipalityKey)])).ToList();

        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var activities = db.Activities.AsNoTracking().Where(a => ids.Contains(a.AdvisorId) && a.Date >= from && a.Date <= to);
        HalfDaysThisYear = await activities.SumAsync(a => a.HalfDays, ct);
        ContactPersons = await contacts.OfAsync(ids, ct);
        Mentoring = await mentoring.OfAdvisorsAsync(ids, ct);
        UnapprovedHalfDays = await activities.Where(a => a.ApprovedAt == null).SumAsync(a => a.HalfDays, ct);
    }
}
