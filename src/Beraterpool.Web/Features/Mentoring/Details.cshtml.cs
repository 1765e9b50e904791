using System.ComponentModel.DataAnnotations;
using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Audit;
using Beraterpool.Web.Features.Shared;
using Beraterpool.Web.Features.Shared.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Mentoring;

/// <summary>
/// One mentoring pair: goals, period, status and the meetings log. The mentor and the pool's office both log meetings
/// and move the status; only the office changes goals and dates. A pair the caller may not see is a 404.
/// </summary>
[Authorize(Roles = Roles.Mentor + "," + Roles.Coordinator + "," + Roles.Administrator)]
public sealed class DetailsModel(TimeProvider time, AppDbContext db, Mentorships pairs, IStringLocalizer<DetailsModel> text) : PageModel
{
    public sealed record MeetingRow(DateOnly Date, string Topics, string? NextSteps);

    public Mentorship Pair { get; private set; } = null!;
    public string AdvisorName { get; private set; } = "";
    public string MentorName { get; private set; } = "";
    public string? MentorEmail { get; private set; }
    public string PoolName { get; private set; } = "";
    public bool IsOffice { get; private set; }
    public IReadOnlyList<MeetingRow> Meetings { get; private set; } = [];

    // Bound per handler with an explicit prefix: each form posts only its own fields, and no fallback to unprefixed names.
    public MeetingInput Meeting { get; private set; } = new();
    public PairInput Edit { get; private set; } = new();

    public sealed class MeetingInput
    {
        [Required(ErrorMessage = "Bitte geben Sie das Datum des Treffens an.")]
        public DateOnly? Date { get; set; }

        [Required(ErrorMessage = "Bitte geben Sie die Themen des Treffens an.")]
        [StringLength(MentoringMeeting.TextLength, ErrorMessage = "Die Themen dürfen höchstens 4000 Zeichen lang sein.")]
        public string? Topics { get; set; }

        [StringLength(MentoringMeeting.TextLength, ErrorMessage = "Die nächsten Schritte dürfen höchstens 4000 Zeichen lang sein.")]
        public string? NextSteps { get; set; }
    }

    public sealed class PairInput
    {
        [Required(ErrorMessage = "Bitte beschreiben Sie die Ziele des Mentorings.")]
        [StringLength(Mentorship.GoalsLength, ErrorMessage = "Die Ziele dürfen höchstens 4000 Zeichen lang sein.")]
        public string? Goals { get; set; }

        public DateOnly? StartDate { get; set; }
        public DateOnly? EndDate { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Meeting.Date = time.LocalToday();
        Edit = new PairInput { Goals = Pair.Goals, StartDate = Pair.StartDate, EndDate = Pair.EndDate };
        return Page();
    }

    public async Task<IActionResult> OnPostMeetingAsync(int id, [Bind(Prefix = nameof(Meeting))] MeetingInput meeting, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Meeting = meeting;
        Edit = new PairInput { Goals = Pair.Goals, StartDate = Pair.StartDate, EndDate = Pair.EndDate };
        if (!MentorshipWorkflow.TakesMeetings(Pair.Status))
            ModelState.AddModelError("Meeting.Date", text["Dieses Mentoring ist beendet; Treffen werden nicht mehr eingetragen."]);
        if (Meeting.Date is { } date && date > time.LocalToday().AddDays(1))
            ModelState.AddModelError("Meeting.Date", text["Tragen Sie Treffen ein, die stattgefunden haben; das Datum liegt in der Zukunft."]);
        if (!ModelState.IsValid) return Page();
        db.MentoringMeetings.Add(new MentoringMeeting
        {
            MentorshipId = Pair.Id, Date = Meeting.Date!.Value, Topics = Meeting.Topics!.Trim(),
            NextSteps = string.IsNullOrWhiteSpace(Meeting.NextSteps) ? null : Meeting.NextSteps.Trim(),
            CreatedAt = time.GetUtcNow(), CreatedByUserId = pairs.UserId,
        });
        db.Audit("mentorship.meeting.added", $"mentorship:{Pair.Id}", pairs.UserId, Pair.PoolId, Meeting.Date.Value.ToString("yyyy-MM-dd"));
        await db.SaveChangesAsync(ct);
        TempData[StatusMessage.Key] = text["Das Treffen ist eingetragen."].Value;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostSaveAsync(int id, [Bind(Prefix = nameof(Edit))] PairInput edit, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!IsOffice) return NotFound();
        Edit = edit;
        Meeting.Date = time.LocalToday();
        if (Edit.StartDate is { } start && Edit.EndDate is { } end && end < start)
            ModelState.AddModelError("Edit.EndDate", text["Das Ende darf nicht vor dem Beginn liegen."]);
        if (!ModelState.IsValid) return Page();
        var pair = await db.Mentorships.FirstAsync(m => m.Id == id, ct);
        (pair.Goals, pair.StartDate, pair.EndDate, pair.UpdatedAt) = (Edit.Goals!.Trim(), Edit.StartDate, Edit.EndDate, time.GetUtcNow());
        db.Audit("mentorship.changed", $"mentorship:{id}", pairs.UserId, pair.PoolId);
        await db.SaveChangesAsync(ct);
        TempData[StatusMessage.Key] = text["Ziele und Zeitraum sind gespeichert."].Value;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostMoveAsync(int id, MentorshipStatus to, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var pair = await db.Mentorships.FirstAsync(m => m.Id == id, ct);
        TempData[StatusMessage.Key] = await pairs.MoveAsync(pair, to, ct)
            ? text["Der Status ist geändert."].Value
            : text["Der Status konnte nicht geändert werden: Das Mentoring hat inzwischen einen anderen Stand. Bitte prüfen Sie die Angaben."].Value;
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var pair = await (await pairs.VisibleAsync(ct)).AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
        if (pair is null) return false;
        Pair = pair;
        IsOffice = await pairs.CanManageAsync(pair, ct);
        AdvisorName = await db.Advisors.Where(a => a.Id == pair.AdvisorId).Select(a => a.FirstName + " " + a.LastName).FirstAsync(ct);
        var mentor = await db.Users.Where(u => u.Id == pair.MentorUserId).Select(u => new { u.DisplayName, u.Email }).FirstAsync(ct);
        (MentorName, MentorEmail) = (mentor.DisplayName ?? mentor.Email ?? "", mentor.Email);
        PoolName = await db.Pools.Where(p => p.Id == pair.PoolId).Select(p => p.Name).FirstAsync(ct);
        Meetings = await db.MentoringMeetings.AsNoTracking().Where(m => m.MentorshipId == id).OrderByDescending(m => m.Date).ThenByDescending(m => m.Id)
            .Select(m => new MeetingRow(m.Date, m.Topics, m.NextSteps)).ToListAsync(ct);
        return true;
    }
}
