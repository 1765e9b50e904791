using Beraterpool.Web.Features.Shared;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json;
using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Audit;
using Beraterpool.Web.Features.Engagements.Revisions;
using Beraterpool.Web.Features.Quota;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Shared.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Requests.Manage;

/// <summary>
/// "Before every engagement stands the conversation": the coordinator records an intake conversation, and its author
/// corrects it later (/intake/{intakeId}) instead of recording a second card; the replaced version is kept as a revision.
/// Expected days above what the municipality has left this year need an explicit confirmation.
/// </summary>
[Authorize(Roles = Roles.Administrator + "," + Roles.Coordinator)]
public sealed class IntakeModel(TimeProvider time, AppDbContext db, PoolAccess access, ConsultationRequests requests, DayBalances balances,
    RevisionLog revisions, DayFormat days, IStringLocalizer<IntakeModel> text) : PageModel
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

        /// <summary>The coordinator knowingly expects more days than the municipality has left this year.</summary>
        public bool AboveQuotaConfirmed { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public string Reference { get; private set; } = "";
    public int RequestId { get; private set; }
    public IReadOnlyList<Topic> Topics { get; private set; } = [];
    public DayBalance Balance { get; private set; } = null!;
    /// <summary>Set when a correction is edited; null when a new conversation is recorded.</summary>
    public int? IntakeId { get; private set; }
    public bool AskAboveQuota { get; private set; }
    public string Days(int halfDays) => days.Text(halfDays);

    public async Task<IActionResult> OnGetAsync(int id, int? intakeId, CancellationToken ct)
    {
        var request = await FindAsync(id, ct);
        if (request is null) return NotFound();
        if (intakeId is not null)
        {
            if (await OwnIntakeAsync(id, intakeId.Value, ct) is not { } own) return NotFound();
            IntakeId = own.Id;
            Input = new InputModel
            {
                Date = own.Date, Participants = own.Participants, ClarifiedGoal = own.ClarifiedGoal, ClarifiedNeed = own.ClarifiedNeed,
                TopicIds = own.AgreedTopicIds, ExpectedDays = RequestTexts.Days(own.ExpectedHalfDays), Outcome = own.Outcome,
            };
            return Page();
        }
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

    public async Task<IActionResult> OnPostAsync(int id, int? intakeId, CancellationToken ct)
    {
        var request = await FindAsync(id, ct);
        if (request is null) return NotFound();
        IntakeConversation? own = null;
        if (intakeId is not null && (own = await OwnIntakeAsync(id, intakeId.Value, ct)) is null) return NotFound();
        IntakeId = own?.Id;
        var halfDays = ParseHalfDays(Input.ExpectedDays);
        if (Input.ExpectedDays is not null && halfDays is null)
            ModelState.AddModelError("Input.ExpectedDays", text["Bitte geben Sie die Tage in halben Schritten an, z. B. 2 oder 3,5 (höchstens 50)."]);
        if (Input.Date is { } date && date > time.LocalToday())
            ModelState.AddModelError("Input.Date", text["Das Gespräch kann nicht in der Zukunft liegen."]);
        if (Input.TopicIds.Any(t => Topics.All(x => x.Id != t)))
            ModelState.AddModelError("Input.TopicIds", text["Bitte wählen Sie Themenfelder aus der Liste."]);
        if (halfDays > Balance.RemainingHalfDays && !Input.AboveQuotaConfirmed)
        {
            AskAboveQuota = true;
            ModelState.AddModelError("Input.ExpectedDays", text["Erwartet sind {0}, die Kommune hat {1} aber nur noch {2}. Verringern Sie die Tage oder bestätigen Sie unten, dass mehr erwartet wird.",
                days.Text(halfDays!.Value), Balance.Year, days.Text(Balance.RemainingHalfDays)]);
        }
        if (!ModelState.IsValid) return Page();

        if (own is not null) return await CorrectAsync(request, own, halfDays!.Value, ct);
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

    private async Task<IActionResult> CorrectAsync(ConsultationRequest request, IntakeConversation own, int halfDays, CancellationToken ct)
    {
        var before = new IntakeSnapshot(own.Date, own.Participants, own.ClarifiedGoal, own.ClarifiedNeed, own.AgreedTopicIds, own.ExpectedHalfDays, own.Outcome);
        var after = new IntakeSnapshot(Input.Date!.Value, Input.Participants!.Trim(), Input.ClarifiedGoal!.Trim(), Input.ClarifiedNeed!.Trim(),
            Input.TopicIds.Distinct().ToList(), halfDays, Input.Outcome!.Trim());
        if (!Same(before, after))
        {
            var now = time.GetUtcNow();
            var author = await requests.ActorNameAsync(access.UserId, ct);
            revisions.Keep(RevisionKind.Intake, own.Id, JsonSerializer.Serialize(before), author,
                await revisions.CurrentSinceAsync(RevisionKind.Intake, own.Id, own.RecordedAt, ct), access.UserId, now);
            (own.Date, own.Participants, own.ClarifiedGoal, own.ClarifiedNeed, own.AgreedTopicIds, own.ExpectedHalfDays, own.Outcome) =
                (after.Date, after.Participants, after.ClarifiedGoal, after.ClarifiedNeed, after.TopicIds, after.ExpectedHalfDays, after.Outcome);
            db.Audit("request.intake.corrected", $"request:{request.Id}", access.UserId, request.PoolId, $"intake:{own.Id}; {own.Date:yyyy-MM-dd}; {own.ExpectedHalfDays} half days");
            await db.SaveChangesAsync(ct);
        }
        TempData[StatusMessage.Key] = text["Das Erstgespräch vom {0} ist korrigiert.", own.Date.ToString("dd.MM.yyyy", CultureInfo.GetCultureInfo("de-DE"))].Value;
        return RedirectToPage("/Requests/Manage/Details", new { id = request.Id });
    }

    private static bool Same(IntakeSnapshot a, IntakeSnapshot b) =>
        a with { TopicIds = [] } == b with { TopicIds = [] } && a.TopicIds.Order().SequenceEqual(b.TopicIds.Order());

    /// <summary>Only its author corrects an intake; anyone else's answers like one that does not exist.</summary>
    private Task<IntakeConversation?> OwnIntakeAsync(int requestId, int intakeId, CancellationToken ct) =>
        db.IntakeConversations.FirstOrDefaultAsync(i => i.Id == intakeId && i.RequestId == requestId && i.RecordedByUserId == access.UserId, ct);

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
        Balance = await balances.ForAsync(request.PoolId, request.MunicipalityKey, time.LocalToday().Year, ct);
        return request;
    }
}
