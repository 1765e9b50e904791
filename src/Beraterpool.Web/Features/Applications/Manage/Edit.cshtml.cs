using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Audit;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Shared;
using Beraterpool.Web.Features.Shared.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Applications.Manage;

/// <summary>Creates or changes a call of a pool the user coordinates, with its criteria and custom questions.</summary>
[Authorize(Roles = Roles.Administrator + "," + Roles.Coordinator)]
public sealed class EditModel(AppDbContext db, TimeProvider time, PoolAccess access, PoolCatalog catalog, IStringLocalizer<EditModel> text) : PageModel
{
    /// <summary>Empty rows offered below the existing ones (no JavaScript needed to add one).</summary>
    public const int SpareRows = 2;

    [BindProperty] public CallInput Input { get; set; } = new();

    public int? CallId { get; private set; }
    /// <summary>Once a reviewer scored, the criteria stay as they are: a changed scale or weight would change every score given.</summary>
    public bool CriteriaFixed { get; private set; }
    public IReadOnlyList<PoolInfo> Pools { get; private set; } = [];
    public CallTexts Texts { get; } = new(text);

    public async Task<IActionResult> OnGetAsync(int? id, int? pool, CancellationToken ct)
    {
        if (id is { } callId)
        {
            var c = await db.Calls.AsNoTracking().Include(x => x.Criteria).Include(x => x.Questions).FirstOrDefaultAsync(x => x.Id == callId, ct);
            if (c is null || !await access.CanManageAsync(c.PoolId, ct)) return NotFound();
            CallId = callId;
            Input = ToInput(c);
            CriteriaFixed = await ScoredAsync(callId, ct);
        }
        else
        {
            Input.PoolId = pool;
            var today = time.LocalToday();
            (Input.OpensDate, Input.ClosesDate, Input.ClosesTime) = (today, today.AddDays(42), new TimeOnly(23, 59));
            Input.Criteria.Add(new CriterionInput { Name = text["Motivation"], Weight = 2 });
            Input.Criteria.Add(new CriterionInput { Name = text["Erfahrung in der Entwicklungspolitik"] });
        }
        Pad();
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Call? c = null;
        if (id is { } callId)
        {
            c = await db.Calls.Include(x => x.Criteria).Include(x => x.Questions).FirstOrDefaultAsync(x => x.Id == callId, ct);
            if (c is null || !await access.CanManageAsync(c.PoolId, ct)) return NotFound();
            CallId = callId;
            Input.PoolId = c.PoolId;
            CriteriaFixed = await ScoredAsync(callId, ct);
            if (CriteriaFixed) Input.Criteria = ToInput(c).Criteria;
        }
        if (!await LoadAsync(ct)) return NotFound();
        var (opens, closes) = Check();
        if (!ModelState.IsValid)
        {
            Pad();
            return Page();
        }

        var now = time.GetUtcNow();
        if (c is null)
        {
            c = new Call { PoolId = Input.PoolId!.Value, Title = "", CreatedAt = now };
            db.Calls.Add(c);
        }
        c.Title = Input.Title!.Trim();
        (c.Text, c.Eligibility) = (Markdown(Input.Text), Clean(Input.Eligibility));
        (c.OpensAt, c.ClosesAt, c.BlindReview, c.OthersScoresAfterOwn) = (opens!.Value, closes!.Value, Input.BlindReview, Input.OthersScoresAfterOwn);
        c.UpdatedAt = now;
        var criteria = Input.Criteria.Where(x => Clean(x.Name) is not null).ToList();
        if (!CriteriaFixed) Resize(c.Criteria, criteria.Count, () => new CallCriterion { Name = "" });
        for (var i = 0; i < criteria.Count && !CriteriaFixed; i++)
            (c.Criteria[i].Position, c.Criteria[i].Name, c.Criteria[i].Weight, c.Criteria[i].ScaleMax, c.Criteria[i].IsRequired) =
                (i + 1, Clean(criteria[i].Name)!, criteria[i].Weight, criteria[i].ScaleMax, criteria[i].IsRequired);
        var questions = Input.Questions.Where(x => Clean(x.Prompt) is not null).ToList();
        Resize(c.Questions, questions.Count, () => new CallQuestion { Prompt = "" });
        for (var i = 0; i < questions.Count; i++)
            (c.Questions[i].Position, c.Questions[i].Prompt, c.Questions[i].Kind, c.Questions[i].Options, c.Questions[i].IsRequired) =
                (i + 1, Clean(questions[i].Prompt)!, questions[i].Kind, Options(questions[i]), questions[i].IsRequired);
        await db.SaveChangesAsync(ct);
        db.Audit(CallId is null ? "call.created" : "call.updated", $"call:{c.Id}", access.UserId, c.PoolId, c.Title);
        await db.SaveChangesAsync(ct);
        TempData[StatusMessage.Key] = text["Die Ausschreibung „{0}“ ist gespeichert.", c.Title].Value;
        return RedirectToPage("/Applications/Manage/Index");
    }

    /// <summary>The rules the attributes cannot say; returns the instants when the dates are valid.</summary>
    private (DateTimeOffset? Opens, DateTimeOffset? Closes) Check()
    {
        if (Input.PoolId is not { } poolId || Pools.All(p => p.Id != poolId))
            ModelState.AddModelError("Input.PoolId", text["Bitte wählen Sie den Pool."]);
        if (!Input.Criteria.Any(x => Clean(x.Name) is not null))
            ModelState.AddModelError("Input.Criteria", text["Bitte geben Sie mindestens ein Bewertungskriterium an."]);
        for (var i = 0; i < Input.Questions.Count; i++)
        {
            var q = Input.Questions[i];
            if (!Enum.IsDefined(q.Kind)) ModelState.AddModelError($"Input.Questions[{i}].Kind", text["Bitte wählen Sie die Art der Frage."]);
            else if (Clean(q.Prompt) is not null && q.Kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice && Options(q) is null)
                ModelState.AddModelError($"Input.Questions[{i}].Options", text["Bitte geben Sie die Auswahlmöglichkeiten an, eine je Zeile."]);
        }
        if (Input is not { OpensDate: { } openDate, ClosesDate: { } closeDate, ClosesTime: { } closeTime }) return (null, null);
        var opens = ProgrammeTime.FromLocal(openDate, TimeOnly.MinValue);
        var closes = ProgrammeTime.FromLocal(closeDate, closeTime);
        if (closes is null) ModelState.AddModelError("Input.ClosesTime", text["Diese Uhrzeit gibt es an dem Tag nicht (Umstellung auf Sommerzeit). Bitte wählen Sie eine andere."]);
        if (opens is not null && closes is not null && closes <= opens)
            ModelState.AddModelError("Input.ClosesDate", text["Der Bewerbungsschluss muss nach dem Beginn liegen."]);
        return (opens, closes);
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var managed = await access.ManagedPoolIdsAsync(ct);
        Pools = (await catalog.AllAsync(ct)).Where(p => managed.Contains(p.Id)).ToList();
        if (Pools.Count == 0) return false;
        Input.PoolId ??= Pools[0].Id;
        return true;
    }

    private Task<bool> ScoredAsync(int callId, CancellationToken ct) =>
        db.ReviewScores.AnyAsync(s => db.CallCriteria.Any(c => c.Id == s.CriterionId && c.CallId == callId), ct);

    private void Pad()
    {
        for (var i = 0; i < SpareRows; i++)
        {
            if (!CriteriaFixed) Input.Criteria.Add(new CriterionInput { Name = null });
            Input.Questions.Add(new QuestionInput());
        }
    }

    private static void Resize<T>(List<T> list, int count, Func<T> create)
    {
        if (list.Count > count) list.RemoveRange(count, list.Count - count);
        while (list.Count < count) list.Add(create());
    }

    private static CallInput ToInput(Call c)
    {
        var closes = ProgrammeTime.ToLocal(c.ClosesAt);
        return new CallInput
        {
            PoolId = c.PoolId, Title = c.Title, Text = c.Text, Eligibility = c.Eligibility, BlindReview = c.BlindReview, OthersScoresAfterOwn = c.OthersScoresAfterOwn,
            OpensDate = ProgrammeTime.LocalDate(c.OpensAt), ClosesDate = DateOnly.FromDateTime(closes.DateTime), ClosesTime = TimeOnly.FromDateTime(closes.DateTime),
            Criteria = c.Criteria.OrderBy(x => x.Position).Select(x => new CriterionInput { Name = x.Name, Weight = x.Weight, ScaleMax = x.ScaleMax, IsRequired = x.IsRequired }).ToList(),
            Questions = c.Questions.OrderBy(x => x.Position).Select(x => new QuestionInput { Prompt = x.Prompt, Kind = x.Kind, Options = x.Options, IsRequired = x.IsRequired }).ToList(),
        };
    }

    private static string? Options(QuestionInput q) => q.Kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice
        ? Clean(string.Join('\n', (q.Options ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        : null;

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
    private static string? Markdown(string? s) => Clean(s)?.ReplaceLineEndings("\n");
}
