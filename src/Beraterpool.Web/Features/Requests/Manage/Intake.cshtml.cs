using Beraterpool.Web.Features.Shared;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
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

namespace Beraterpool.Web.Features.Requests.Manage;

/// <summary>"Before every engagement stands the conversation": the coordinator records an intake conversation.</summary>
[Authorize(Roles = Roles.Administrator + "," + Roles.Coordinator)]
public sealed class IntakeModel(TimeProvider time, AppDbContext db, PoolAccess access, ConsultationRequests requests, IStringLocalizer<IntakeModel> text) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Bitte geben Sie das Datum des Gesprächs an.")]
        public DateOnly? Date { get; set; }

        [Required(ErrorMessage = "Bitte nennen Sie die Beteiligten.")]
        [StringLength(500, ErrorMessage = "Die Beteiligten dürfen höchstens 500 Zeichen lang sein.")]
        public string? Participants { get; set; }

        [Required(ErrorMessage = "Bitte beschreiben Sie das geklärte Ziel.")]
        [StringLength(2000, ErrorMessage = "Das Ziel darf höchstens 2000 Zeichen lang sein.")]
        public string? ClarifiedGoal { get; set; }

        [Required(ErrorMessage = "Bitte beschreiben Sie den geklärten Bedarf.")]
        [StringLength(2000, ErrorMessage = "Der Bedarf darf höchstens 2000 Zeichen lang sein.")]
        public string? ClarifiedNeed { get; set; }

        public List<int> TopicIds { get; set; } = [];

        [Required(ErrorMessage = "Bitte geben Sie die erwarteten Beratungstage an, z. B. 3,5.")]
        public string? ExpectedDays { get; set; }

        [Required(ErrorMessage = "Bitte beschreiben Sie das Ergebnis des Gesprächs.")]
        [StringLength(2000, ErrorMessage = "Das Ergebnis darf höchstens 2000 Zeichen lang sein.")]
        public string? Outcome { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public string Reference { get; private set; } = "";
    public int RequestId { get; private set; }
    public IReadOnlyList<Topic> Topics { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var request = await FindAsync(id, ct);
        if (request is null) return NotFound();
        // Prefilled from the last conversation, else from the municipality's own words.
        var last = await db.IntakeConversations.AsNoTracking().Where(i => i.RequestId == id).OrderByDescending(i => i.Id).FirstOrDefaultAsync(ct);
        Input = new InputModel
        {
            Date = time.LocalToday(),
            Participants = last?.Participants ?? request.ContactName,
            ClarifiedGoal = last?.ClarifiedGoal ?? request.Goal,
            ClarifiedNeed = last?.ClarifiedNeed ?? request.Need,
            TopicIds = last?.AgreedTopicIds ?? await db.RequestTopics.Where(t => t.RequestId == id).Select(t => t.TopicId).ToListAsync(ct),
            ExpectedDays = last is null ? null : RequestTexts.Days(last.ExpectedHalfDays),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var request = await FindAsync(id, ct);
        if (request is null) return NotFound();
        var halfDays = ParseHalfDays(Input.ExpectedDays);
        if (Input.ExpectedDays is not null && halfDays is null)
            ModelState.AddModelError("Input.ExpectedDays", text["Bitte geben Sie die Tage in halben Schritten an, z. B. 2 oder 3,5 (höchstens 50)."]);
        if (Input.Date is { } date && date > time.LocalToday())
            ModelState.AddModelError("Input.Date", text["Das Gespräch kann nicht in der Zukunft liegen."]);
        if (Input.TopicIds.Any(t => Topics.All(x => x.Id != t)))
            ModelState.AddModelError("Input.TopicIds", text["Bitte wählen Sie Themenfelder aus der Liste."]);
        if (!ModelState.IsValid) return Page();

        var intake = new IntakeConversation
        {
            RequestId = id, Date = Input.Date!.Value, Participants = Input.Participants!.Trim(), ClarifiedGoal = Input.ClarifiedGoal!.Trim(),
            ClarifiedNeed = Input.ClarifiedNeed!.Trim(), AgreedTopicIds = Input.TopicIds.Distinct().ToList(), ExpectedHalfDays = halfDays!.Value,
            Outcome = Input.Outcome!.Trim(), RecordedByUserId = access.UserId, RecordedAt = time.GetUtcNow(),
        };
        db.IntakeConversations.Add(intake);
        await db.SaveChangesAsync(ct);
        db.Audit("request.intake.recorded", $"request:{id}", access.UserId, request.PoolId, $"intake:{intake.Id}; {intake.Date:yyyy-MM-dd}; {intake.ExpectedHalfDays} half days");
        await db.SaveChangesAsync(ct);
        // Recording the conversation means the intake has begun.
        if (request.Status is RequestStatus.Submitted or RequestStatus.NeedsInformation)
            await requests.MoveAsync(request, RequestStatus.Intake, access.UserId, await requests.ActorNameAsync(access.UserId, ct), text["Erstgespräch erfasst."], ct);

        TempData[StatusMessage.Key] = text["Das Erstgespräch vom {0} ist gespeichert.", intake.Date.ToString("dd.MM.yyyy", CultureInfo.GetCultureInfo("de-DE"))].Value;
        return RedirectToPage("/Requests/Manage/Details", new { id });
    }

    /// <summary>"3,5" or "3.5" → 7 half days; whole or half days from 0,5 to 50.</summary>
    public static int? ParseHalfDays(string? value)
    {
        var s = value?.Trim().Replace(',', '.');
        if (string.IsNullOrEmpty(s) || !decimal.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var days)) return null;
        var half = days * 2;
        if (half != decimal.Truncate(half) || half < 1 || half > 100) return null;
        return (int)half;
    }

    private async Task<ConsultationRequest?> FindAsync(int id, CancellationToken ct)
    {
        var request = await db.ConsultationRequests.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (request is null || !await access.CanManageAsync(request.PoolId, ct)) return null;
        Reference = request.Reference;
        RequestId = id;
        Topics = await db.Topics.AsNoTracking().Where(t => t.PoolId == request.PoolId).OrderBy(t => t.SortOrder).ThenBy(t => t.NameDe).ToListAsync(ct);
        return request;
    }
}
