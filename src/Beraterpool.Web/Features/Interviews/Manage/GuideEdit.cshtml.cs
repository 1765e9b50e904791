using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Shared.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Interviews.Manage;

/// <summary>Creates or changes a guide; a guide that has interviews is saved as a new version. Empty rows wait for further questions.</summary>
[Authorize(Roles = Roles.Administrator + "," + Roles.Coordinator)]
public sealed class GuideEditModel(AppDbContext db, PoolAccess access, PoolCatalog catalog, InterviewGuides guides, IStringLocalizer<GuideEditModel> text) : PageModel
{
    public const int EmptyRows = 3;

    [BindProperty] public GuideInput Input { get; set; } = new();
    public int? GuideId { get; private set; }
    public bool WillVersion { get; private set; }
    public IReadOnlyList<PoolInfo> Pools { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, int? pool, CancellationToken ct)
    {
        if (id is { } guideId)
        {
            var g = await db.InterviewGuides.AsNoTracking().Include(x => x.Questions).FirstOrDefaultAsync(x => x.Id == guideId, ct);
            if (g is null || !await access.CanManageAsync(g.PoolId, ct)) return NotFound();
            if (g.SupersededById is { } newer) return RedirectToPage(new { id = newer });
            GuideId = guideId;
            Input = new GuideInput
            {
                PoolId = g.PoolId, Title = g.Title, Description = g.Description,
                Questions = g.Questions.OrderBy(q => q.Position).Select(q => new QuestionInput
                {
                    Text = q.Text, Kind = q.Kind, Help = q.Help, Options = q.Options, Position = q.Position,
                }).ToList(),
            };
            WillVersion = await db.Interviews.AnyAsync(i => i.GuideId == guideId, ct);
        }
        else Input.PoolId = pool;
        if (!await LoadAsync(ct)) return NotFound();
        Pad();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, string? more, CancellationToken ct)
    {
        InterviewGuide? g = null;
        if (id is { } guideId)
        {
            g = await db.InterviewGuides.Include(x => x.Questions).FirstOrDefaultAsync(x => x.Id == guideId, ct);
            if (g is null || !await access.CanManageAsync(g.PoolId, ct)) return NotFound();
            if (g.SupersededById is not null) return RedirectToPage(new { id = g.SupersededById });
            GuideId = guideId;
            Input.PoolId = g.PoolId;
            WillVersion = await db.Interviews.AnyAsync(i => i.GuideId == guideId, ct);
        }
        if (!await LoadAsync(ct)) return NotFound();
        if (more is not null)
        {
            ModelState.Clear();
            Input.Questions.Add(new QuestionInput());
            return Page();
        }
        var questions = Check();
        if (!ModelState.IsValid) { Pad(); return Page(); }
        g = await guides.SaveAsync(g, Input.PoolId!.Value, Input.Title!.Trim(), Clean(Input.Description), questions, access.UserId, ct);
        TempData[StatusMessage.Key] = text["Der Leitfaden „{0}“ ist gespeichert (Version {1}).", g.Title, g.Version].Value;
        return RedirectToPage("/Interviews/Manage/Guide", new { id = g.Id });
    }

    private List<QuestionDraft> Check()
    {
        if (Input.PoolId is not { } poolId || Pools.All(p => p.Id != poolId))
            ModelState.AddModelError("Input.PoolId", text["Bitte wählen Sie den Pool."]);
        var rows = Input.Questions.Select((q, i) => (q, i)).Where(x => !string.IsNullOrWhiteSpace(x.q.Text)).ToList();
        if (rows.Count == 0) ModelState.AddModelError("Input.Questions[0].Text", text["Bitte geben Sie mindestens eine Frage an."]);
        foreach (var (q, i) in rows)
        {
            if (!Enum.IsDefined(q.Kind)) ModelState.AddModelError($"Input.Questions[{i}].Kind", text["Bitte wählen Sie die Art der Frage."]);
            if (q.Kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice && InterviewQuestion.SplitOptions(q.Options).Count < 2)
                ModelState.AddModelError($"Input.Questions[{i}].Options", text["Bitte geben Sie mindestens zwei Antwortmöglichkeiten an, eine je Zeile."]);
        }
        // Ordered by the number given (rows without one keep their place after the numbered ones of the same rank).
        return rows.OrderBy(x => x.q.Position ?? x.i + 1).ThenBy(x => x.i)
            .Select(x => new QuestionDraft(x.q.Kind, x.q.Text!.Trim(), Clean(x.q.Help), x.q.Options?.ReplaceLineEndings("\n"))).ToList();
    }

    private void Pad()
    {
        for (var i = 0; i < EmptyRows; i++) Input.Questions.Add(new QuestionInput());
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var managed = await access.ManagedPoolIdsAsync(ct);
        Pools = (await catalog.AllAsync(ct)).Where(p => managed.Contains(p.Id)).ToList();
        if (Pools.Count == 0) return false;
        Input.PoolId ??= Pools[0].Id;
        return true;
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
