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

namespace Beraterpool.Web.Features.Applications.Manage;

/// <summary>
/// One application for the office: everything the applicant sent (with the files), the committee's reviews, which
/// members review it, and the drafted decision. Decisions are told only together, from the decisions page.
/// </summary>
[Authorize(Roles = Roles.Administrator + "," + Roles.Coordinator)]
public sealed class ApplicationModel(AppDbContext db, PoolAccess access, ApplicationSheet sheet, TimeProvider time, IStringLocalizer<ApplicationModel> text) : PageModel
{
    public sealed record ReviewRow(string UserId, string Reviewer, bool Member, bool Assigned, bool Conflict, DateTimeOffset? SubmittedAt,
        IReadOnlyDictionary<int, int> Scores, double? Percent, string? Comment);

    public Application Application { get; private set; } = null!;
    public Call Call { get; private set; } = null!;
    public ApplicationSheetView Sheet { get; private set; } = null!;
    public IReadOnlyList<ReviewRow> Reviews { get; private set; } = [];
    public IReadOnlyList<(string UserId, string Name)> Members { get; private set; } = [];
    public bool Sent => Application.DecisionSentAt is not null;
    public bool Closed { get; private set; }

    [BindProperty] public List<string> AssignedUserIds { get; set; } = [];
    [BindProperty] public ApplicationStatus Decision { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Decision = Application.Status;
        return Page();
    }

    public async Task<IActionResult> OnGetFileAsync(int id, int fileId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var file = await sheet.FileAsync(id, fileId, ct);
        if (file is null) return NotFound();
        db.Audit("application.file-read", $"application:{id}", access.UserId, Application.PoolId, file.FileName);
        await db.SaveChangesAsync(ct);
        return File(file.Content, file.ContentType, file.FileName);
    }

    /// <summary>Sets who reviews the application; none ticked: every member of the committee.</summary>
    public async Task<IActionResult> OnPostAssignAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var chosen = AssignedUserIds.Where(u => Members.Any(m => m.UserId == u)).ToHashSet();
        var rows = await db.Reviews.Include(r => r.Scores).Where(r => r.ApplicationId == id).ToListAsync(ct);
        var now = time.GetUtcNow();
        foreach (var userId in chosen.Where(u => rows.All(r => r.ReviewerUserId != u)))
            db.Reviews.Add(new Review { ApplicationId = id, ReviewerUserId = userId, Assigned = true, CreatedAt = now, UpdatedAt = now });
        foreach (var r in rows)
        {
            r.Assigned = chosen.Contains(r.ReviewerUserId);
            // A row that only held the assignment goes with it.
            if (!r.Assigned && !r.Conflict && r.SubmittedAt is null && r.Comment is null && r.Scores.Count == 0) db.Reviews.Remove(r);
        }
        db.Audit("application.assigned", $"application:{id}", access.UserId, Application.PoolId, string.Join(",", chosen.Order()));
        await db.SaveChangesAsync(ct);
        TempData[StatusMessage.Key] = chosen.Count == 0
            ? text["Die Bewerbung begutachten alle Mitglieder der Kommission."].Value
            : text["Die Bewerbung begutachten jetzt {0} Mitglieder der Kommission.", chosen.Count].Value;
        return RedirectToPage(new { id });
    }

    /// <summary>Drafts the decision (or takes it back to open); it is told to the applicant only from the decisions page.</summary>
    public async Task<IActionResult> OnPostDecideAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Sent)
        {
            TempData[StatusMessage.Key] = text["Die Entscheidung ist bereits mitgeteilt und kann nicht mehr geändert werden."].Value;
            return RedirectToPage(new { id });
        }
        if (!Enum.IsDefined(Decision)) ModelState.AddModelError(nameof(Decision), text["Bitte wählen Sie eine Entscheidung."]);
        if (!Closed) ModelState.AddModelError(nameof(Decision), text["Entscheiden können Sie erst nach dem Bewerbungsschluss."]);
        if (!ModelState.IsValid) return Page();
        var a = await db.Applications.SingleAsync(x => x.Id == id, ct);
        a.Status = Decision;
        a.DecidedAt = Decision == ApplicationStatus.Submitted ? null : time.GetUtcNow();
        db.Audit("application.decision-drafted", $"application:{id}", access.UserId, a.PoolId, Decision.ToString());
        await db.SaveChangesAsync(ct);
        TempData[StatusMessage.Key] = Decision == ApplicationStatus.Submitted
            ? text["Die Bewerbung ist wieder offen."].Value
            : text["Die Entscheidung ist als Entwurf gespeichert. Mitgeteilt wird sie mit den anderen auf der Seite „Entscheidungen“."].Value;
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var a = await db.Applications.AsNoTracking().Include(x => x.Answers).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null || !await access.CanManageAsync(a.PoolId, ct)) return false;
        Application = a;
        Call = await db.Calls.AsNoTracking().Include(c => c.Criteria.OrderBy(x => x.Position)).Include(c => c.Questions.OrderBy(x => x.Position))
            .SingleAsync(c => c.Id == a.CallId, ct);
        Closed = Call.ClosesAt <= time.GetUtcNow();
        Sheet = await sheet.BuildAsync(a, Call.Questions, blind: false, ct);
        Members = (await db.CommitteeMembers.AsNoTracking().Where(m => m.CallId == a.CallId)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Id, Name = u.DisplayName ?? u.Email ?? "" })
            .OrderBy(m => m.Name).ToListAsync(ct)).Select(m => (m.Id, m.Name)).ToList();
        var reviews = await db.Reviews.AsNoTracking().Where(r => r.ApplicationId == id)
            .Select(r => new
            {
                r.ReviewerUserId, Name = db.Users.Where(u => u.Id == r.ReviewerUserId).Select(u => u.DisplayName ?? u.Email).FirstOrDefault(),
                r.Assigned, r.Conflict, r.SubmittedAt, r.Comment, Scores = r.Scores.Select(s => new { s.CriterionId, s.Score }).ToList(),
            })
            .ToListAsync(ct);
        Reviews = reviews.Select(r => new ReviewRow(r.ReviewerUserId, r.Name ?? "", Members.Any(m => m.UserId == r.ReviewerUserId), r.Assigned, r.Conflict, r.SubmittedAt,
                r.Scores.ToDictionary(s => s.CriterionId, s => s.Score),
                r.SubmittedAt is null ? null : CallReviews.Percent(r.Scores.Join(Call.Criteria, s => s.CriterionId, c => c.Id, (s, c) => (c.Weight, c.ScaleMax, s.Score))),
                r.Comment))
            .OrderBy(r => r.SubmittedAt is null).ThenBy(r => r.Reviewer).ToList();
        if (AssignedUserIds.Count == 0 && Request.Method == HttpMethods.Get)
            AssignedUserIds = Reviews.Where(r => r.Assigned).Select(r => r.UserId).ToList();
        return true;
    }
}
