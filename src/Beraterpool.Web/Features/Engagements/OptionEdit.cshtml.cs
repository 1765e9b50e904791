using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Audit;
using Beraterpool.Web.Features.Shared.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Engagements;

/// <summary>
/// Changes one action option (title, description, who carries it out, due date, status). Both sides of the dialogue —
/// the advisors and the municipality contact — may; a coordinator reads only. Outsiders get 404.
/// </summary>
public sealed class OptionEditModel(TimeProvider time, AppDbContext db, EngagementAccess access, IStringLocalizer<OptionEditModel> text) : PageModel
{
    public EngagementViewer Viewer { get; private set; } = null!;
    public string Municipality { get; private set; } = "";
    public string CurrentTitle { get; private set; } = "";
    public RecordModel.OptionInput Option { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, int optionId, CancellationToken ct)
    {
        var (o, refusal) = await LoadAsync(id, optionId, ct);
        if (o is null) return StatusCode(refusal);
        Option = new RecordModel.OptionInput { Title = o.Title, Description = o.Description, CarriedOutBy = o.CarriedOutBy, Status = o.Status, DueDate = o.DueDate };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int optionId, CancellationToken ct)
    {
        var (option, refusal) = await LoadAsync(id, optionId, ct);
        if (option is null) return StatusCode(refusal);
        await TryUpdateModelAsync(Option, nameof(Option));
        if (!Enum.IsDefined(Option.Status)) ModelState.AddModelError("Option.Status", text["Bitte wählen Sie einen Stand aus der Liste."]);
        if (Option.Title is { } t && string.IsNullOrWhiteSpace(t)) ModelState.AddModelError("Option.Title", text["Bitte geben Sie einen Titel an."]);
        if (!ModelState.IsValid) return Page();

        var changes = new List<string>();
        void Set<T>(string field, T before, T after, Action<T> apply)
        {
            if (EqualityComparer<T>.Default.Equals(before, after)) return;
            changes.Add($"{field}: {before} → {after}");
            apply(after);
        }
        Set("title", option.Title, Option.Title!.Trim(), v => option.Title = v);
        // The description is not copied into the audit trail (it may be long); that it changed is recorded.
        if (option.Description != Clean(Option.Description))
        {
            changes.Add("description changed");
            option.Description = Clean(Option.Description);
        }
        Set("carriedOutBy", option.CarriedOutBy, Clean(Option.CarriedOutBy), v => option.CarriedOutBy = v);
        Set("status", option.Status, Option.Status, v => option.Status = v);
        Set("due", option.DueDate, Option.DueDate, v => option.DueDate = v);
        if (changes.Count > 0)
        {
            option.UpdatedAt = time.GetUtcNow();
            db.Audit("engagement.option.changed", $"engagement:{id}", Viewer.UserId, Viewer.PoolId, $"option:{option.Id}; {string.Join("; ", changes)}");
            await db.SaveChangesAsync(ct);
        }
        TempData[StatusMessage.Key] = text["Die Handlungsoption „{0}“ ist gespeichert.", option.Title].Value;
        return RedirectToPage("/Engagements/Record", null, new { id }, "options");
    }

    /// <summary>The option, or null with 404 (not theirs) or 403 (involved, but not a side of the dialogue, or closed).</summary>
    private async Task<(ActionOption? Option, int Refusal)> LoadAsync(int id, int optionId, CancellationToken ct)
    {
        if (await access.ForAsync(id, ct) is not { } viewer) return (null, StatusCodes.Status404NotFound);
        Viewer = viewer;
        var option = await db.ActionOptions.SingleOrDefaultAsync(o => o.Id == optionId && o.EngagementId == id, ct);
        if (option is null) return (null, StatusCodes.Status404NotFound);
        if (!viewer.IsOpen || !(viewer.IsAdvisor || viewer.IsMunicipalityContact)) return (null, StatusCodes.Status403Forbidden);
        Municipality = await db.Municipalities.Where(m => m.OfficialKey == viewer.MunicipalityKey).Select(m => m.ShortName).SingleAsync(ct);
        CurrentTitle = option.Title;
        return (option, 0);
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
