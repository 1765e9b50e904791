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
/// programme, and what waits for them (a mentor's pairs, a reviewer's applications).
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

/// <summary>The committee member's overview: the applications they review (open ones first) and calls still running.</summary>
[Authorize(Roles = Roles.Reviewer)]
public sealed class ReviewModel(AppDbContext db, PoolAccess access, Applications.CallReviews reviews) : RoleOverviewModel(db, access)
{
    public IReadOnlyList<Applications.PendingReview> Applications { get; private set; } = [];
    public IReadOnlyList<(string Title, DateTimeOffset ClosesAt)> Upcoming { get; private set; } = [];

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Applications = await reviews.OfReviewerAsync(Access.UserId!, ct);
        Upcoming = await reviews.UpcomingAsync(Access.UserId!, ct);
    }
}

/// <summary>The mentor's overview: their own pairs (running ones first), each with its meetings.</summary>
[Authorize(Roles = Roles.Mentor)]
public sealed class MentoringModel(AppDbContext db, PoolAccess access, Mentorships pairs) : RoleOverviewModel(db, access)
{
    public IReadOnlyList<Mentorships.MenteeRow> Pairs { get; private set; } = [];

    protected override async Task LoadAsync(CancellationToken ct) => Pairs = await pairs.OfMentorAsync(Access.UserId, ct);
}
