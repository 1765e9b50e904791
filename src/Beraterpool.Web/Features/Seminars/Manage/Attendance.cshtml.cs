using Beraterpool.Web.Features.Engagements;
using System.ComponentModel.DataAnnotations;
using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Email;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Shared.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Seminars.Manage;

/// <summary>
/// One seminar: its invitations (sent with the .ics file and a personal link), the attendance list — one group of
/// radio buttons per expected participant, saved in one post (no JavaScript, works on a phone) —, the materials, and
/// the trainers' links that open the same list without an account. Who joined the series after the seminar is not
/// listed: they are not counted absent there.
/// </summary>
[Authorize(Roles = Roles.Administrator + "," + Roles.Coordinator)]
public sealed class AttendanceModel(AppDbContext db, PoolAccess access, PoolCatalog pools, PublicLinks links, SeminarProgram program,
    SeminarMaterials materials, TimeProvider time, IStringLocalizer<AttendanceModel> text) : PageModel
{
    public const string NewLinkKey = "Seminars.NewTrainerLink";

    [BindProperty] public Dictionary<int, AttendanceStatus?> Statuses { get; set; } = [];
    [BindProperty] public TrainerLinkInput Trainer { get; set; } = new();
    public Seminar Seminar { get; private set; } = null!;
    public SeriesView View { get; private set; } = null!;
    public AttendanceList List { get; private set; } = null!;
    public IReadOnlyList<MaterialRow> Materials { get; private set; } = [];
    public IReadOnlyList<TrainerLinkRow> Links { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }
    public SeminarTexts Texts { get; } = new(text);

    public sealed class TrainerLinkInput
    {
        [Required(ErrorMessage = "Bitte geben Sie den Namen der Trainerin oder des Trainers an.")]
        [StringLength(120, ErrorMessage = "Der Name darf höchstens 120 Zeichen lang sein.")]
        public string? Name { get; set; }

        [EmailAddress(ErrorMessage = "Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. name@beispiel.de.")]
        [StringLength(200, ErrorMessage = "Die E-Mail-Adresse ist zu lang.")]
        public string? Email { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int seminarId, CancellationToken ct) => await LoadAsync(seminarId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int seminarId, CancellationToken ct)
    {
        if (!await LoadAsync(seminarId, ct)) return NotFound();
        var changed = await program.RecordAsync(Seminar, View.Series, List.Accept(Statuses), access.UserId, ct);
        TempData[StatusMessage.Key] = text["Anwesenheit gespeichert: {0} Änderungen.", changed].Value;
        return RedirectToPage(new { seminarId });
    }

    public async Task<IActionResult> OnPostInviteAsync(int seminarId, CancellationToken ct)
    {
        if (!await LoadAsync(seminarId, ct)) return NotFound();
        var sent = await program.InviteAsync(Seminar, View.Series, access.UserId, ct);
        TempData[StatusMessage.Key] = text["{0} Einladungen mit Kalenderdatei verschickt.", sent].Value;
        return RedirectToPage(new { seminarId });
    }

    public async Task<IActionResult> OnPostMaterialAsync(int seminarId, IFormFile? file, CancellationToken ct)
    {
        if (!await LoadAsync(seminarId, ct)) return NotFound();
        var name = await db.Users.Where(u => u.Id == access.UserId).Select(u => u.DisplayName ?? u.Email).FirstOrDefaultAsync(ct) ?? "";
        if (await materials.AddAsync(Seminar, View.Series.PoolId, file, access.UserId, name, text, ct) is { } problem)
        {
            ModelState.AddModelError("file", problem);
            return Page();
        }
        TempData[StatusMessage.Key] = text["„{0}“ ist hochgeladen.", SeminarMaterials.DocumentName(file!)].Value;
        return RedirectToPage(null, null, new { seminarId }, "materials");
    }

    /// <summary>Always as an attachment with the type found at upload, never rendered in the page's origin.</summary>
    public async Task<IActionResult> OnGetMaterialAsync(int seminarId, int materialId, CancellationToken ct)
    {
        if (!await LoadAsync(seminarId, ct) || await materials.FindAsync(seminarId, materialId, ct) is not { } file) return NotFound();
        return DocumentUpload.Download(this, file);
    }

    public async Task<IActionResult> OnPostDeleteMaterialAsync(int seminarId, int materialId, CancellationToken ct)
    {
        if (!await LoadAsync(seminarId, ct)) return NotFound();
        if (await materials.DeleteAsync(Seminar, View.Series.PoolId, materialId, access.UserId, ct) is { } name)
            TempData[StatusMessage.Key] = text["„{0}“ ist gelöscht.", name].Value;
        return RedirectToPage(null, null, new { seminarId }, "materials");
    }

    public async Task<IActionResult> OnPostTrainerLinkAsync(int seminarId, CancellationToken ct)
    {
        if (!await LoadAsync(seminarId, ct)) return NotFound();
        ModelState.Clear();
        if (!TryValidateModel(Trainer, nameof(Trainer))) return Page();
        var email = string.IsNullOrWhiteSpace(Trainer.Email) ? null : Trainer.Email.Trim();
        var (token, expires) = await materials.CreateLinkAsync(Seminar, View.Series, Trainer.Name!.Trim(), email, access.UserId, ct);
        // The secret is shown once, to hand over in person; only its hash is kept.
        TempData[NewLinkKey] = links.Pool(await pools.FindAsync(View.Series.PoolId, ct)) + $"/seminars/trainer/{token}";
        TempData[StatusMessage.Key] = (email is null
            ? text["Der Link für {0} gilt bis {1}.", Trainer.Name.Trim(), SeminarTexts.Moment(expires)]
            : text["Der Link für {0} gilt bis {1} und ist an {2} verschickt.", Trainer.Name.Trim(), SeminarTexts.Moment(expires), email]).Value;
        return RedirectToPage(null, null, new { seminarId }, "trainer-links");
    }

    public async Task<IActionResult> OnPostRevokeLinkAsync(int seminarId, int linkId, CancellationToken ct)
    {
        if (!await LoadAsync(seminarId, ct)) return NotFound();
        if (await materials.RevokeLinkAsync(Seminar, View.Series.PoolId, linkId, access.UserId, ct))
            TempData[StatusMessage.Key] = text["Der Link ist gesperrt."].Value;
        return RedirectToPage(null, null, new { seminarId }, "trainer-links");
    }

    private async Task<bool> LoadAsync(int seminarId, CancellationToken ct)
    {
        var seminar = await db.Seminars.AsNoTracking().FirstOrDefaultAsync(s => s.Id == seminarId, ct);
        if (seminar is null || await program.ViewAsync(seminar.SeriesId, ct) is not { } view || !await access.CanManageAsync(view.Series.PoolId, ct)) return false;
        (Seminar, View, Now) = (seminar, view, time.GetUtcNow());
        List = view.ListOf(seminarId, Texts);
        Materials = await materials.ListAsync(seminarId, ct);
        Links = await materials.LinksAsync(seminarId, ct);
        return true;
    }
}
