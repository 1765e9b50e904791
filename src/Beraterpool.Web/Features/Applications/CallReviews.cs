using Beraterpool.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Applications;

/// <summary>The figures of one application in the overview: submitted reviews, weighted mean and spread in percent of the maximum.</summary>
public sealed record ReviewFigures(int Reviews, double? Mean, double? Spread, double? Lowest, double? Highest)
{
    public static readonly ReviewFigures None = new(0, null, null, null, null);
}

/// <summary>An application on a reviewer's list, with where their own review stands.</summary>
public sealed record PendingReview(int ApplicationId, int CallId, string CallTitle, DateTimeOffset ClosesAt, string? Name, DateTimeOffset? SubmittedAt, bool Started);

/// <summary>
/// Who reviews what. A committee member reviews every application of the call after its deadline, unless the
/// coordinator assigned the application to particular members (then only those), never one for which they declared a
/// conflict of interest, and never their own application.
/// </summary>
public sealed class CallReviews(AppDbContext db, TimeProvider time)
{
    /// <summary>The applications a reviewer may open: the rule above as one query, so list and page cannot disagree.</summary>
    public IQueryable<Application> OpenTo(string userId)
    {
        var now = time.GetUtcNow();
        var email = db.Users.Where(u => u.Id == userId).Select(u => u.NormalizedEmail);
        return db.Applications.Where(a =>
            db.CommitteeMembers.Any(m => m.CallId == a.CallId && m.UserId == userId)
            && db.Calls.Any(c => c.Id == a.CallId && c.ClosesAt <= now)
            && !db.Reviews.Any(r => r.ApplicationId == a.Id && r.ReviewerUserId == userId && r.Conflict)
            && (!db.Reviews.Any(r => r.ApplicationId == a.Id && r.Assigned) || db.Reviews.Any(r => r.ApplicationId == a.Id && r.ReviewerUserId == userId && r.Assigned))
            && !email.Contains(a.Email.ToUpper()));
    }

    /// <summary>The reviewer's list: applications not yet decided and told, open ones first, newest call first.</summary>
    public async Task<IReadOnlyList<PendingReview>> OfReviewerAsync(string userId, CancellationToken ct)
    {
        var rows = await OpenTo(userId).AsNoTracking().Where(a => a.DecisionSentAt == null)
            .Join(db.Calls, a => a.CallId, c => c.Id, (a, c) => new { a, c })
            .Select(x => new
            {
                x.a.Id, x.a.CallId, x.c.Title, x.c.ClosesAt, x.c.BlindReview, Name = x.a.FirstName + " " + x.a.LastName,
                Review = db.Reviews.Where(r => r.ApplicationId == x.a.Id && r.ReviewerUserId == userId).Select(r => new { r.SubmittedAt, Started = r.Scores.Any() || r.Comment != null }).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return rows.Select(x => new PendingReview(x.Id, x.CallId, x.Title, x.ClosesAt, x.BlindReview ? null : x.Name, x.Review?.SubmittedAt, x.Review?.Started ?? false))
            .OrderBy(x => x.SubmittedAt is not null).ThenByDescending(x => x.ClosesAt).ThenBy(x => x.ApplicationId).ToList();
    }

    /// <summary>Calls the reviewer sits on whose deadline has not passed yet: their applications come later.</summary>
    public async Task<IReadOnlyList<(string Title, DateTimeOffset ClosesAt)>> UpcomingAsync(string userId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return (await db.Calls.AsNoTracking().Where(c => c.ClosesAt > now && db.CommitteeMembers.Any(m => m.CallId == c.Id && m.UserId == userId))
            .OrderBy(c => c.ClosesAt).Select(c => new { c.Title, c.ClosesAt }).ToListAsync(ct)).Select(c => (c.Title, c.ClosesAt)).ToList();
    }

    /// <summary>
    /// A review's result in percent of the maximum: each scored criterion as score/scale, weighted. Criteria on
    /// different scales (1–5, 1–10) so count alike.
    /// </summary>
    public static double? Percent(IEnumerable<(int Weight, int ScaleMax, int Score)> scores)
    {
        var list = scores.Where(s => s.Weight > 0 && s.ScaleMax > 0).ToList();
        var weights = list.Sum(s => s.Weight);
        return weights == 0 ? null : 100.0 * list.Sum(s => s.Weight * (double)s.Score / s.ScaleMax) / weights;
    }

    /// <summary>Per application of the call: the number of submitted reviews, their weighted mean and standard deviation.</summary>
    public async Task<Dictionary<int, ReviewFigures>> FiguresAsync(int callId, CancellationToken ct)
    {
        var scores = await db.ReviewScores.AsNoTracking()
            .Join(db.Reviews.Where(r => r.SubmittedAt != null && !r.Conflict), s => s.ReviewId, r => r.Id, (s, r) => new { s, r })
            .Join(db.CallCriteria.Where(c => c.CallId == callId), x => x.s.CriterionId, c => c.Id, (x, c) => new { x.r.ApplicationId, x.r.Id, c.Weight, c.ScaleMax, x.s.Score })
            .ToListAsync(ct);
        return scores.GroupBy(s => s.ApplicationId).ToDictionary(g => g.Key, g =>
        {
            var totals = g.GroupBy(s => s.Id).Select(r => Percent(r.Select(s => (s.Weight, s.ScaleMax, s.Score)))).OfType<double>().ToList();
            if (totals.Count == 0) return ReviewFigures.None;
            var mean = totals.Average();
            // One review has no spread to speak of.
            double? spread = totals.Count < 2 ? null : Math.Sqrt(totals.Sum(t => (t - mean) * (t - mean)) / totals.Count);
            return new ReviewFigures(totals.Count, mean, spread, totals.Min(), totals.Max());
        });
    }
}
