using System.ComponentModel.DataAnnotations;
using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Advisors;
using Beraterpool.Web.Features.Audit;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Shared;
using Beraterpool.Web.Features.Shared.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Mentoring.Manage;

/// <summary>
/// The office pairs an advisor of its pool with a mentor. The mentor is named by e-mail: an address without an account
/// gets one with the Mentor role and an invitation, as the office invites every account.
/// </summary>
[Authorize(Roles = Roles.Administrator + "," + Roles.Coordinator)]
public sealed class NewModel(TimeProvider time, AppDbContext db, PoolAccess access, Invitations invitations, IStringLocalizer<NewModel> text) : PageModel
{
    public sealed record AdvisorChoice(int Id, string Name);

    [BindProperty] public InputModel Input { get; set; } = new();
    public string PoolName { get; private set; } = "";
    public IReadOnlyList<AdvisorChoice> Advisors { get; private set; } = [];

    public sealed class InputModel
    {
        public int PoolId { get; set; }

        [Required(ErrorMessage = "Bitte wählen Sie die Berater*in.")]
        public int? AdvisorId { get; set; }

        [Required(ErrorMessage = "Bitte geben Sie die E-Mail-Adresse der Mentor*in an.")]
        [MailAddress(ErrorMessage = "Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. name@example.org.")]
        [StringLength(200, ErrorMessage = "Die E-Mail-Adresse ist zu lang.")]
        public string? MentorEmail { get; set; }

        [StringLength(100, ErrorMessage = "Der Name der Mentor*in darf höchstens 100 Zeichen lang sein.")]
        public string? MentorName { get; set; }

        [Required(ErrorMessage = "Bitte beschreiben Sie die Ziele des Mentorings.")]
        [StringLength(Mentorship.GoalsLength, ErrorMessage = "Die Ziele dürfen höchstens 4000 Zeichen lang sein.")]
        public string? Goals { get; set; }

        public DateOnly? StartDate { get; set; }
        public DateOnly? EndDate { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int? pool, CancellationToken ct)
    {
        var managed = await access.ManagedPoolIdsAsync(ct);
        var id = pool ?? managed.Order().FirstOrDefault();
        if (!await LoadAsync(id, ct)) return NotFound();
        Input.PoolId = id;
        Input.StartDate = time.LocalToday();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(Input.PoolId, ct)) return NotFound();
        if (Input.AdvisorId is { } advisorId && Advisors.All(a => a.Id != advisorId))
            ModelState.AddModelError("Input.AdvisorId", text["Bitte wählen Sie eine Berater*in dieses Pools."]);
        if (Input.StartDate is { } start && Input.EndDate is { } end && end < start)
            ModelState.AddModelError("Input.EndDate", text["Das Ende darf nicht vor dem Beginn liegen."]);
        if (!ModelState.IsValid) return Page();

        var email = Input.MentorEmail!.Trim();
        if (await db.Advisors.AnyAsync(a => a.Id == Input.AdvisorId && (a.Email.ToLower() == email.ToLower()
                || db.Users.Any(u => u.Id == a.UserId && u.Email!.ToLower() == email.ToLower())), ct))
        {
            ModelState.AddModelError("Input.MentorEmail", text["Die Berater*in kann nicht ihre eigene Mentor*in sein."]);
            return Page();
        }
        var result = await invitations.EnsureUserAsync(email, string.IsNullOrWhiteSpace(Input.MentorName) ? null : Input.MentorName.Trim(), Roles.Mentor,
            by: new Grantor(access.UserId, access.IsAdministrator), poolId: Input.PoolId, poolName: PoolName);
        if (result.NeedsAdministrator)
        {
            ModelState.AddModelError("Input.MentorEmail", text["Zu dieser Adresse gibt es ein Konto mit einer anderen Rolle. Die Rolle Mentoring kann ihm nur die Administration zusätzlich geben."]);
            return Page();
        }
        if (result.User is null)
        {
            foreach (var e in result.Errors) ModelState.AddModelError("Input.MentorEmail", e);
            return Page();
        }
        if (await db.Mentorships.AnyAsync(m => m.AdvisorId == Input.AdvisorId && m.MentorUserId == result.User.Id
                && (m.Status == MentorshipStatus.Proposed || m.Status == MentorshipStatus.Active), ct))
        {
            ModelState.AddModelError("Input.MentorEmail", text["Diese Mentor*in begleitet die Berater*in bereits."]);
            return Page();
        }

        var now = time.GetUtcNow();
        var pair = new Mentorship
        {
            PoolId = Input.PoolId, AdvisorId = Input.AdvisorId!.Value, MentorUserId = result.User.Id, Goals = Input.Goals!.Trim(),
            StartDate = Input.StartDate, EndDate = Input.EndDate, Status = MentorshipStatus.Proposed, CreatedAt = now, UpdatedAt = now,
        };
        db.Mentorships.Add(pair);
        await db.SaveChangesAsync(ct);
        db.Audit("mentorship.created", $"mentorship:{pair.Id}", access.UserId, pair.PoolId, $"advisor:{pair.AdvisorId}");
        await db.SaveChangesAsync(ct);
        if (result.Created) await invitations.SendAsync(result.User, PoolName, ct, Input.PoolId);
        TempData[StatusMessage.Key] = result.Created
            ? text["Das Mentoring ist angelegt. {0} hat eine Einladung per E-Mail erhalten.", email].Value
            : text["Das Mentoring ist angelegt."].Value;
        return RedirectToPage("/Mentoring/Details", new { id = pair.Id });
    }

    private async Task<bool> LoadAsync(int poolId, CancellationToken ct)
    {
        if (!await access.CanManageAsync(poolId, ct)) return false;
        PoolName = await db.Pools.Where(p => p.Id == poolId).Select(p => p.Name).FirstOrDefaultAsync(ct) ?? "";
        Advisors = await db.Advisors.AsNoTracking().Where(a => a.PoolId == poolId && a.Status != AdvisorStatus.Alumni)
            .OrderBy(a => a.LastName).ThenBy(a => a.FirstName)
            .Select(a => new AdvisorChoice(a.Id, a.LastName + ", " + a.FirstName)).ToListAsync(ct);
        return true;
    }
}
