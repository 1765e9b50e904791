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

namespace Beraterpool.Web.Features.Events.Manage;

/// <summary>
/// The event's own registration questions, edited in one form (empty rows wait for further questions). A question keeps
/// its id while it is reworded, so its answers stay linked; answers always keep the wording the person saw, so a
/// question may also be removed after people answered it — its answers stay with their registrations.
/// </summary>
[Authorize(Roles = Roles.Administrator + "," + Roles.Coordinator)]
public sealed class QuestionsModel(AppDbContext db, PoolAccess access, IStringLocalizer<QuestionsModel> text) : PageModel
{
    public const int EmptyRows = 2;
    private HashSet<int> ownIds = [];

    [BindProperty] public List<QuestionInput> Questions { get; set; } = [];

    public Event Event { get; private set; } = null!;
    public int Answered { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Questions = await db.EventQuestions.AsNoTracking().Where(q => q.EventId == id).OrderBy(q => q.Position).ThenBy(q => q.Id)
            .Select(q => new QuestionInput { Id = q.Id, Text = q.Text, Kind = q.Kind, Help = q.Help, Options = q.Options, IsRequired = q.IsRequired, Position = q.Position })
            .ToListAsync(ct);
        Pad();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, string? more, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (more is not null)
        {
            ModelState.Clear();
            Questions.Add(new QuestionInput());
            return Page();
        }
        var rows = Check();
        if (!ModelState.IsValid) { Pad(); return Page(); }

        var stored = await db.EventQuestions.Where(q => q.EventId == id).ToListAsync(ct);
        var kept = rows.Where(r => r.Id is not null).Select(r => r.Id!.Value).ToHashSet();
        var removed = stored.Where(q => !kept.Contains(q.Id)).ToList();
        db.EventQuestions.RemoveRange(removed);
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            var q = stored.FirstOrDefault(s => s.Id == r.Id);
            if (q is null) db.EventQuestions.Add(q = new EventQuestion { EventId = id, Text = "" });
            (q.Position, q.Kind, q.Text, q.Help, q.IsRequired) = (i + 1, r.Kind, r.Text!.Trim(), Clean(r.Help), r.IsRequired);
            q.Options = r.Kind is EventQuestionKind.SingleChoice or EventQuestionKind.MultipleChoice
                ? string.Join(EventQuestion.OptionSeparator, EventQuestion.SplitOptions(r.Options)) : null;
        }
        db.Audit("event.questions.saved", $"event:{id}", access.UserId, Event.PoolId, $"{rows.Count} questions; removed {removed.Count}");
        await db.SaveChangesAsync(ct);
        TempData[StatusMessage.Key] = text["Die Fragen zur Anmeldung sind gespeichert."].Value;
        return RedirectToPage(new { id });
    }

    /// <summary>The rows to keep, in the order the numbers give; messages at the fields.</summary>
    private List<QuestionInput> Check()
    {
        var rows = Questions.Select((q, i) => (q, i)).Where(x => !string.IsNullOrWhiteSpace(x.q.Text)).ToList();
        if (rows.Count > EventQuestion.MaxQuestions)
            ModelState.AddModelError($"Questions[{rows[EventQuestion.MaxQuestions].i}].Text", text["Höchstens {0} Fragen je Veranstaltung.", EventQuestion.MaxQuestions]);
        foreach (var (q, i) in rows)
        {
            if (!Enum.IsDefined(q.Kind)) ModelState.AddModelError($"Questions[{i}].Kind", text["Bitte wählen Sie die Art der Frage."]);
            if (q.Kind is EventQuestionKind.SingleChoice or EventQuestionKind.MultipleChoice && EventQuestion.SplitOptions(q.Options).Count < 2)
                ModelState.AddModelError($"Questions[{i}].Options", text["Bitte geben Sie mindestens zwei Antwortmöglichkeiten an, eine je Zeile."]);
        }
        // A row that names a question of another event edits nothing: it becomes a new question.
        foreach (var (q, _) in rows.Where(x => x.q.Id is { } qid && !ownIds.Contains(qid))) q.Id = null;
        return rows.OrderBy(x => x.q.Position ?? x.i + 1).ThenBy(x => x.i).Select(x => x.q).ToList();
    }

    private void Pad()
    {
        for (var i = 0; i < EmptyRows; i++) Questions.Add(new QuestionInput());
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var e = await db.Events.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null || !await access.CanManageAsync(e.PoolId, ct)) return false;
        Event = e;
        ownIds = (await db.EventQuestions.Where(q => q.EventId == id).Select(q => q.Id).ToListAsync(ct)).ToHashSet();
        Answered = await db.EventAnswers.Where(a => db.EventRegistrations.Any(r => r.Id == a.RegistrationId && r.EventId == id))
            .Select(a => a.RegistrationId).Distinct().CountAsync(ct);
        return true;
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
