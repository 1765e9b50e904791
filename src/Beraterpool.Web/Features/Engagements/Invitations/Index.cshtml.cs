using System.Security.Claims;
using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Engagements.Invitations;

/// <summary>/me/invitations: the signed-in advisor's proposals, open ones first.</summary>
[Authorize(Roles = Roles.Advisor)]
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public const int Limit = 100;

    public sealed record Row(int Id, string Reference, string Municipality, InvitationStatus Status, DateTimeOffset CreatedAt);

    public IReadOnlyList<Row> Pending { get; private set; } = [];
    public IReadOnlyList<Row> Answered { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var rows = await (
                from i in db.EngagementInvitations.AsNoTracking()
                join a in db.Advisors on i.AdvisorId equals a.Id
                join r in db.ConsultationRequests on i.RequestId equals r.Id
                join m in db.Municipalities on r.MunicipalityKey equals m.OfficialKey
                where a.UserId != null && a.UserId == userId
                orderby i.CreatedAt descending, i.Id descending
                select new Row(i.Id, r.Reference, m.ShortName, i.Status, i.CreatedAt))
            .Take(Limit)
            .ToListAsync(ct);
        Pending = rows.Where(r => r.Status == InvitationStatus.Pending).ToList();
        Answered = rows.Where(r => r.Status != InvitationStatus.Pending).ToList();
    }
}
