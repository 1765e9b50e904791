using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Mentoring;
using Beraterpool.Web.Features.Pools;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Me;

/// <summary>
/// The overview of the narrow roles (application committee, mentors): who is signed in, what the role does in the
/// programme, and what waits for them (a mentor's pairs; applications come with the establishment issue — until then
/// the reviewers' list is honestly empty and says how work will reach them).
/// </summary>
public abstract class RoleOverviewModel(AppDbContext db, PoolAccess access) : PageModel
{
    protected PoolAccess Access => access;

    public string Name { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        var userId = access.UserId;
        Name = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.DisplayName ?? u.Email ?? "").FirstOrDefaultAsync(ct) ?? "";
        await LoadAsync(ct);
    }

    /// <summary>What waits for the role, loaded after the name.</summary>
    protected virtual Task LoadAsync(CancellationToken ct) => Task.CompletedTask;
}

[Authorize(Roles = Roles.Reviewer)]
public sealed class ReviewModel(AppDbContext db, PoolAccess access) : RoleOverviewModel(db, access);

/// <summary>The mentor's overview: their own pairs (running ones first), each with its meetings.</summary>
[Authorize(Roles = Roles.Mentor)]
public sealed class MentoringModel(AppDbContext db, PoolAccess access, Mentorships pairs) : RoleOverviewModel(db, access)
{
    public IReadOnlyList<Mentorships.MenteeRow> Pairs { get; private set; } = [];

    protected override async Task LoadAsync(CancellationToken ct) => Pairs = await pairs.OfMentorAsync(Access.UserId, ct);
}
