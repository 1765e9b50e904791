using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Audit;
using Beraterpool.Web.Features.Shared.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Privacy.Retention;

/// <summary>An administrator sets one kind's period: never below the legal minimum, audited with the change.</summary>
[Authorize(Roles = Roles.Administrator)]
public sealed class EditModel(AppDbContext db, RetentionRules rules, IStringLocalizer<EditModel> text) : PageModel
{
    [FromQuery(Name = "kind")] public string? KindKey { get; set; }
    public RetentionKind Kind { get; private set; } = null!;
    public int Current { get; private set; }

    [BindProperty] public EditInput Input { get; set; } = new();

    public sealed class EditInput
    {
        [Required(ErrorMessage = "Bitte geben Sie die Frist als ganze Zahl an.")]
        public int? Value { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        Input.Value = Current;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (Input.Value is { } v)
        {
            var years = Kind.Unit == RetentionUnit.YearsAfterYearEnd;
            if (v < Kind.Minimum)
                ModelState.AddModelError("Input.Value", years
                    ? text["Die Frist muss mindestens {0} Jahre betragen: {1}", Kind.Minimum, text[Kind.LegalBasis]]
                    : text["Die Frist muss mindestens {0} Monate betragen: {1}", Kind.Minimum, text[Kind.LegalBasis]]);
            else if (v > Kind.Maximum)
                ModelState.AddModelError("Input.Value", years
                    ? text["Die Frist darf höchstens {0} Jahre betragen.", Kind.Maximum]
                    : text["Die Frist darf höchstens {0} Monate betragen.", Kind.Maximum]);
            else if (v == Current)
                ModelState.AddModelError("Input.Value", text["Die Frist ist schon so eingestellt."]);
        }
        if (!ModelState.IsValid) return Page();

        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var rule = await db.Set<RetentionRule>().FirstOrDefaultAsync(r => r.Kind == Kind.Key, ct);
        if (rule is null) db.Add(rule = new RetentionRule { Kind = Kind.Key });
        rule.Value = Input.Value!.Value;
        rule.ChangedAt = db.Time().GetUtcNow();
        rule.ChangedByUserId = userId;
        db.Audit("retention.rule.changed", "retention:" + Kind.Key, userId,
            details: $"{Current} → {rule.Value} {(Kind.Unit == RetentionUnit.Months ? "Monate" : "Jahre nach Jahresende")}");
        await db.SaveChangesAsync(ct);

        TempData[StatusMessage.Key] = text["Die Frist für „{0}“ ist geändert.", text[Kind.Name]].Value;
        return RedirectToPage("/Privacy/Retention/Index");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (RetentionKinds.Find(KindKey) is not { } kind) return false;
        Kind = kind;
        Current = (await rules.CurrentAsync(ct))[kind.Key];
        return true;
    }
}
