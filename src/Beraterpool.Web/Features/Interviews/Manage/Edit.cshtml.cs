using System.Globalization;
using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Advisors;
using Beraterpool.Web.Features.Audit;
using Beraterpool.Web.Features.Events.Manage;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Shared.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Interviews.Manage;

/// <summary>
/// Records an interview along its guide version: saved as a draft with whatever is there, or finished — then the
/// municipality, date and every answer are required. A finished interview can still be corrected.
/// </summary>
[Authorize(Roles = Roles.Administrator + "," + Roles.Coordinator)]
public sealed class EditModel(AppDbContext db, TimeProvider time, PoolAccess access, IStringLocalizer<EditModel> text) : PageModel
{
    [BindProperty] public InterviewInput Input { get; set; } = new();
    public int? InterviewId { get; private set; }
    public bool IsFinished { get; private set; }
    public InterviewGuide Guide { get; private set; } = null!;
    public IReadOnlyList<Choice> MunicipalityChoices { get; private set; } = [];
    public IReadOnlyList<Choice> InterviewerChoices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, int? guide, CancellationToken ct)
    {
        if (id is { } interviewId)
        {
            var i = await db.Interviews.AsNoTracking().Include(x => x.Answers).Include(x => x.Interviewers).FirstOrDefaultAsync(x => x.Id == interviewId, ct);
            if (i is null || !await access.CanManageAsync(i.PoolId, ct) || !await LoadAsync(i.GuideId, ct)) return NotFound();
            (InterviewId, IsFinished) = (interviewId, i.FinishedAt is not null);
            Input = new InterviewInput
            {
                MunicipalityKey = i.MunicipalityKey, HeldOn = i.HeldOn, IntervieweeFunction = i.IntervieweeFunction, Notes = i.Notes,
                Interviewers = i.Interviewers.Select(x => x.AdvisorId is { } a ? "a" + a.ToString(CultureInfo.InvariantCulture) : "u" + x.UserId).ToList(),
                Answers = Guide.Questions.Select(q => ToInput(q, i.Answers.FirstOrDefault(a => a.QuestionId == q.Id)?.Value)).ToList(),
            };
        }
        else
        {
            if (guide is not { } guideId || !await LoadAsync(guideId, ct)) return NotFound();
            if (Guide.SupersededById is { } newer) return RedirectToPage(new { guide = newer });
            Input.Answers = Guide.Questions.Select(q => ToInput(q, null)).ToList();
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, int? guide, string? finish, CancellationToken ct)
    {
        Interview? interview = null;
        if (id is { } interviewId)
        {
            interview = await db.Interviews.Include(x => x.Answers).Include(x => x.Interviewers).FirstOrDefaultAsync(x => x.Id == interviewId, ct);
            if (interview is null || !await access.CanManageAsync(interview.PoolId, ct) || !await LoadAsync(interview.GuideId, ct)) return NotFound();
            (InterviewId, IsFinished) = (interviewId, interview.FinishedAt is not null);
        }
        else if (guide is not { } guideId || !await LoadAsync(guideId, ct) || Guide.SupersededById is not null) return NotFound();

        var finishing = finish is not null || IsFinished;
        var answers = Check(finishing);
        if (!ModelState.IsValid) return Page();

        var now = time.GetUtcNow();
        if (interview is null)
        {
            interview = new Interview { PoolId = Guide.PoolId, GuideId = Guide.Id, MunicipalityKey = "", CreatedAt = now };
            db.Interviews.Add(interview);
        }
        interview.MunicipalityKey = Input.MunicipalityKey!;
        interview.HeldOn = Input.HeldOn!.Value;
        (interview.IntervieweeFunction, interview.Notes, interview.UpdatedAt) = (Clean(Input.IntervieweeFunction), Clean(Input.Notes), now);
        if (finishing) interview.FinishedAt ??= now;
        interview.Answers.Clear();
        interview.Answers.AddRange(answers.Select(a => new InterviewAnswer { QuestionId = a.Key, Value = a.Value }));
        interview.Interviewers.Clear();
        interview.Interviewers.AddRange(Input.Interviewers.Distinct().Select(v => v[0] == 'a'
            ? new InterviewInterviewer { AdvisorId = int.Parse(v[1..], CultureInfo.InvariantCulture) } : new InterviewInterviewer { UserId = v[1..] }));
        await db.SaveChangesAsync(ct);
        var municipality = MunicipalityChoices.First(c => c.Value == interview.MunicipalityKey).Label;
        db.Audit(InterviewId is null ? "interview.created" : finishing && !IsFinished ? "interview.finished" : "interview.updated",
            $"interview:{interview.Id}", access.UserId, interview.PoolId, municipality);
        await db.SaveChangesAsync(ct);
        TempData[StatusMessage.Key] = (finishing ? text["Das Interview mit {0} ist abgeschlossen.", municipality] : text["Der Entwurf des Interviews mit {0} ist gespeichert.", municipality]).Value;
        return RedirectToPage("/Interviews/Manage/Guide", new { id = Guide.Id });
    }

    /// <summary>The answers to store, by question; a finished interview needs every answer.</summary>
    private Dictionary<int, string> Check(bool finishing)
    {
        if (Input.MunicipalityKey is { } key && MunicipalityChoices.All(c => c.Value != key))
            ModelState.AddModelError("Input.MunicipalityKey", text["Bitte wählen Sie eine Kommune aus der Liste."]);
        if (Input.Interviewers.Any(v => InterviewerChoices.All(c => c.Value != v)))
            ModelState.AddModelError("Input.Interviewers", text["Bitte wählen Sie Interviewende aus der Liste."]);
        if (finishing && Input.Interviewers.Count == 0)
            ModelState.AddModelError("Input.Interviewers", text["Bitte wählen Sie, wer das Interview geführt hat."]);
        var result = new Dictionary<int, string>();
        var byQuestion = Input.Answers.Select((a, i) => (a, i)).Where(x => x.a is not null).GroupBy(x => x.a.QuestionId).ToDictionary(g => g.Key, g => g.First());
        Input.Answers = Guide.Questions.Select(q => byQuestion.TryGetValue(q.Id, out var x) ? x.a : new AnswerInput { QuestionId = q.Id }).ToList();
        for (var i = 0; i < Guide.Questions.Count; i++)
        {
            var (q, a) = (Guide.Questions[i], Input.Answers[i]);
            var field = q.Kind == QuestionKind.MultipleChoice ? $"Input.Answers[{i}].Values" : $"Input.Answers[{i}].Text";
            string? value = q.Kind switch
            {
                QuestionKind.MultipleChoice => a.Values.Count == 0 ? null : string.Join(InterviewQuestion.OptionSeparator, q.OptionList.Where(a.Values.Contains)),
                _ => Clean(a.Text),
            };
            var valid = value is null || q.Kind switch
            {
                QuestionKind.Scale => value is "1" or "2" or "3" or "4" or "5",
                QuestionKind.SingleChoice => q.OptionList.Contains(value),
                QuestionKind.MultipleChoice => a.Values.All(q.OptionList.Contains),
                _ => true,
            };
            if (!valid) ModelState.AddModelError(field, text["Bitte wählen Sie aus den angebotenen Antworten."]);
            else if (value is null && finishing) ModelState.AddModelError(field, text["Bitte beantworten Sie die Frage, oder speichern Sie das Interview als Entwurf."]);
            else if (value is not null) result[q.Id] = value;
        }
        return result;
    }

    private static AnswerInput ToInput(InterviewQuestion q, string? value) => new()
    {
        QuestionId = q.Id,
        Text = q.Kind == QuestionKind.MultipleChoice ? null : value,
        Values = q.Kind == QuestionKind.MultipleChoice ? InterviewQuestion.SplitOptions(value).ToList() : [],
    };

    private async Task<bool> LoadAsync(int guideId, CancellationToken ct)
    {
        var guide = await db.InterviewGuides.AsNoTracking().Include(g => g.Questions).FirstOrDefaultAsync(g => g.Id == guideId, ct);
        if (guide is null || !await access.CanManageAsync(guide.PoolId, ct)) return false;
        guide.Questions = guide.Questions.OrderBy(q => q.Position).ToList();
        Guide = guide;
        var states = await db.Pools.Where(p => p.Id == guide.PoolId).Select(p => p.StateCodes).FirstAsync(ct);
        var stateList = states.ToArray();
        MunicipalityChoices = await db.Municipalities.AsNoTracking().Where(m => stateList.Contains(m.StateCode))
            .OrderBy(m => m.Name).Select(m => new Choice(m.OfficialKey, m.Name)).ToListAsync(ct);
        var advisors = await db.Advisors.AsNoTracking()
            .Where(a => a.PoolId == guide.PoolId && (a.Status == AdvisorStatus.Active || a.Status == AdvisorStatus.InQualification))
            .OrderBy(a => a.LastName).ThenBy(a => a.FirstName).Select(a => new { a.Id, Name = a.FirstName + " " + a.LastName }).ToListAsync(ct);
        var staff = await db.PoolCoordinators.AsNoTracking().Where(c => c.PoolId == guide.PoolId)
            .Join(db.Users, c => c.UserId, u => u.Id, (c, u) => new { u.Id, Name = u.DisplayName ?? u.Email ?? u.Id }).OrderBy(u => u.Name).ToListAsync(ct);
        InterviewerChoices = advisors.Select(a => new Choice("a" + a.Id.ToString(CultureInfo.InvariantCulture), a.Name))
            .Concat(staff.Select(s => new Choice("u" + s.Id, s.Name + " (" + text["Koordinierungsstelle"].Value + ")"))).ToList();
        return true;
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
