using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Audit;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Shared.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Applications.Committee;

/// <summary>
/// A reviewer scores one application: each criterion on its scale, a comment, saved as a draft or submitted for good.
/// In a blind call the page holds none of the hidden fields. The others' scores appear once the own review is
/// submitted (or at once, when the call's phase setting allows). A declared conflict of interest excludes the reviewer.
/// </summary>
[Authorize(Roles = Roles.Reviewer)]
public sealed class ScoreModel(AppDbContext db, CallReviews reviews, ApplicationSheet sheet, PoolAccess access, TimeProvider time, IStringLocalizer<ScoreModel> text) : PageModel
{
    public sealed record OtherReview(string Reviewer, double? Percent, IReadOnlyDictionary<int, int> Scores, string? Comment);

    public Application Application { get; private set; } = null!;
    public Call Call { get; private set; } = null!;
    public ApplicationSheetView Sheet { get; private set; } = null!;
    public Review? Own { get; private set; }
    public IReadOnlyList<OtherReview>? Others { get; private set; }
    public bool Submitted => Own?.SubmittedAt is not null;
    public double? OwnPercent => Own is null ? null
        : CallReviews.Percent(Own.Scores.Join(Call.Criteria, s => s.CriterionId, c => c.Id, (s, c) => (c.Weight, c.ScaleMax, s.Score)));

    /// <summary>Criterion id → score; missing or empty: not scored.</summary>
    [BindProperty] public Dictionary<int, int?> Scores { get; set; } = [];
    [BindProperty] public string? Comment { get; set; }
    [BindProperty] public bool ConfirmConflict { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Scores = Own?.Scores.ToDictionary(s => s.CriterionId, s => (int?)s.Score) ?? [];
        Comment = Own?.Comment;
        foreach (var c in Call.Criteria) Scores.TryAdd(c.Id, null);
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(int id, CancellationToken ct) => SaveAsync(id, submit: false, ct);

    public Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken ct) => SaveAsync(id, submit: true, ct);

    public async Task<IActionResult> OnPostConflictAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Submitted) return RedirectToPage(new { id });
        if (!ConfirmConflict)
        {
            ModelState.AddModelError(nameof(ConfirmConflict), text["Bitte bestätigen Sie, dass Sie befangen sind."]);
            return Page();
        }
        var review = await OwnForEditAsync(ct);
        review.Conflict = true;
        review.UpdatedAt = time.GetUtcNow();
        db.Audit("review.conflict", $"application:{Application.Id}", access.UserId, Application.PoolId);
        await db.SaveChangesAsync(ct);
        TempData[StatusMessage.Key] = text["Sie haben einen Interessenkonflikt erklärt. Diese Bewerbung begutachten andere Mitglieder der Kommission."].Value;
        return RedirectToPage("/Me/Review");
    }

    public async Task<IActionResult> OnGetFileAsync(int id, int fileId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || Call.BlindReview) return NotFound();
        var file = await sheet.FileAsync(id, fileId, ct);
        return file is null ? NotFound() : File(file.Content, file.ContentType, file.FileName);
    }

    private async Task<IActionResult> SaveAsync(int id, bool submit, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Submitted)
        {
            TempData[StatusMessage.Key] = text["Ihr Gutachten ist bereits abgeschickt und kann nicht mehr geändert werden."].Value;
            return RedirectToPage(new { id });
        }
        foreach (var c in Call.Criteria)
        {
            var key = $"Scores[{c.Id}]";
            if (Scores.GetValueOrDefault(c.Id) is { } score && (score < 1 || score > c.ScaleMax))
                ModelState.AddModelError(key, text["Bitte wählen Sie einen Wert von 1 bis {0}.", c.ScaleMax]);
            else if (submit && c.IsRequired && Scores.GetValueOrDefault(c.Id) is null && !ModelState.ContainsKey(key))
                ModelState.AddModelError(key, text["Bitte bewerten Sie „{0}“.", c.Name]);
        }
        if (Comment?.Length > Review.MaxComment)
            ModelState.AddModelError(nameof(Comment), text["Der Kommentar darf höchstens {0} Zeichen lang sein.", Review.MaxComment]);
        if (!ModelState.IsValid) return Page();

        var review = await OwnForEditAsync(ct);
        var now = time.GetUtcNow();
        review.Scores.RemoveAll(s => Call.Criteria.All(c => c.Id != s.CriterionId) || Scores.GetValueOrDefault(s.CriterionId) is null);
        foreach (var c in Call.Criteria)
        {
            if (Scores.GetValueOrDefault(c.Id) is not { } value) continue;
            var existing = review.Scores.FirstOrDefault(s => s.CriterionId == c.Id);
            if (existing is null) review.Scores.Add(new ReviewScore { CriterionId = c.Id, Score = value });
            else existing.Score = value;
        }
        review.Comment = string.IsNullOrWhiteSpace(Comment) ? null : Comment.Trim();
        review.UpdatedAt = now;
        if (submit)
        {
            review.SubmittedAt = now;
            db.Audit("review.submitted", $"application:{Application.Id}", access.UserId, Application.PoolId);
        }
        await db.SaveChangesAsync(ct);
        TempData[StatusMessage.Key] = submit ? text["Ihr Gutachten ist abgeschickt. Vielen Dank!"].Value : text["Ihr Entwurf ist gespeichert."].Value;
        return RedirectToPage(new { id });
    }

    private async Task<Review> OwnForEditAsync(CancellationToken ct)
    {
        var userId = access.UserId!;
        var review = await db.Reviews.Include(r => r.Scores).FirstOrDefaultAsync(r => r.ApplicationId == Application.Id && r.ReviewerUserId == userId, ct);
        if (review is not null) return review;
        review = new Review { ApplicationId = Application.Id, ReviewerUserId = userId, CreatedAt = time.GetUtcNow() };
        db.Reviews.Add(review);
        return review;
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (access.UserId is not { } userId) return false;
        var application = await reviews.OpenTo(userId).AsNoTracking().Include(a => a.Answers).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (application is null) return false;
        Application = application;
        Call = await db.Calls.AsNoTracking().Include(c => c.Criteria.OrderBy(x => x.Position)).Include(c => c.Questions.OrderBy(x => x.Position))
            .SingleAsync(c => c.Id == application.CallId, ct);
        Sheet = await sheet.BuildAsync(application, Call.Questions, Call.BlindReview, ct);
        foreach (var c in Call.Criteria) Scores.TryAdd(c.Id, null);
        Own = await db.Reviews.AsNoTracking().Include(r => r.Scores).FirstOrDefaultAsync(r => r.ApplicationId == id && r.ReviewerUserId == userId, ct);
        if (Submitted || !Call.OthersScoresAfterOwn)
        {
            var others = await db.Reviews.AsNoTracking().Where(r => r.ApplicationId == id && r.ReviewerUserId != userId && r.SubmittedAt != null && !r.Conflict)
                .OrderBy(r => r.SubmittedAt)
                .Select(r => new { Name = db.Users.Where(u => u.Id == r.ReviewerUserId).Select(u => u.DisplayName ?? u.Email).FirstOrDefault(), r.Comment,
                    Scores = r.Scores.Select(s => new { s.CriterionId, s.Score }).ToList() })
                .ToListAsync(ct);
            Others = others.Select(o => new OtherReview(o.Name ?? "", CallReviews.Percent(o.Scores.Select(s => Call.Criteria.FirstOrDefault(c => c.Id == s.CriterionId) is { } c
                    ? (c.Weight, c.ScaleMax, s.Score) : (0, 0, 0))), o.Scores.ToDictionary(s => s.CriterionId, s => s.Score), o.Comment)).ToList();
        }
        return true;
    }
}
