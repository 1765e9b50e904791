using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Shared.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Privacy.Manage;

/// <summary>
/// "Really erase?": shows what goes, what stays without the person and what is kept by law, and erases only when the
/// administrator types the address again. Refused for oneself and for the last administrator.
/// </summary>
[Authorize(Roles = Roles.Administrator)]
public sealed class EraseModel(PoolAccess access, PersonFinder people, Erasure erasure, UserManager<AppUser> users,
    IStringLocalizer<EraseModel> text) : PageModel
{
    [FromQuery(Name = "email")] public string? Email { get; set; }
    [BindProperty] public string? Confirmation { get; set; }
    public Person Person { get; private set; } = null!;
    public ErasureCounts Plan { get; private set; } = null!;
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : RedirectToPage("/Privacy/Manage/Index");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return RedirectToPage("/Privacy/Manage/Index");
        if (Refusal is not null) return Page();
        if (!string.Equals(Confirmation?.Trim(), Person.Email, StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError(nameof(Confirmation), text["Bitte geben Sie zur Bestätigung die E-Mail-Adresse {0} ein.", Person.Email]);
            return Page();
        }
        var me = await users.GetUserAsync(User);
        var receipt = await erasure.EraseAsync(Person, access.UserId!, me?.DisplayName ?? me?.Email ?? "", ct);
        TempData[StatusMessage.Key] = text["Die Person ist gelöscht. Löschbeleg: {0}.", receipt.Reference].Value;
        return RedirectToPage("/Privacy/Manage/Index");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Email) || !IndexModel.MailLike(Email)) return false;
        Person = await people.ByEmailAsync(Email, ct);
        if (!Person.Found) return false;
        Refusal = await erasure.RefusalAsync(Person, access.UserId, ct) is { } r ? text[r].Value : null;
        Plan = await erasure.PlanAsync(Person, ct);
        return true;
    }
}
