using System.ComponentModel.DataAnnotations;
using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Audit;
using Beraterpool.Web.Features.Email;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Shared.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Applications.Manage;

/// <summary>
/// The applications of a call with their review figures (weighted mean, spread, number of reviews), sortable and
/// filtered, and the call's committee: members are named by e-mail, and an address without an account gets one with
/// the Reviewer role and an invitation.
/// </summary>
[Authorize(Roles = Roles.Administrator + "," + Roles.Coordinator)]
public sealed class ReviewModel(AppDbContext db, PoolAccess access, PoolCatalog pools, CallReviews reviews, Invitations invitations, Mailer mailer,
    TimeProvider time, IStringLocalizer<ReviewModel> text) : PageModel
{
    public sealed record Row(int Id, string Name, DateTimeOffset SubmittedAt, ApplicationStatus Status, bool Sent, ReviewFigures Figures, int Expected, int Conflicts);
    public sealed record Member(int Id, string UserId, string Name, string Email, int Submitted, bool HasPassword);

    public Call Call { get; private set; } = null!;
    public string PoolName { get; private set; } = "";
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public IReadOnlyList<Member> Members { get; private set; } = [];
    public bool Closed { get; private set; }
    public int Drafted { get; private set; }

    /// <summary>mean (default), spread, reviews, name, date.</summary>
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    /// <summary>open, accepted, waiting, declined; empty: all.</summary>
    [BindProperty(SupportsGet = true)] public string? Decision { get; set; }
    [BindProperty(SupportsGet = true)] public int? MinReviews { get; set; }

    [BindProperty] public MemberInput NewMember { get; set; } = new();

    public sealed class MemberInput
    {
        [Required(ErrorMessage = "Bitte geben Sie die E-Mail-Adresse an.")]
        [MailAddress(ErrorMessage = "Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. name@example.org.")]
        [StringLength(200, ErrorMessage = "Die E-Mail-Adresse ist zu lang.")]
        public string? Email { get; set; }

        [StringLength(100, ErrorMessage = "Der Name darf höchstens 100 Zeichen lang sein.")]
        public string? Name { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostAddMemberAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!ModelState.IsValid) return Page();
        var email = NewMember.Email!.Trim();
        if (await db.Applications.AnyAsync(a => a.CallId == id && a.Email.ToLower() == email.ToLower(), ct))
        {
            ModelState.AddModelError("NewMember.Email", text["Wer sich auf diese Ausschreibung beworben hat, kann sie nicht begutachten."]);
            return Page();
        }
        var result = await invitations.EnsureUserAsync(email, string.IsNullOrWhiteSpace(NewMember.Name) ? null : NewMember.Name.Trim(), Roles.Reviewer,
            by: new Grantor(access.UserId, access.IsAdministrator), poolId: Call.PoolId, poolName: PoolName);
        if (result.NeedsAdministrator)
        {
            ModelState.AddModelError("NewMember.Email", text["Zu dieser Adresse gibt es ein Konto mit einer anderen Rolle. Die Rolle Begutachtung kann ihm nur die Administration zusätzlich geben."]);
            return Page();
        }
        if (result.User is not { } user)
        {
            foreach (var e in result.Errors) ModelState.AddModelError("NewMember.Email", e);
            return Page();
        }
        if (Members.Any(m => m.UserId == user.Id))
        {
            ModelState.AddModelError("NewMember.Email", text["Diese Person gehört der Kommission schon an."]);
            return Page();
        }
        db.CommitteeMembers.Add(new CommitteeMember { CallId = id, UserId = user.Id, AddedAt = time.GetUtcNow() });
        db.Audit("committee.added", $"call:{id}", access.UserId, Call.PoolId, email);
        await db.SaveChangesAsync(ct);
        if (result.Created) await invitations.SendAsync(user, PoolName, ct, Call.PoolId);
        var pool = await pools.FindAsync(Call.PoolId, ct);
        await mailer.SendAsync(ApplicationMails.Committee, new MailRecipient(email, user.DisplayName ?? email, user.Culture),
            new CommitteeMailModel(user.DisplayName ?? email, Call.Title, Call.ClosesAt, PoolName), pool);
        TempData[StatusMessage.Key] = text["{0} gehört jetzt der Auswahlkommission an und ist per E-Mail benachrichtigt.", user.DisplayName ?? email].Value;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRemoveMemberAsync(int id, int memberId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var member = await db.CommitteeMembers.FirstOrDefaultAsync(m => m.Id == memberId && m.CallId == id, ct);
        if (member is null) return NotFound();
        // Submitted reviews stay with the applications; the person only loses access.
        db.CommitteeMembers.Remove(member);
        db.Audit("committee.removed", $"call:{id}", access.UserId, Call.PoolId, member.UserId);
        await db.SaveChangesAsync(ct);
        TempData[StatusMessage.Key] = text["Die Person gehört der Kommission nicht mehr an. Ihre abgeschickten Gutachten bleiben erhalten."].Value;
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var call = await db.Calls.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (call is null || !await access.CanManageAsync(call.PoolId, ct)) return false;
        Call = call;
        PoolName = (await pools.FindAsync(call.PoolId, ct))?.Name ?? "";
        Closed = call.ClosesAt <= time.GetUtcNow();
        Members = (await db.CommitteeMembers.AsNoTracking().Where(m => m.CallId == id)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new
            {
                m.Id, m.UserId, Name = u.DisplayName ?? u.Email ?? "", Email = u.Email ?? "", HasPassword = u.PasswordHash != null,
                Submitted = db.Reviews.Count(r => r.ReviewerUserId == m.UserId && r.SubmittedAt != null && db.Applications.Any(a => a.Id == r.ApplicationId && a.CallId == id)),
            })
            .OrderBy(m => m.Name).ToListAsync(ct)).Select(m => new Member(m.Id, m.UserId, m.Name, m.Email, m.Submitted, m.HasPassword)).ToList();

        var applications = await db.Applications.AsNoTracking().Where(a => a.CallId == id)
            .Select(a => new
            {
                a.Id, Name = a.LastName + ", " + a.FirstName, a.SubmittedAt, a.Status, Sent = a.DecisionSentAt != null,
                Assigned = db.Reviews.Count(r => r.ApplicationId == a.Id && r.Assigned && !r.Conflict),
                Conflicts = db.Reviews.Count(r => r.ApplicationId == a.Id && r.Conflict),
            })
            .ToListAsync(ct);
        Total = applications.Count;
        Drafted = applications.Count(a => a.Status != ApplicationStatus.Submitted && !a.Sent);
        var figures = await reviews.FiguresAsync(id, ct);
        var rows = applications.Select(a => new Row(a.Id, a.Name, a.SubmittedAt, a.Status, a.Sent, figures.GetValueOrDefault(a.Id, ReviewFigures.None),
            a.Assigned > 0 ? a.Assigned : Math.Max(0, Members.Count - a.Conflicts), a.Conflicts));
        rows = Decision switch
        {
            "open" => rows.Where(r => r.Status == ApplicationStatus.Submitted),
            "accepted" => rows.Where(r => r.Status == ApplicationStatus.Accepted),
            "waiting" => rows.Where(r => r.Status == ApplicationStatus.WaitingList),
            "declined" => rows.Where(r => r.Status == ApplicationStatus.Declined),
            _ => rows,
        };
        if (MinReviews is > 0 and var min) rows = rows.Where(r => r.Figures.Reviews >= min);
        Rows = (Sort switch
        {
            "spread" => rows.OrderByDescending(r => r.Figures.Spread ?? -1),
            "reviews" => rows.OrderBy(r => r.Figures.Reviews),
            "name" => rows.OrderBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase),
            "date" => rows.OrderBy(r => r.SubmittedAt),
            _ => rows.OrderByDescending(r => r.Figures.Mean ?? -1),
        }).ThenBy(r => r.Id).ToList();
        return true;
    }
}
