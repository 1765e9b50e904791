using System.ComponentModel.DataAnnotations;
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

namespace Beraterpool.Web.Features.Advisors.Manage;

/// <summary>A coordinator creates an advisor record and, usually at once, invites the person by e-mail.</summary>
[Authorize(Roles = Roles.Administrator + "," + Roles.Coordinator)]
public sealed class NewModel(TimeProvider time, AppDbContext db, PoolAccess access, PoolCatalog catalog, AdvisorInvitation invitation, DataVersions versions,
    IStringLocalizer<NewModel> text) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    public IReadOnlyList<PoolInfo> Pools { get; private set; } = [];

    public sealed class InputModel
    {
        public int PoolId { get; set; }

        [Required(ErrorMessage = "Bitte geben Sie den Vornamen an.")]
        [StringLength(80, ErrorMessage = "Der Vorname darf höchstens 80 Zeichen lang sein.")]
        public string FirstName { get; set; } = "";

        [Required(ErrorMessage = "Bitte geben Sie den Nachnamen an.")]
        [StringLength(80, ErrorMessage = "Der Nachname darf höchstens 80 Zeichen lang sein.")]
        public string LastName { get; set; } = "";

        [Required(ErrorMessage = "Bitte geben Sie eine E-Mail-Adresse an.")]
        [MailAddress(ErrorMessage = "Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. name@example.org.")]
        [StringLength(200, ErrorMessage = "Die E-Mail-Adresse ist zu lang.")]
        public string Email { get; set; } = "";

        public AdvisorStatus Status { get; set; } = AdvisorStatus.Applicant;
        public bool SendInvitation { get; set; } = true;
    }

    public async Task<IActionResult> OnGetAsync(int? pool, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Pools.Count == 0) return NotFound();
        Input.PoolId = Pools.Any(p => p.Id == pool) ? pool!.Value : Pools[0].Id;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Pools.Count == 0) return NotFound();
        if (Pools.All(p => p.Id != Input.PoolId)) ModelState.AddModelError("Input.PoolId", text["Bitte wählen Sie einen Ihrer Pools."]);
        if (!Enum.IsDefined(Input.Status)) ModelState.AddModelError("Input.Status", text["Bitte wählen Sie einen Status aus der Liste."]);
        var email = Input.Email?.Trim() ?? "";
        if (ModelState.IsValid && await db.Advisors.AnyAsync(a => a.PoolId == Input.PoolId && a.Email.ToLower() == email.ToLower(), ct))
            ModelState.AddModelError("Input.Email", text["In diesem Pool gibt es schon ein Profil mit dieser E-Mail-Adresse."]);
        if (ModelState.IsValid && Input.SendInvitation && await invitation.NeedsAdministratorAsync(email))
            ModelState.AddModelError("Input.Email", text["Diese E-Mail-Adresse gehört zu einem Konto mit einer anderen Rolle (zum Beispiel Koordinierung oder Administration). Die Rolle Berater*in kann diesem Konto nur die Administration geben."]);
        if (!ModelState.IsValid) return Page();

        var now = time.GetUtcNow();
        var advisor = new Advisor
        {
            PoolId = Input.PoolId, FirstName = Input.FirstName.Trim(), LastName = Input.LastName.Trim(), Email = email, Status = Input.Status,
            Slug = await SlugText.UniqueAsync($"{Input.FirstName} {Input.LastName}", s => db.Advisors.AnyAsync(a => a.PoolId == Input.PoolId && a.Slug == s, ct)),
            CreatedAt = now, UpdatedAt = now,
        };
        db.Advisors.Add(advisor);
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            // The audit entry names the new id, so the profile is saved first; both and the version in one transaction.
            await db.SaveChangesAsync(ct);
            db.Audit("advisor.created", $"advisor:{advisor.Id}", access.UserId, advisor.PoolId, $"{advisor.FullName}; status={advisor.Status}");
            await versions.SaveChangesAsync(db, DataVersions.Pool(advisor.PoolId), ct);
            await tx.CommitAsync(ct);
        }

        string message = text["Das Profil von {0} ist angelegt.", advisor.FullName];
        if (Input.SendInvitation)
        {
            message += " " + (await invitation.InviteAsync(advisor, ct) switch
            {
                AdvisorInvitation.Outcome.Sent => text["Die Einladung ist per E-Mail unterwegs."].Value,
                AdvisorInvitation.Outcome.AlreadyActive => text["Die Person hat schon ein Konto und kann sich mit ihrem Passwort anmelden."].Value,
                AdvisorInvitation.Outcome.EmailTaken => text["Keine Einladung: Diese E-Mail-Adresse gehört schon zum Konto eines anderen Profils."].Value,
                AdvisorInvitation.Outcome.NeedsAdministrator => text["Diese E-Mail-Adresse gehört zu einem Konto mit einer anderen Rolle (zum Beispiel Koordinierung oder Administration). Die Rolle Berater*in kann diesem Konto nur die Administration geben."].Value,
                _ => text["Die Einladung konnte nicht verschickt werden."].Value,
            });
        }
        TempData[StatusMessage.Key] = message;
        return RedirectToPage("/Advisors/Manage/Edit", new { id = advisor.Id });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var managed = await access.ManagedPoolIdsAsync(ct);
        Pools = (await catalog.AllAsync(ct)).Where(p => managed.Contains(p.Id)).OrderBy(p => p.Name).ToList();
    }
}
