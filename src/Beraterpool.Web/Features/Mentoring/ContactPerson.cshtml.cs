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

namespace Beraterpool.Web.Features.Mentoring;

/// <summary>
/// The office names an advisor's individual contact person: one of the pool's coordinators, with the office phone
/// number the advisor calls.
/// The form sits on the office's advisor page and posts here; a failed post shows it here with what was typed.
/// </summary>
[Authorize(Roles = Roles.Administrator + "," + Roles.Coordinator)]
public sealed class ContactPersonModel(AppDbContext db, PoolAccess access, ContactPersons contacts, TimeProvider time, IStringLocalizer<ContactPersonModel> text) : PageModel
{
    public ContactPersonForm Form { get; private set; } = null!;

    [BindProperty] public string? ContactUserId { get; set; }

    [BindProperty]
    [StringLength(40, ErrorMessage = "Die Telefonnummer darf höchstens 40 Zeichen lang sein.")]
    [RegularExpression(@"^\+?[0-9 ()/\-]{3,40}$", ErrorMessage = "Bitte geben Sie die Telefonnummer mit Ziffern an, z. B. 0211 123456-78.")]
    public string? ContactPhone { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is not { } form) return NotFound();
        Form = new ContactPersonForm(form, form.CurrentUserId, form.CurrentPhone);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is not { } form) return NotFound();
        var chosen = string.IsNullOrEmpty(ContactUserId) ? null : ContactUserId;
        if (chosen is not null && form.Choices.All(c => c.UserId != chosen))
            ModelState.AddModelError(nameof(ContactUserId), text["Bitte wählen Sie eine Person der Koordinierungsstelle dieses Pools."]);
        if (chosen is null && !string.IsNullOrWhiteSpace(ContactPhone))
            ModelState.AddModelError(nameof(ContactPhone), text["Bitte wählen Sie zuerst die Ansprechperson, deren Telefonnummer Sie angeben."]);
        Form = new ContactPersonForm(form, ContactUserId, ContactPhone);
        if (!ModelState.IsValid) return Page();

        var row = await db.AdvisorContactPersons.FirstOrDefaultAsync(c => c.AdvisorId == id, ct);
        if (chosen is null)
        {
            if (row is not null) db.AdvisorContactPersons.Remove(row);
        }
        else
        {
            if (row is null) db.AdvisorContactPersons.Add(row = new AdvisorContactPerson { AdvisorId = id, PoolId = form.PoolId, UserId = chosen });
            (row.UserId, row.PoolId, row.AssignedAt) = (chosen, form.PoolId, time.GetUtcNow());
            row.Phone = string.IsNullOrWhiteSpace(ContactPhone) ? null : ContactPhone.Trim();
        }
        db.Audit("advisor.contactperson.set", $"advisor:{id}", access.UserId, form.PoolId, chosen is null ? "none" : $"user:{chosen}");
        await db.SaveChangesAsync(ct);
        TempData[StatusMessage.Key] = chosen is null
            ? text["Für {0} ist keine Ansprechperson mehr eingetragen.", form.AdvisorName].Value
            : text["Die Ansprechperson von {0} ist gespeichert.", form.AdvisorName].Value;
        return RedirectToPage("/Advisors/Manage/Edit", new { id });
    }

    private async Task<ContactPersons.Form?> LoadAsync(int id, CancellationToken ct)
    {
        var form = await contacts.FormAsync(id, ct);
        return form is not null && await access.CanManageAsync(form.PoolId, ct) ? form : null;
    }
}

/// <summary>What the contact-person form shows: the choices and the values (saved, or as typed in a failed post).</summary>
public sealed class ContactPersonForm(ContactPersons.Form form, string? contactUserId, string? contactPhone)
{
    public ContactPersons.Form Data { get; } = form;
    public string? ContactUserId { get; } = contactUserId;
    public string? ContactPhone { get; } = contactPhone;
}
