using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Pools;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Mentoring.Manage;

/// <summary>The office's list of all mentoring pairs of its pools, running ones first.</summary>
[Authorize(Roles = Roles.Administrator + "," + Roles.Coordinator)]
public sealed class IndexModel(AppDbContext db, PoolAccess access) : PageModel
{
    public sealed record Row(int Id, string Pool, string Advisor, string Mentor, MentorshipStatus Status, DateOnly? StartDate, DateOnly? EndDate, int Meetings);
    public sealed record PoolChoice(int Id, string Name);

    public IReadOnlyList<Row> Pairs { get; private set; } = [];
    public IReadOnlyList<PoolChoice> Pools { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var managed = await access.ManagedPoolIdsAsync(ct);
        Pools = await db.Pools.AsNoTracking().Where(p => managed.Contains(p.Id)).OrderBy(p => p.Name).Select(p => new PoolChoice(p.Id, p.Name)).ToListAsync(ct);
        var rows = await db.Mentorships.AsNoTracking().Where(m => managed.Contains(m.PoolId))
            .Select(m => new
            {
                m.Id, m.Status, m.StartDate, m.EndDate,
                Pool = db.Pools.Where(p => p.Id == m.PoolId).Select(p => p.Name).First(),
                Advisor = db.Advisors.Where(a => a.Id == m.AdvisorId).Select(a => a.FirstName + " " + a.LastName).First(),
                Mentor = db.Users.Where(u => u.Id == m.MentorUserId).Select(u => u.DisplayName ?? u.Email ?? "").First(),
                Meetings = m.Meetings.Count,
            })
            .ToListAsync(ct);
        Pairs = rows.OrderBy(r => MentorshipWorkflow.IsFinal(r.Status)).ThenBy(r => r.Status).ThenByDescending(r => r.StartDate).ThenBy(r => r.Advisor, StringComparer.CurrentCulture)
            .Select(r => new Row(r.Id, r.Pool, r.Advisor, r.Mentor, r.Status, r.StartDate, r.EndDate, r.Meetings)).ToList();
    }
}
