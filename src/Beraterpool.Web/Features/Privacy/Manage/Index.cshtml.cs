using System.Text.Json;
using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Audit;
using Beraterpool.Web.Features.Pools;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Privacy.Manage;

/// <summary>
/// Administrators serve a person's rights here: find whoever an e-mail address names (an account, an advisor profile,
/// the contact of a request), download what is held about them, or go on to erase them. Each download is audited:
/// it holds another person's special-category data and bank details.
/// </summary>
[Authorize(Roles = Roles.Administrator)]
public sealed class IndexModel(AppDbContext db, PoolAccess access, PersonFinder people, DataExport export, UserManager<AppUser> users,
    TimeProvider time, IStringLocalizer<IndexModel> text) : PageModel
{
    [FromQuery(Name = "email")] public string? Email { get; set; }
    public Person? Found { get; private set; }
    public IReadOnlyList<string> AccountRoles { get; private set; } = [];
    public IReadOnlyList<ReceiptRow> Receipts { get; private set; } = [];

    public sealed record ReceiptRow(string Reference, DateTimeOffset At, string ByName, ErasureCounts Counts);

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(Email))
        {
            if (!MailLike(Email)) ModelState.AddModelError(nameof(Email), text["Bitte geben Sie eine E-Mail-Adresse an, z. B. name@beispiel.de."]);
            else
            {
                Found = await people.ByEmailAsync(Email, ct);
                if (Found.Account is { } account) AccountRoles = (await users.GetRolesAsync(account)).Order(StringComparer.Ordinal).ToList();
            }
        }
        var rows = await db.ErasureReceipts.AsNoTracking().OrderByDescending(r => r.Id).Take(20)
            .Select(r => new { r.Reference, r.At, r.ByName, r.Counts }).ToListAsync(ct);
        Receipts = rows.Select(r => new ReceiptRow(r.Reference, r.At, r.ByName, JsonSerializer.Deserialize<ErasureCounts>(r.Counts, DataExport.Json)!)).ToList();
    }

    public async Task<IActionResult> OnPostExportAsync(string? email, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(email) || !MailLike(email)) return RedirectToPage();
        var person = await people.ByEmailAsync(email, ct);
        if (!person.Found) return RedirectToPage(new { email });
        db.Audit("privacy.exported", Subject(person), access.UserId, details: $"email={person.Email}");
        await db.SaveChangesAsync(ct);
        var zip = await export.ZipAsync(person, ct);
        return File(zip, "application/zip", DataExport.FileName(time.GetUtcNow()));
    }

    /// <summary>The audit subject of a person: their account, else their profile, else the request they are the contact of.</summary>
    public static string Subject(Person p) =>
        p.UserId is { } u ? $"user:{u}" : p.AdvisorIds.Count > 0 ? $"advisor:{p.AdvisorIds[0]}" : $"request:{p.ContactRequestIds[0]}";

    public static bool MailLike(string s) => s.Trim() is { Length: > 2 and <= 256 } t && t.IndexOf('@') is > 0 and var at && at < t.Length - 1;
}
