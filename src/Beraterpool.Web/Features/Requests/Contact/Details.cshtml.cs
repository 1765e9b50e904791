using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Messages;
using Beraterpool.Web.Features.MunicipalityAccounts;
using Beraterpool.Web.Features.Shared.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Requests.Contact;

/// <summary>One request of the contact's municipality (or their own), by account instead of the personal link; any other answers 404.</summary>
[Authorize(Roles = Roles.MunicipalityContact)]
public sealed class DetailsModel(MunicipalityAccess access, RequestRecords records, ConsultationRequests requests, Conversations conversations, IStringLocalizer<DetailsModel> text) : PageModel
{
    public RequestRecord Record { get; private set; } = null!;
    public IReadOnlyList<MessageRow> Messages { get; private set; } = [];
    public MessageInput Reply { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>The same conversation as on the personal link's page, written under the colleague's own name.</summary>
    public async Task<IActionResult> OnPostMessageAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        await TryUpdateModelAsync(Reply, Conversations.Prefix);
        if (!ModelState.IsValid) return Page();
        var userId = User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        var name = userId == Record.ContactUserId ? Record.ContactName : await requests.ActorNameAsync(userId, ct);
        await conversations.PostAsync(Record.PoolId, Record.Id, null, new MessageAuthor(MessageSide.Municipality, userId, name), Reply.Body!, ct);
        TempData[StatusMessage.Key] = text["Ihre Nachricht ist gesendet. Die Koordinierungsstelle antwortet Ihnen hier und per E-Mail."].Value;
        return RedirectToPage("/Requests/Contact/Details", null, new { id }, "messages");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var scopes = await access.ScopesAsync(ct);
        var visible = await access.VisibleRequestsAsync(ct);
        var which = await visible.Where(r => r.Id == id).Select(r => new { r.PoolId, r.MunicipalityKey, r.ContactUserId }).FirstOrDefaultAsync(ct);
        if (which is null || !access.Owns(scopes, which.PoolId, which.MunicipalityKey, which.ContactUserId)) return false;
        var record = await records.LoadAsync(visible.Where(r => r.Id == id), ct);
        if (record is null) return false;
        Record = record;
        Messages = await conversations.HistoryAsync(id, null, ct);
        return true;
    }
}
