using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Audit;
using Beraterpool.Web.Features.Engagements;
using Beraterpool.Web.Features.Engagements.Revisions;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Shared;
using Beraterpool.Web.Features.Shared.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Requests.Manage;

/// <summary>One request for the coordinator: all answers, the timeline, intake conversations, and the next steps.</summary>
[Authorize(Roles = Roles.Administrator + "," + Roles.Coordinator)]
public sealed class DetailsModel(AppDbContext db, PoolAccess access, RequestRecords records, ConsultationRequests requests, RequestMails mails,
    RequestTexts texts, TrackingLinks links, RevisionLog revisions, RequestOffice office, TimeProvider time, IStringLocalizer<DetailsModel> text) : PageModel
{
    public sealed record Intake(int Id, DateOnly Date, string Participants, string ClarifiedGoal, string ClarifiedNeed,
        IReadOnlyList<string> Topics, int ExpectedHalfDays, string Outcome, string RecordedBy, DateTimeOffset RecordedAt,
        bool Mine, IReadOnlyList<RevisionRow> Earlier);

    public static readonly string[] DeclineReasons =
    [
        "Das Anliegen liegt außerhalb des Angebots des Beraterpools.",
        "Die Beratungstage Ihrer Kommune für dieses Jahr sind aufgebraucht.",
        "Zurzeit sind keine passenden Berater*innen verfügbar.",
    ];

    public RequestRecord Record { get; private set; } = null!;
    public IReadOnlyList<Intake> Intakes { get; private set; } = [];
    public IReadOnlyList<RequestStatus> Next { get; private set; } = [];
    public IReadOnlyList<RequestOffice.Coordinator> Coordinators { get; private set; } = [];
    public IReadOnlyList<RequestOffice.Note> Notes { get; private set; } = [];
    public string? ResponsibleUserId { get; private set; }
    public string? CurrentUserId => access.UserId;

    /// <summary>Declining cannot be undone: the coordinator confirms it in the form.</summary>
    [BindProperty] public bool DeclineConfirmed { get; set; }

    [BindProperty]
    [StringLength(InternalNote.MaxLength, ErrorMessage = "Die Notiz darf höchstens 2000 Zeichen lang sein.")]
    public string? NoteBody { get; set; }

    [BindProperty]
    [StringLength(1000, ErrorMessage = "Die Rückfrage darf höchstens 1000 Zeichen lang sein.")]
    public string? Question { get; set; }

    [BindProperty] public string? DeclineReason { get; set; }

    [BindProperty]
    [StringLength(800, ErrorMessage = "Die Begründung darf höchstens 800 Zeichen lang sein.")]
    public string? DeclineNote { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostMoveAsync(int id, RequestStatus to, CancellationToken ct)
    {
        var request = await db.ConsultationRequests.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (request is null || !await access.CanManageAsync(request.PoolId, ct)) return NotFound();

        string? note = null;
        if (to == RequestStatus.NeedsInformation)
        {
            if (string.IsNullOrWhiteSpace(Question)) ModelState.AddModelError(nameof(Question), text["Bitte schreiben Sie, welche Angaben fehlen."]);
            note = Question?.Trim();
        }
        else if (to == RequestStatus.Declined)
        {
            var preset = DeclineReasons.Contains(DeclineReason) ? text[DeclineReason!].Value : null;
            if (preset is null && string.IsNullOrWhiteSpace(DeclineNote))
                ModelState.AddModelError(nameof(DeclineNote), text["Bitte wählen oder schreiben Sie eine Begründung; sie geht an die Kommune."]);
            note = string.Join(" ", new[] { preset, DeclineNote?.Trim() }.Where(s => !string.IsNullOrEmpty(s)));
            if (!DeclineConfirmed)
                ModelState.AddModelError(nameof(DeclineConfirmed), text["Bitte bestätigen Sie, dass Sie die Anfrage endgültig ablehnen möchten."]);
        }
        else if (to == RequestStatus.Completed && request.Status == RequestStatus.InProgress
                 && await db.Engagements.AnyAsync(e => e.RequestId == id && e.Status != EngagementStatus.Closed, ct))
        {
            ModelState.AddModelError("", text["Die Anfrage lässt sich erst abschließen, wenn der Einsatz abgeschlossen ist."]);
        }
        if (!RequestWorkflow.CanMove(request.Status, to))
            ModelState.AddModelError("", text["Dieser Schritt ist im Stand „{0}“ nicht möglich.", texts.Status(request.Status)]);
        if (!ModelState.IsValid)
        {
            await LoadAsync(id, ct);
            return Page();
        }

        var actorName = await requests.ActorNameAsync(access.UserId, ct);
        if (!await requests.MoveAsync(request, to, access.UserId, actorName, note, ct))
        {
            // Someone moved the request a moment ago (another tab, an advisor's acceptance).
            var current = await db.ConsultationRequests.AsNoTracking().Where(r => r.Id == id).Select(r => r.Status).FirstAsync(ct);
            ModelState.AddModelError("", text["Dieser Schritt ist im Stand „{0}“ nicht möglich.", texts.Status(current)]);
            await LoadAsync(id, ct);
            return Page();
        }
        var pool = await db.Pools.AsNoTracking().Where(p => p.Id == request.PoolId).Select(p => p.Name).FirstAsync(ct);
        await mails.SendStatusChangedAsync(request, pool, note, ct);
        var status = texts.Status(to);
        TempData[StatusMessage.Key] = text["Neuer Stand: {0}. Die Kommune ist per E-Mail informiert.", status].Value;
        return RedirectToPage("/Requests/Manage/Details", new { id });
    }

    public async Task<IActionResult> OnPostRenewLinkAsync(int id, CancellationToken ct)
    {
        var poolId = await db.ConsultationRequests.Where(r => r.Id == id).Select(r => (int?)r.PoolId).FirstOrDefaultAsync(ct);
        if (poolId is null || !await access.CanManageAsync(poolId.Value, ct)) return NotFound();
        await links.RenewAsync(id, access.UserId, "by the office", ct);
        TempData[StatusMessage.Key] = text["Der persönliche Link ist ersetzt; die Kontaktperson hat den neuen per E-Mail bekommen."].Value;
        return RedirectToPage("/Requests/Manage/Details", new { id });
    }

    /// <summary>Gives the request to one of the pool's coordinators (or to nobody).</summary>
    public async Task<IActionResult> OnPostAssignAsync(int id, string? responsible, CancellationToken ct)
    {
        var request = await db.ConsultationRequests.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (request is null || !await access.CanManageAsync(request.PoolId, ct)) return NotFound();
        responsible = string.IsNullOrEmpty(responsible) ? null : responsible;
        var coordinators = await office.CoordinatorsAsync(request.PoolId, ct);
        if (responsible is not null && coordinators.All(c => c.UserId != responsible))
        {
            ModelState.AddModelError("responsible", text["Bitte wählen Sie eine Person aus der Koordinierung dieses Pools."]);
            await LoadAsync(id, ct);
            return Page();
        }
        if (request.ResponsibleUserId != responsible)
        {
            request.ResponsibleUserId = responsible;
            db.Audit("request.responsible", $"request:{id}", access.UserId, request.PoolId, responsible ?? "none");
            await db.SaveChangesAsync(ct);
        }
        TempData[StatusMessage.Key] = responsible is null
            ? text["Die Anfrage ist niemandem mehr zugeordnet."].Value
            : text["Zuständig ist jetzt {0}.", coordinators.First(c => c.UserId == responsible).Name].Value;
        return RedirectToPage("/Requests/Manage/Details", null, new { id }, "zustaendig");
    }

    /// <summary>An internal note: for the office only, never shown to the municipality.</summary>
    public async Task<IActionResult> OnPostNoteAsync(int id, CancellationToken ct)
    {
        var poolId = await db.ConsultationRequests.Where(r => r.Id == id).Select(r => (int?)r.PoolId).FirstOrDefaultAsync(ct);
        if (poolId is null || !await access.CanManageAsync(poolId.Value, ct)) return NotFound();
        if (string.IsNullOrWhiteSpace(NoteBody)) ModelState.AddModelError(nameof(NoteBody), text["Bitte schreiben Sie die Notiz."]);
        if (!ModelState.IsValid)
        {
            await LoadAsync(id, ct);
            return Page();
        }
        db.InternalNotes.Add(new InternalNote
        {
            RequestId = id, AuthorUserId = access.UserId, AuthorName = await requests.ActorNameAsync(access.UserId, ct),
            Body = NoteBody!.Trim(), CreatedAt = time.GetUtcNow(),
        });
        db.Audit("request.note.added", $"request:{id}", access.UserId, poolId);
        await db.SaveChangesAsync(ct);
        TempData[StatusMessage.Key] = text["Die Notiz ist gespeichert. Nur die Koordinierung sieht sie."].Value;
        return RedirectToPage("/Requests/Manage/Details", null, new { id }, "notizen");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var managed = await access.ManagedPoolIdsAsync(ct);
        var record = await records.LoadAsync(db.ConsultationRequests.Where(r => r.Id == id && managed.Contains(r.PoolId)), ct);
        if (record is null) return false;
        Record = record;
        ResponsibleUserId = await db.ConsultationRequests.Where(r => r.Id == id).Select(r => r.ResponsibleUserId).FirstAsync(ct);
        Coordinators = await office.CoordinatorsAsync(record.PoolId, ct);
        Notes = await office.NotesAsync(id, ct);
        Next = RequestWorkflow.Next(record.Status).Where(s => s != RequestStatus.Withdrawn && s != RequestStatus.InProgress).ToList();
        var culture = WebUi.CurrentCulture;
        var topics = await db.Topics.AsNoTracking().Where(t => t.PoolId == record.PoolId).ToListAsync(ct);
        var rows = await db.IntakeConversations.AsNoTracking().Where(i => i.RequestId == id).OrderBy(i => i.Date).ThenBy(i => i.Id)
            .Select(i => new
            {
                i.Id, i.Date, i.Participants, i.ClarifiedGoal, i.ClarifiedNeed, i.AgreedTopicIds, i.ExpectedHalfDays, i.Outcome, i.RecordedAt, i.RecordedByUserId,
                RecordedBy = db.Users.Where(u => u.Id == i.RecordedByUserId).Select(u => u.DisplayName ?? u.Email).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var earlier = await revisions.ForAsync(RevisionKind.Intake, rows.Select(i => i.Id).ToList(), ct);
        List<string> TopicNames(IEnumerable<int> ids) =>
            topics.Where(t => ids.Contains(t.Id)).OrderBy(t => t.SortOrder).Select(t => t.Name(culture)).ToList();
        Intakes = rows.Select(i => new Intake(i.Id, i.Date, i.Participants, i.ClarifiedGoal, i.ClarifiedNeed, TopicNames(i.AgreedTopicIds),
            i.ExpectedHalfDays, i.Outcome, i.RecordedBy ?? "–", i.RecordedAt, i.RecordedByUserId == access.UserId,
            earlier[i.Id].Select(r => r with { Content = Readable(r.Content, TopicNames) }).ToList())).ToList();
        return true;
    }

    /// <summary>An earlier intake version (kept as JSON) in the words of the card, one field per line.</summary>
    private string Readable(string json, Func<IEnumerable<int>, List<string>> topicNames)
    {
        if (JsonSerializer.Deserialize<IntakeSnapshot>(json) is not { } v) return json;
        var agreed = topicNames(v.TopicIds);
        return string.Join("\n",
            text["Datum: {0}", v.Date.ToString("dd.MM.yyyy")], text["Beteiligte: {0}", v.Participants], text["Geklärtes Ziel: {0}", v.ClarifiedGoal],
            text["Geklärter Bedarf: {0}", v.ClarifiedNeed], text["Vereinbarte Themenfelder: {0}", agreed.Count == 0 ? "–" : string.Join(", ", agreed)],
            text["Erwartete Beratungstage: {0}", RequestTexts.Days(v.ExpectedHalfDays)], text["Ergebnis: {0}", v.Outcome]);
    }
}
