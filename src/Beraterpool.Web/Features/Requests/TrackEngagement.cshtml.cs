using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Engagements;
using Beraterpool.Web.Features.Messages;
using Beraterpool.Web.Features.Shared.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Requests;

/// <summary>
/// The engagement as the municipality follows it, through the personal link and without an account: who accompanies
/// it, what was done, what was agreed, the days left. Reading only; commenting, documents and feedback are in the full
/// record after signing in (the tracking page sends a sign-in link). Only the link's own request's engagements.
/// The conversation with the advisors and the office is open here too.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RequestRateLimit.Policy), SendingHandlers("Message")]
public sealed class TrackEngagementModel(AppDbContext db, TrackingLinks links, Conversations conversations, IStringLocalizer<TrackEngagementModel> text) : PageModel
{
    public sealed record AdvisorRow(string Name);
    public sealed record ActivityRow(DateOnly Date, ActivityKind Kind, int HalfDays, bool Approved);
    public sealed record OptionRow(string Title, string? CarriedOutBy, ActionOptionStatus Status, DateOnly? DueDate);

    public RequestRecord Record { get; private set; } = null!;
    public string Token { get; private set; } = "";
    public EngagementStatus Status { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }
    public bool HasAccount => Record.ContactUserId is not null;
    public IReadOnlyList<AdvisorRow> Advisors { get; private set; } = [];
    public IReadOnlyList<ActivityRow> Activities { get; private set; } = [];
    public IReadOnlyList<OptionRow> Options { get; private set; } = [];
    public IReadOnlyList<MessageRow> Messages { get; private set; } = [];
    public int EngagementId { get; private set; }
    public MessageInput Reply { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string token, int id, CancellationToken ct) =>
        await LoadAsync(token, id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostMessageAsync(string token, int id, CancellationToken ct)
    {
        if (!await LoadAsync(token, id, ct)) return NotFound();
        if (Status == EngagementStatus.Closed) return StatusCode(StatusCodes.Status403Forbidden);
        await TryUpdateModelAsync(Reply, Conversations.Prefix);
        if (!ModelState.IsValid) return Page();
        await conversations.PostAsync(Record.PoolId, Record.Id, id, new MessageAuthor(MessageSide.Municipality, null, Record.ContactName), Reply.Body!, ct);
        TempData[StatusMessage.Key] = text["Ihre Nachricht ist gesendet. Ihre Berater*innen und die Koordinierungsstelle antworten Ihnen hier und per E-Mail."].Value;
        return LocalRedirect(TrackingLinks.Path(Url, token, $"engagement/{id}") + "#messages");
    }

    private async Task<bool> LoadAsync(string token, int id, CancellationToken ct)
    {
        if (await links.RecordAsync(token, ct) is not { } record || links.IsExpired(record)) return false;
        var engagement = await db.Engagements.AsNoTracking().Where(e => e.Id == id && e.RequestId == record.Id)
            .Select(e => new { e.Status, e.StartedAt }).FirstOrDefaultAsync(ct);
        if (engagement is null) return false;
        (Record, Token, Status, StartedAt, EngagementId) = (record, token, engagement.Status, engagement.StartedAt, id);
        Advisors = await db.EngagementAdvisors.AsNoTracking().Where(a => a.EngagementId == id)
            .Join(db.Advisors, ea => ea.AdvisorId, a => a.Id, (ea, a) => new AdvisorRow(a.FirstName + " " + a.LastName)).ToListAsync(ct);
        Activities = (await db.Activities.AsNoTracking().Where(a => a.EngagementId == id)
            .Select(a => new ActivityRow(a.Date, a.Kind, a.HalfDays, a.ApprovedAt != null)).ToListAsync(ct))
            .OrderByDescending(a => a.Date).ToList();
        Options = await db.ActionOptions.AsNoTracking().Where(o => o.EngagementId == id).OrderBy(o => o.Id)
            .Select(o => new OptionRow(o.Title, o.CarriedOutBy, o.Status, o.DueDate)).ToListAsync(ct);
        Messages = await conversations.HistoryAsync(record.Id, id, ct);
        return true;
    }
}
