using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Audit;
using Beraterpool.Web.Features.Messages;
using Beraterpool.Web.Features.MunicipalityAccounts;
using Beraterpool.Web.Features.Shared;
using Beraterpool.Web.Features.Shared.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Requests;

/// <summary>
/// The contact's personal link: whoever holds the secret token sees the request, its timeline and, later, the
/// engagement and the days left; the contact can withdraw the request or create an account from here.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RequestRateLimit.Policy), SendingHandlers("Account", "Renew", "SignInLink", "Message")]
public sealed class TrackModel(AppDbContext db, Invitations invitations, UserManager<AppUser> users, TrackingLinks links,
    EmailSignIn emailSignIn, AccountThrottle throttle, Conversations conversations, IStringLocalizer<TrackModel> text) : PageModel
{
    public RequestRecord Record { get; private set; } = null!;
    public string Token { get; private set; } = "";
    public bool HasAccount { get; private set; }
    /// <summary>The request ended longer ago than the link lives: the page says so and shows nothing of the request.</summary>
    public bool Expired { get; private set; }
    public int DaysAfterEnd => links.DaysAfterEnd;
    public IReadOnlyList<MessageRow> Messages { get; private set; } = [];

    public MessageInput Reply { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        if (!await LoadAsync(token, ct)) return NotFound();
        if (Expired) Response.StatusCode = StatusCodes.Status410Gone;
        return Page();
    }

    /// <summary>The municipality answers the office here, by its personal link; the office is told by mail.</summary>
    public async Task<IActionResult> OnPostMessageAsync(string token, CancellationToken ct)
    {
        if (!await LoadAsync(token, ct) || Expired) return NotFound();
        await TryUpdateModelAsync(Reply, Conversations.Prefix);
        if (!ModelState.IsValid) return Page();
        await conversations.PostAsync(Record.PoolId, Record.Id, null, new MessageAuthor(MessageSide.Municipality, null, Record.ContactName), Reply.Body!, ct);
        TempData[StatusMessage.Key] = text["Ihre Nachricht ist gesendet. Die Koordinierungsstelle antwortet Ihnen hier und per E-Mail."].Value;
        return LocalRedirect(TrackingLinks.Path(Url, token) + "#messages");
    }

    /// <summary>"My link may have been forwarded": a new secret goes to the contact's address, this one dies at once.</summary>
    public async Task<IActionResult> OnPostRenewAsync(string token, CancellationToken ct)
    {
        if (!await LoadAsync(token, ct) || Expired) return NotFound();
        await links.RenewAsync(Record.Id, Record.ContactUserId, "by the contact from the tracking page", ct);
        return RedirectToPage("/Requests/LinkRenewed");
    }

    /// <summary>
    /// Creates (or finds) the contact's account with the MunicipalityContact role, links every request sent from that
    /// address, and mails the invitation to set a password — the same mechanism as for invited advisors.
    /// </summary>
    public async Task<IActionResult> OnPostAccountAsync(string token, CancellationToken ct)
    {
        if (!await LoadAsync(token, ct) || Expired) return NotFound();
        var result = await invitations.EnsureUserAsync(Record.ContactEmail, Record.ContactName, Roles.MunicipalityContact, WebUi.CurrentCulture);
        if (result.User is not { } user)
        {
            TempData[StatusMessage.Key] = text["Das Konto konnte nicht angelegt werden. Bitte wenden Sie sich an die Koordinierungsstelle."].Value;
            return Back(token);
        }
        var email = Record.ContactEmail.ToLower();
        var linked = await db.ConsultationRequests.Where(r => r.ContactEmail.ToLower() == email && r.ContactUserId == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ContactUserId, user.Id), ct);
        db.Audit("request.contact-account", $"request:{Record.Id}", user.Id, Record.PoolId, $"linked {linked} request(s); created={result.Created}");
        await db.SaveChangesAsync(ct);
        if (await users.HasPasswordAsync(user))
        {
            TempData[StatusMessage.Key] = text["Sie haben schon ein Konto. Melden Sie sich mit Ihrer E-Mail-Adresse an; Ihre Anfragen finden Sie dort unter „Meine Kommune“."].Value;
        }
        else
        {
            await invitations.SendAsync(user, Record.PoolName, ct, Record.PoolId);
            TempData[StatusMessage.Key] = text["Wir haben Ihnen eine E-Mail an {0} geschickt. Über den Link darin legen Sie Ihr Passwort fest.", Record.ContactEmail].Value;
        }
        return Back(token);
    }

    /// <summary>
    /// "Per E-Mail-Link anmelden": the link goes to the account the request belongs to, never to an address typed in
    /// here, so holding the tracking link is not enough to sign in as the municipality.
    /// </summary>
    public async Task<IActionResult> OnPostSignInLinkAsync(string token, CancellationToken ct)
    {
        if (!await LoadAsync(token, ct) || Expired || Record.ContactUserId is not { } userId) return NotFound();
        if (!throttle.TryAcquire("email-link", Record.ContactEmail)) return StatusCode(throttle.Refuse(Response));
        if (await users.FindByIdAsync(userId) is { } user) await emailSignIn.SendAsync(user, ct);
        TempData[StatusMessage.Key] = text["Wir haben einen Anmeldelink an die Adresse Ihres Kontos geschickt. Er gilt {0} Minuten und nur einmal. Kommt keiner an, melden Sie sich bitte mit Ihrem Passwort an.", emailSignIn.Minutes].Value;
        return Back(token);
    }

    private LocalRedirectResult Back(string token) => LocalRedirect(TrackingLinks.Path(Url, token));

    private async Task<bool> LoadAsync(string token, CancellationToken ct)
    {
        if (await links.RecordAsync(token, ct) is not { } record) return false;
        Record = record;
        Token = token;
        HasAccount = record.ContactUserId is not null;
        Expired = links.IsExpired(record);
        if (!Expired) Messages = await conversations.HistoryAsync(record.Id, null, ct);
        return true;
    }
}
