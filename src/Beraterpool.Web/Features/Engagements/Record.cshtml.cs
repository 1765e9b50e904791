using Beraterpool.Web.Features.Shared;
using System.ComponentModel.DataAnnotations;
using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Audit;
using Beraterpool.Web.Features.Engagements.Revisions;
using Beraterpool.Web.Features.Messages;
using Beraterpool.Web.Features.Quota;
using Beraterpool.Web.Features.Shared.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Engagements;

/// <summary>
/// The shared record of one engagement: advisors write, the municipality contact reads and comments, the
/// coordinator of the pool sees all and closes it. Everyone else gets 404. Each form posts to its own handler
/// (PRG); a failed form re-displays the page with its input and messages.
/// </summary>
public sealed class RecordModel(TimeProvider time, AppDbContext db, EngagementAccess access, DayQuotaService quota, ActivityDates dates, EngagementMoves moves,
    EngagementMails mails, ContactHandOver contacts, RevisionLog revisions, Conversations conversations, IStringLocalizer<RecordModel> text) : PageModel
{
    public sealed record HeaderInfo(int RequestId, string Municipality, string MunicipalityKey, string Reference, string Goal, string Need, string ContactName,
        EngagementStatus Status, DateTimeOffset StartedAt, DateTimeOffset? ClosedAt, int? FeedbackRating, string? FeedbackText, DateTimeOffset? FeedbackAt,
        string PoolEmail);
    public sealed record AdvisorRow(int Id, string Name, string Slug, string? Reflection);
    public sealed record ActivityRow(int Id, int AdvisorId, string AdvisorName, DateOnly Date, ActivityKind Kind, int HalfDays, string? Participants,
        string? Notes, DateTimeOffset? ApprovedAt, bool Billed, bool Editable, string? ReturnQuestion);
    /// <summary>A learning or comment; Editable for its author while the engagement is open; Earlier = its corrected versions, newest first.</summary>
    public sealed record NoteRow(int Id, RevisionKind Kind, string AuthorName, EngagementSide Side, string Text, DateTimeOffset At, bool Editable,
        IReadOnlyList<RevisionRow> Earlier);
    public sealed record DocumentRow(int Id, string FileName, long Size, string UploadedByName, DateTimeOffset UploadedAt, string? UploadedByUserId);

    public EngagementViewer Viewer { get; private set; } = null!;
    public HeaderInfo Info { get; private set; } = null!;
    public IReadOnlyList<AdvisorRow> Advisors { get; private set; } = [];
    public QuotaBooking Balance { get; private set; } = null!;
    public IReadOnlyList<ActivityRow> Activities { get; private set; } = [];
    public IReadOnlyList<ActionOption> Options { get; private set; } = [];
    public IReadOnlyList<NoteRow> Learnings { get; private set; } = [];
    public IReadOnlyList<NoteRow> Comments { get; private set; } = [];
    public IReadOnlyList<DocumentRow> Documents { get; private set; } = [];
    /// <summary>The conversation with the municipality (everyone involved reads it, the municipality included).</summary>
    public IReadOnlyList<MessageRow> Messages { get; private set; } = [];
    public MessageInput Reply { get; set; } = new();
    public HandedOverContact MunicipalityContact { get; private set; } = null!;
    public IReadOnlyList<HandedOverContact> AdvisorContacts { get; private set; } = [];
    /// <summary>The advisor's own proposal, their way back to the request.</summary>
    public int? InvitationId { get; private set; }

    public LogInput Log { get; set; } = new();
    public OptionInput Option { get; set; } = new();
    public TextInput Learning { get; set; } = new();
    public TextInput Comment { get; set; } = new();
    public TextInput Reflection { get; set; } = new();
    public FeedbackInput Feedback { get; set; } = new();
    public ChannelInput Channel { get; set; } = new();

    /// <summary>The form whose problems are shown, so the page can open at it.</summary>
    public string? FailedForm { get; private set; }

    public bool CanWrite => Viewer.IsOpen && Viewer.IsAdvisor;
    public bool CanShare => Viewer.IsOpen && (Viewer.IsAdvisor || Viewer.IsMunicipalityContact);

    /// <summary>
    /// The municipality is asked for its rating once the engagement comes to its end (an advisor began the closing), or
    /// after it closed without one — not while the work is still going on. The rating itself never moves the status.
    /// </summary>
    public static bool FeedbackOpen(EngagementViewer viewer, bool given) =>
        viewer.IsMunicipalityContact && (viewer.Status == EngagementStatus.Closing || (viewer.Status == EngagementStatus.Closed && !given));

    public sealed class LogInput
    {
        [Required(ErrorMessage = "Bitte geben Sie das Datum an.")]
        public DateOnly? Date { get; set; }

        [Required(ErrorMessage = "Bitte wählen Sie die Art der Aktivität.")]
        public ActivityKind? Kind { get; set; }

        [Required(ErrorMessage = "Bitte wählen Sie die Dauer.")]
        [Range(1, DayQuotaService.MaxHalfDaysPerDate, ErrorMessage = "Bitte wählen Sie als Dauer einen halben oder einen ganzen Tag.")]
        public int? HalfDays { get; set; }

        [StringLength(500, ErrorMessage = "Die Teilnehmenden dürfen höchstens 500 Zeichen lang sein.")]
        public string? Participants { get; set; }

        [StringLength(4000, ErrorMessage = "Die Notizen dürfen höchstens 4000 Zeichen lang sein.")]
        public string? Notes { get; set; }
    }

    public sealed class OptionInput
    {
        [Required(ErrorMessage = "Bitte geben Sie einen Titel an.")]
        [StringLength(200, ErrorMessage = "Der Titel darf höchstens 200 Zeichen lang sein.")]
        public string? Title { get; set; }

        [StringLength(4000, ErrorMessage = "Die Beschreibung darf höchstens 4000 Zeichen lang sein.")]
        public string? Description { get; set; }

        [StringLength(200, ErrorMessage = "Die Angabe, wer sie umsetzt, darf höchstens 200 Zeichen lang sein.")]
        public string? CarriedOutBy { get; set; }

        public ActionOptionStatus Status { get; set; } = ActionOptionStatus.Proposed;
        public DateOnly? DueDate { get; set; }
    }

    public sealed class TextInput
    {
        [Required(ErrorMessage = "Bitte schreiben Sie einen Text.")]
        [StringLength(4000, ErrorMessage = "Der Text darf höchstens 4000 Zeichen lang sein.")]
        public string? Text { get; set; }
    }

    public sealed class ChannelInput
    {
        [Required(ErrorMessage = "Bitte wählen Sie, wie Sie am liebsten erreicht werden.")]
        public ContactChannel? Preferred { get; set; }
    }

    public sealed class FeedbackInput
    {
        [Required(ErrorMessage = "Bitte wählen Sie eine Bewertung von 1 bis 5.")]
        [Range(1, 5, ErrorMessage = "Bitte wählen Sie eine Bewertung von 1 bis 5.")]
        public int? Rating { get; set; }

        [StringLength(2000, ErrorMessage = "Die Rückmeldung darf höchstens 2000 Zeichen lang sein.")]
        public string? Text { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        // The coordinator reading the record has read the municipality's messages for the pool.
        if (Viewer.IsCoordinator) await conversations.MarkReadByOfficeAsync(Info.RequestId, id, ct);
        Log.Date = time.LocalToday();
        Log.HalfDays = 2;
        Reflection.Text = Advisors.FirstOrDefault(a => a.Id == Viewer.AdvisorId)?.Reflection;
        return Page();
    }

    public async Task<IActionResult> OnPostLogAsync(int id, CancellationToken ct)
    {
        if (await ViewerAsync(id, ct) is not { } viewer) return NotFound();
        if (!viewer.IsOpen || viewer.AdvisorId is not { } advisorId) return NotAllowed();
        await TryUpdateModelAsync(Log, nameof(Log));
        if (Log.Kind is { } k && !Enum.IsDefined(k)) ModelState.AddModelError("Log.Kind", text["Bitte wählen Sie die Art der Aktivität."]);
        if (Log.Date is { } d && await dates.ProblemAsync(id, d, ct) is { } wrongDate) ModelState.AddModelError("Log.Date", wrongDate);
        if (ModelState.IsValid)
        {
            var activity = new Activity
            {
                EngagementId = id, AdvisorId = advisorId, Date = Log.Date!.Value, Kind = Log.Kind!.Value, HalfDays = Log.HalfDays!.Value,
                Participants = Clean(Log.Participants), Notes = Clean(Log.Notes), CreatedByUserId = viewer.UserId, CreatedAt = time.GetUtcNow(),
            };
            var booking = await quota.TryLogActivityAsync(activity, ct);
            if (booking.Succeeded)
            {
                db.Audit("engagement.activity.logged", $"engagement:{id}", viewer.UserId, viewer.PoolId,
                    $"activity:{activity.Id}; {activity.Date:yyyy-MM-dd}; {activity.Kind}; halfDays={activity.HalfDays}");
                await db.SaveChangesAsync(ct);
                await mails.ActivityLoggedAsync(id, viewer.PoolId, viewer.Name, activity, ct);
                return Done(id, booking.RemainingHalfDays == 2
                    ? text["Die Aktivität ist eingetragen. Für {0} ist noch 1 Beratungstag übrig.", booking.Year]
                    : text["Die Aktivität ist eingetragen. Für {0} sind noch {1} Beratungstage übrig.", booking.Year, Days.Number(booking.RemainingHalfDays)], "activities");
            }
            ModelState.AddModelError(booking.Refusal == BookingRefusal.AdvisorDay ? "Log.Date" : "Log.HalfDays", quota.RefusalMessage(booking));
        }
        return await FailedAsync(id, "log", ct);
    }

    public async Task<IActionResult> OnPostOptionAsync(int id, CancellationToken ct)
    {
        if (await ViewerAsync(id, ct) is not { } viewer) return NotFound();
        if (!viewer.IsOpen || !(viewer.IsAdvisor || viewer.IsMunicipalityContact)) return NotAllowed();
        await TryUpdateModelAsync(Option, nameof(Option));
        if (!Enum.IsDefined(Option.Status)) ModelState.AddModelError("Option.Status", text["Bitte wählen Sie einen Stand aus der Liste."]);
        if (!ModelState.IsValid) return await FailedAsync(id, "options", ct);
        var now = time.GetUtcNow();
        var option = new ActionOption
        {
            EngagementId = id, Title = Option.Title!.Trim(), Description = Clean(Option.Description), CarriedOutBy = Clean(Option.CarriedOutBy),
            Status = Option.Status, DueDate = Option.DueDate, CreatedAt = now, UpdatedAt = now,
        };
        db.ActionOptions.Add(option);
        await db.SaveChangesAsync(ct);
        db.Audit("engagement.option.added", $"engagement:{id}", viewer.UserId, viewer.PoolId, $"option:{option.Id}; {option.Status}; {option.Title}");
        await db.SaveChangesAsync(ct);
        return Done(id, text["Die Handlungsoption ist gespeichert."], "options");
    }

    public async Task<IActionResult> OnPostOptionStatusAsync(int id, int optionId, ActionOptionStatus status, CancellationToken ct)
    {
        if (await ViewerAsync(id, ct) is not { } viewer) return NotFound();
        if (!viewer.IsOpen || !(viewer.IsAdvisor || viewer.IsMunicipalityContact)) return NotAllowed();
        if (!Enum.IsDefined(status)) return BadRequest();
        var option = await db.ActionOptions.SingleOrDefaultAsync(o => o.Id == optionId && o.EngagementId == id, ct);
        if (option is null) return NotFound();
        if (option.Status != status)
        {
            db.Audit("engagement.option.status", $"engagement:{id}", viewer.UserId, viewer.PoolId, $"option:{option.Id}; {option.Status} → {status}");
            option.Status = status;
            option.UpdatedAt = time.GetUtcNow();
            await db.SaveChangesAsync(ct);
        }
        return Done(id, text["Der Stand von „{0}“ ist gespeichert.", option.Title], "options");
    }

    public Task<IActionResult> OnPostLearningAsync(int id, CancellationToken ct) => AddNoteAsync(id, Learning, nameof(Learning), "learnings", ct);

    public Task<IActionResult> OnPostCommentAsync(int id, CancellationToken ct) => AddNoteAsync(id, Comment, nameof(Comment), "comments", ct);

    public async Task<IActionResult> OnPostDocumentAsync(int id, IFormFile? file, CancellationToken ct)
    {
        if (await ViewerAsync(id, ct) is not { } viewer) return NotFound();
        if (!viewer.IsOpen || !(viewer.IsAdvisor || viewer.IsMunicipalityContact)) return NotAllowed();
        if (file is null)
        {
            ModelState.AddModelError("file", text["Bitte wählen Sie eine Datei aus."]);
            return await FailedAsync(id, "documents", ct);
        }
        var (content, type, problem) = await DocumentUpload.ReadAsync(file, ct);
        if (problem != DocumentUpload.Problem.None)
        {
            ModelState.AddModelError("file", DocumentUpload.Message(problem, text));
            return await FailedAsync(id, "documents", ct);
        }
        var document = new EngagementDocument
        {
            EngagementId = id, FileName = DocumentUpload.SafeName(file.FileName), ContentType = type!, Size = content!.Length, Content = content,
            UploadedByUserId = viewer.UserId, UploadedByName = viewer.Name, UploadedAt = time.GetUtcNow(),
        };
        db.EngagementDocuments.Add(document);
        await db.SaveChangesAsync(ct);
        db.Audit("engagement.document.uploaded", $"engagement:{id}", viewer.UserId, viewer.PoolId, $"document:{document.Id}; {document.FileName}; {document.Size} bytes");
        await db.SaveChangesAsync(ct);
        return Done(id, text["Das Dokument „{0}“ ist hochgeladen.", document.FileName], "documents");
    }

    /// <summary>Downloads always as attachment with the type found at upload, never rendered in the page's origin.</summary>
    public async Task<IActionResult> OnGetDocumentAsync(int id, int documentId, CancellationToken ct)
    {
        if (await ViewerAsync(id, ct) is null) return NotFound();
        var doc = await db.EngagementDocuments.AsNoTracking().Where(d => d.Id == documentId && d.EngagementId == id)
            .Select(d => new { d.FileName, d.ContentType, d.Content }).SingleOrDefaultAsync(ct);
        if (doc is null) return NotFound();
        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.CacheControl = "private, no-store";
        return File(doc.Content, doc.ContentType, doc.FileName);
    }

    public async Task<IActionResult> OnPostReflectionAsync(int id, CancellationToken ct)
    {
        if (await ViewerAsync(id, ct) is not { } viewer) return NotFound();
        if (!viewer.IsOpen || viewer.AdvisorId is not { } advisorId) return NotAllowed();
        await TryUpdateModelAsync(Reflection, nameof(Reflection));
        if (!ModelState.IsValid) return await FailedAsync(id, "closing", ct);
        var row = await db.EngagementAdvisors.SingleAsync(a => a.EngagementId == id && a.AdvisorId == advisorId, ct);
        row.Reflection = Reflection.Text!.Trim();
        // The first reflection starts the closing step; only then is the municipality asked for its feedback (once).
        db.Audit("engagement.reflection.saved", $"engagement:{id}", viewer.UserId, viewer.PoolId);
        var startsClosing = await moves.SaveWithMoveAsync(id, EngagementStatus.Closing, viewer.UserId, viewer.PoolId, ct);
        if (startsClosing) await mails.FeedbackRequestedAsync(id, ct);
        return Done(id, text["Ihre Reflexion ist gespeichert."], "closing");
    }

    public async Task<IActionResult> OnPostFeedbackAsync(int id, CancellationToken ct)
    {
        if (await ViewerAsync(id, ct) is not { } viewer) return NotFound();
        var engagement = await db.Engagements.SingleAsync(e => e.Id == id, ct);
        if (!FeedbackOpen(viewer, engagement.FeedbackRating is not null)) return NotAllowed();
        await TryUpdateModelAsync(Feedback, nameof(Feedback));
        if (!ModelState.IsValid) return await FailedAsync(id, "closing", ct);
        engagement.FeedbackRating = Feedback.Rating;
        engagement.FeedbackText = Clean(Feedback.Text);
        engagement.FeedbackAt = time.GetUtcNow();
        db.Audit("engagement.feedback.given", $"engagement:{id}", viewer.UserId, viewer.PoolId, $"rating={Feedback.Rating}");
        await db.SaveChangesAsync(ct);
        return Done(id, text["Vielen Dank für Ihre Rückmeldung."], "closing");
    }

    /// <summary>The municipality contact says how they prefer to be reached; their e-mail and phone come from the request.</summary>
    public async Task<IActionResult> OnPostChannelAsync(int id, CancellationToken ct)
    {
        if (await ViewerAsync(id, ct) is not { } viewer) return NotFound();
        if (!viewer.IsOpen || !viewer.IsMunicipalityContact) return NotAllowed();
        await TryUpdateModelAsync(Channel, nameof(Channel));
        if (Channel.Preferred is { } c && !Enum.IsDefined(c)) ModelState.AddModelError("Channel.Preferred", text["Bitte wählen Sie, wie Sie am liebsten erreicht werden."]);
        if (!ModelState.IsValid) return await FailedAsync(id, "contacts", ct);
        var requestId = await db.Engagements.Where(e => e.Id == id).Select(e => e.RequestId).SingleAsync(ct);
        await contacts.SetMunicipalityChannelAsync(requestId, Channel.Preferred!.Value, viewer.UserId, time.GetUtcNow(), ct);
        db.Audit("engagement.contact.channel", $"engagement:{id}", viewer.UserId, viewer.PoolId, Channel.Preferred.Value.ToString());
        await db.SaveChangesAsync(ct);
        return Done(id, text["Ihr bevorzugter Kontaktweg ist gespeichert."], "contacts");
    }

    /// <summary>
    /// A message in the conversation: the municipality's goes to the office and the advisors, the advisors' and the
    /// coordinator's to the municipality contact (with the personal link).
    /// </summary>
    public async Task<IActionResult> OnPostMessageAsync(int id, CancellationToken ct)
    {
        if (await ViewerAsync(id, ct) is not { } viewer) return NotFound();
        if (!viewer.IsOpen) return NotAllowed();
        await TryUpdateModelAsync(Reply, Conversations.Prefix);
        if (!ModelState.IsValid) return await FailedAsync(id, "messages", ct);
        var side = viewer.IsAdvisor ? MessageSide.Advisor : viewer.IsMunicipalityContact ? MessageSide.Municipality : MessageSide.Office;
        var requestId = await db.Engagements.AsNoTracking().Where(e => e.Id == id).Select(e => e.RequestId).SingleAsync(ct);
        await conversations.PostAsync(viewer.PoolId, requestId, id, new MessageAuthor(side, viewer.UserId, viewer.Name), Reply.Body!, ct);
        return Done(id, side == MessageSide.Municipality
            ? text["Ihre Nachricht ist gesendet; die Berater*innen und die Koordinierungsstelle bekommen sie per E-Mail."]
            : text["Ihre Nachricht ist gesendet; die Kommune bekommt sie per E-Mail mit ihrem persönlichen Link."], "messages");
    }

    private async Task<IActionResult> AddNoteAsync(int id, TextInput input, string prefix, string section, CancellationToken ct)
    {
        if (await ViewerAsync(id, ct) is not { } viewer) return NotFound();
        var isComment = prefix == nameof(Comment);
        // Everyone involved comments; learnings come from both sides of the dialogue.
        if (!viewer.IsOpen || (!isComment && !(viewer.IsAdvisor || viewer.IsMunicipalityContact))) return NotAllowed();
        await TryUpdateModelAsync(input, prefix);
        if (!ModelState.IsValid) return await FailedAsync(id, section, ct);
        var now = time.GetUtcNow();
        if (isComment)
            db.EngagementComments.Add(new EngagementComment { EngagementId = id, AuthorUserId = viewer.UserId, AuthorName = viewer.Name, Side = viewer.Side, Text = input.Text!.Trim(), CreatedAt = now });
        else
            db.Learnings.Add(new Learning { EngagementId = id, AuthorUserId = viewer.UserId, AuthorName = viewer.Name, Side = viewer.Side, Text = input.Text!.Trim(), CreatedAt = now });
        db.Audit(isComment ? "engagement.comment.added" : "engagement.learning.added", $"engagement:{id}", viewer.UserId, viewer.PoolId);
        await db.SaveChangesAsync(ct);
        // The advisors hear of the municipality's comments; their own and the coordinator's they see in the record.
        if (isComment && viewer.IsMunicipalityContact && !viewer.IsAdvisor) await mails.CommentedAsync(id, viewer.Name, input.Text!.Trim(), ct);
        return Done(id, isComment ? text["Ihr Kommentar ist gespeichert."] : text["Die Erkenntnis ist gespeichert."], section);
    }

    private IActionResult Done(int id, string message, string? section)
    {
        TempData[StatusMessage.Key] = message;
        return RedirectToPage("/Engagements/Record", null, new { id }, section);
    }

    private async Task<EngagementViewer?> ViewerAsync(int id, CancellationToken ct)
    {
        var viewer = await access.ForAsync(id, ct);
        if (viewer is not null) Viewer = viewer;
        return viewer;
    }

    private async Task<IActionResult> FailedAsync(int id, string form, CancellationToken ct)
    {
        FailedForm = form;
        await LoadAsync(id, ct);
        return Page();
    }

    /// <summary>Involved, but not in this role (e.g. the municipality contact logging days): 403, the record stays visible.</summary>
    private StatusCodeResult NotAllowed() => StatusCode(StatusCodes.Status403Forbidden);

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await ViewerAsync(id, ct) is not { } viewer) return false;
        Info = await db.Engagements.AsNoTracking().Where(e => e.Id == id)
            .Join(db.ConsultationRequests, e => e.RequestId, r => r.Id, (e, r) => new { e, r })
            .Join(db.Municipalities, x => x.e.MunicipalityKey, m => m.OfficialKey, (x, m) => new HeaderInfo(
                x.r.Id, m.ShortName, m.OfficialKey, x.r.Reference, x.r.Goal, x.r.Need, x.r.ContactName, x.e.Status, x.e.StartedAt, x.e.ClosedAt,
                x.e.FeedbackRating, x.e.FeedbackText, x.e.FeedbackAt, db.Pools.Where(p => p.Id == x.e.PoolId).Select(p => p.ContactEmail).First()))
            .SingleAsync(ct);
        Advisors = await db.EngagementAdvisors.AsNoTracking().Where(a => a.EngagementId == id)
            .Join(db.Advisors, ea => ea.AdvisorId, a => a.Id, (ea, a) => new { ea, a })
            .OrderBy(x => x.a.FirstName).ThenBy(x => x.a.LastName)
            .Select(x => new AdvisorRow(x.a.Id, x.a.FirstName + " " + x.a.LastName, x.a.Slug, x.ea.Reflection)).ToListAsync(ct);
        Balance = await quota.BalanceAsync(viewer.PoolId, viewer.MunicipalityKey, time.LocalYear(), ct);
        var isCoordinator = viewer.IsCoordinator;
        var userId = viewer.UserId;
        Activities = await db.Activities.AsNoTracking().Where(a => a.EngagementId == id).OrderByDescending(a => a.Date).ThenByDescending(a => a.Id)
            .Join(db.Advisors, x => x.AdvisorId, a => a.Id, (x, a) => new ActivityRow(x.Id, a.Id, a.FirstName + " " + a.LastName, x.Date, x.Kind, x.HalfDays,
                x.Participants, x.Notes, x.ApprovedAt, x.FeeStatementId != null,
                x.FeeStatementId == null && (isCoordinator || x.CreatedByUserId == userId),
                // The office's question goes to the advisors, not to the municipality.
                viewer.IsAdvisor || isCoordinator ? x.ReturnQuestion : null))
            .ToListAsync(ct);
        Options = await db.ActionOptions.AsNoTracking().Where(o => o.EngagementId == id).OrderBy(o => o.Status == ActionOptionStatus.Dropped).ThenBy(o => o.Id).ToListAsync(ct);
        var learnings = await db.Learnings.AsNoTracking().Where(l => l.EngagementId == id).OrderBy(l => l.Id)
            .Select(l => new { l.Id, l.AuthorName, l.Side, l.Text, l.CreatedAt, l.AuthorUserId }).ToListAsync(ct);
        var earlierLearnings = await revisions.ForAsync(RevisionKind.Learning, learnings.Select(l => l.Id).ToList(), ct);
        Learnings = learnings.Select(l => Note(l.Id, RevisionKind.Learning, l.AuthorName, l.Side, l.Text, l.CreatedAt, l.AuthorUserId, earlierLearnings[l.Id])).ToList();
        var comments = await db.EngagementComments.AsNoTracking().Where(c => c.EngagementId == id).OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.AuthorName, c.Side, c.Text, c.CreatedAt, c.AuthorUserId }).ToListAsync(ct);
        var earlierComments = await revisions.ForAsync(RevisionKind.Comment, comments.Select(c => c.Id).ToList(), ct);
        Comments = comments.Select(c => Note(c.Id, RevisionKind.Comment, c.AuthorName, c.Side, c.Text, c.CreatedAt, c.AuthorUserId, earlierComments[c.Id])).ToList();
        Messages = await conversations.HistoryAsync(Info.RequestId, id, ct);
        Documents = await db.EngagementDocuments.AsNoTracking().Where(d => d.EngagementId == id).OrderByDescending(d => d.Id)
            .Select(d => new DocumentRow(d.Id, d.FileName, d.Size, d.UploadedByName, d.UploadedAt, d.UploadedByUserId)).ToListAsync(ct);
        MunicipalityContact = await contacts.MunicipalityAsync(Info.RequestId, ct);
        AdvisorContacts = (await contacts.AdvisorsAsync(Info.RequestId, Advisors.Select(a => a.Id).ToList(), ct)).Select(c => c.Contact).ToList();
        if (viewer.AdvisorId is { } me)
            InvitationId = await db.EngagementInvitations.AsNoTracking().Where(i => i.RequestId == Info.RequestId && i.AdvisorId == me && i.Status == InvitationStatus.Accepted)
                .Select(i => (int?)i.Id).FirstOrDefaultAsync(ct);
        Channel.Preferred ??= MunicipalityContact.Channel;
        return true;
    }

    /// <summary>The current version is shown with the time it was written: its last correction, else its creation.</summary>
    private NoteRow Note(int id, RevisionKind kind, string author, EngagementSide side, string text, DateTimeOffset created, string? authorUserId, IEnumerable<RevisionRow> earlier)
    {
        var list = earlier.ToList();
        return new NoteRow(id, kind, author, side, text, list.Count > 0 ? list[0].ReplacedAt : created,
            Viewer.IsOpen && authorUserId is not null && authorUserId == Viewer.UserId, list);
    }
}
