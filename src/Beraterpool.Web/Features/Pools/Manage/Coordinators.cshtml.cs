using System.ComponentModel.DataAnnotations;
using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Audit;
using Beraterpool.Web.Features.Shared.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Pools.Manage;

/// <summary>Assigns coordinators to a pool by e-mail; an address without an account gets one and an invitation.</summary>
[Authorize(Roles = Roles.Administrator)]
public sealed class CoordinatorsModel(AppDbContext db, Invitations invitations, PoolAccess access, IStringLocalizer<CoordinatorsModel> text) : PageModel
{
    public sealed record Row(string UserId, string Email, string? DisplayName, bool HasPassword);

    [BindProperty] public InputModel Input { get; set; } = new();
    public string PoolName { get; private set; } = "";
    public IReadOnlyList<Row> Coordinators { get; private set; } = [];

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Bitte geben Sie eine E-Mail-Adresse an.")]
        [MailAddress(ErrorMessage = "Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. name@example.org.")]
        [StringLength(200, ErrorMessage = "Die E-Mail-Adresse ist zu lang.")]
        public string Email { get; set; } = "";

        [StringLength(100, ErrorMessage = "Der Name darf höchstens 100 Zeichen lang sein.")]
        public string? DisplayName { get; set; }

        /// <summary>The administrator confirms that an advisor shall coordinate (she then sees the pool's requests, fees and profiles).</summary>
        public bool AdvisorConfirmed { get; set; }
    }

    /// <summary>Set when the address belongs to an advisor: the form asks for confirmation.</summary>
    public string? AdvisorWarning { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!ModelState.IsValid) return Page();
        var email = Input.Email.Trim().ToLower();
        var advisorIn = await db.Advisors.Where(a => a.Email.ToLower() == email || db.Users.Any(u => u.Id == a.UserId && u.Email!.ToLower() == email))
            .Join(db.Pools, a => a.PoolId, p => p.Id, (a, p) => p.Name).FirstOrDefaultAsync(ct);
        if (advisorIn is not null && !Input.AdvisorConfirmed)
        {
            AdvisorWarning = text["{0} ist Berater*in im Pool {1}. Als Koordinierung von {2} sähe diese Person alle Anfragen, Honorarabrechnungen und Profile des Pools; ihre eigenen Tage und Abrechnungen gibt weiterhin eine andere Person frei.",
                Input.Email, advisorIn, PoolName].Value;
            ModelState.AddModelError("Input.AdvisorConfirmed", text["Bitte bestätigen Sie, dass diese Berater*in den Pool koordinieren soll."]);
            return Page();
        }
        var result = await invitations.EnsureUserAsync(Input.Email, string.IsNullOrWhiteSpace(Input.DisplayName) ? null : Input.DisplayName.Trim(), Roles.Coordinator,
            by: new Grantor(access.UserId, access.IsAdministrator), poolId: id, poolName: PoolName);
        if (result.User is null)
        {
            foreach (var e in result.Errors) ModelState.AddModelError("Input.Email", e);
            return Page();
        }
        if (await db.PoolCoordinators.AnyAsync(c => c.PoolId == id && c.UserId == result.User.Id, ct))
        {
            ModelState.AddModelError("Input.Email", text["{0} koordiniert diesen Pool bereits.", Input.Email]);
            return Page();
        }
        db.PoolCoordinators.Add(new PoolCoordinator { PoolId = id, UserId = result.User.Id });
        db.Audit("pool.coordinator.added", $"pool:{id}", access.UserId, id, advisorIn is null ? result.User.Email : $"{result.User.Email}; advisor in {advisorIn}, confirmed");
        await db.SaveChangesAsync(ct);
        if (result.Created) await invitations.SendAsync(result.User, PoolName, ct, id);
        TempData[StatusMessage.Key] = result.Created
            ? text["{0} ist als Koordinierung eingetragen und hat eine Einladung per E-Mail erhalten.", result.User.Email!].Value
            : text["{0} ist als Koordinierung eingetragen.", result.User.Email!].Value;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, string userId, CancellationToken ct)
    {
        var link = await db.PoolCoordinators.FirstOrDefaultAsync(c => c.PoolId == id && c.UserId == userId, ct);
        if (link is null) return NotFound();
        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).FirstOrDefaultAsync(ct);
        db.PoolCoordinators.Remove(link);
        db.Audit("pool.coordinator.removed", $"pool:{id}", access.UserId, id, email);
        await db.SaveChangesAsync(ct);
        TempData[StatusMessage.Key] = text["{0} koordiniert diesen Pool nicht mehr.", email ?? ""].Value;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostResendAsync(int id, string userId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId && db.PoolCoordinators.Any(c => c.PoolId == id && c.UserId == u.Id), ct);
        if (user is null) return NotFound();
        await invitations.SendAsync(user, PoolName, ct, id);
        db.Audit("pool.coordinator.invited", $"pool:{id}", access.UserId, id, user.Email);
        await db.SaveChangesAsync(ct);
        TempData[StatusMessage.Key] = text["Die Einladung an {0} ist neu verschickt.", user.Email ?? ""].Value;
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var name = await db.Pools.Where(p => p.Id == id).Select(p => p.Name).FirstOrDefaultAsync(ct);
        if (name is null) return false;
        PoolName = name;
        Coordinators = await db.PoolCoordinators.Where(c => c.PoolId == id)
            .Join(db.Users, c => c.UserId, u => u.Id, (c, u) => u)
            .OrderBy(u => u.Email)
            .Select(u => new Row(u.Id, u.Email ?? "", u.DisplayName, u.PasswordHash != null))
            .ToListAsync(ct);
        return true;
    }
}
