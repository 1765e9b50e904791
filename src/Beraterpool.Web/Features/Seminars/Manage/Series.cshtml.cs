using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Advisors;
using Beraterpool.Web.Features.Email;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Shared.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Choice = Beraterpool.Web.Features.Events.Manage.Choice;

namespace Beraterpool.Web.Features.Seminars.Manage;

/// <summary>
/// The office's page of a series: its seminars, every participant's progress (seminars attended of those expected) and
/// certificate, adding participants, issuing all certificates in one post with the counts, and each person's PDF.
/// </summary>
[Authorize(Roles = Roles.Administrator + "," + Roles.Coordinator)]
public sealed class SeriesModel(AppDbContext db, TimeProvider time, PoolAccess access, PoolCatalog catalog, PublicLinks links, SeminarProgram program,
    IStringLocalizer<SeriesModel> text) : PageModel
{
    public SeriesView View { get; private set; } = null!;
    public IReadOnlyList<Choice> AdvisorChoices { get; private set; } = [];
    public SeminarTexts Texts { get; } = new(text);
    [BindProperty] public int? AdvisorId { get; set; }

    public async Task<IActionResult> OnGetAsync(int seriesId, CancellationToken ct) => await LoadAsync(seriesId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddAsync(int seriesId, CancellationToken ct)
    {
        if (!await LoadAsync(seriesId, ct)) return NotFound();
        if (AdvisorId is not { } id || AdvisorChoices.All(c => c.Value != id.ToString()))
        {
            ModelState.AddModelError(nameof(AdvisorId), text["Bitte wählen Sie eine Person aus der Liste."]);
            return Page();
        }
        await program.AddParticipantAsync(View.Series, id, access.UserId, ct);
        TempData[StatusMessage.Key] = text["Die Person nimmt ab heute teil; frühere Seminare zählen für sie nicht als versäumt."].Value;
        return RedirectToPage(new { seriesId });
    }

    public async Task<IActionResult> OnPostAddInQualificationAsync(int seriesId, CancellationToken ct)
    {
        if (!await LoadAsync(seriesId, ct)) return NotFound();
        var added = await program.AddAdvisorsInQualificationAsync(View.Series, fromStart: false, access.UserId, ct);
        TempData[StatusMessage.Key] = text["{0} Berater*innen in Qualifizierung hinzugefügt.", added].Value;
        return RedirectToPage(new { seriesId });
    }

    public async Task<IActionResult> OnPostCertificatesAsync(int seriesId, CancellationToken ct)
    {
        if (!await LoadAsync(seriesId, ct)) return NotFound();
        var result = await program.IssueAllAsync(View, access.UserId, ct);
        TempData[StatusMessage.Key] = text["Zertifikate: {0} neu ausgestellt, {1} waren schon ausgestellt, {2} Teilnehmende erfüllen die Regel nicht (sie bekommen eine Teilnahmebestätigung).",
            result.Issued, result.AlreadyHad, result.NotMet].Value;
        return RedirectToPage(new { seriesId });
    }

    public async Task<IActionResult> OnGetPdfAsync(int seriesId, int participant, CancellationToken ct)
    {
        if (!await LoadAsync(seriesId, ct) || View.Participants.FirstOrDefault(p => p.Participant.Id == participant) is not { } p) return NotFound();
        var pool = await catalog.FindAsync(View.Series.PoolId, ct);
        var pdf = SeminarPdf.Write(SeminarTexts.Document(View, p, pool?.Name ?? "", time.GetUtcNow(), links.Pool(pool)));
        return File(pdf, "application/pdf", p.Certificate is null ? $"teilnahmebestaetigung-{participant}.pdf" : $"zertifikat-{participant}.pdf");
    }

    private async Task<bool> LoadAsync(int seriesId, CancellationToken ct)
    {
        if (await program.ViewAsync(seriesId, ct) is not { } view || !await access.CanManageAsync(view.Series.PoolId, ct)) return false;
        View = view;
        var taken = view.Participants.Select(p => p.Participant.AdvisorId).ToList();
        AdvisorChoices = await db.Advisors.AsNoTracking().Where(a => a.PoolId == view.Series.PoolId && !taken.Contains(a.Id) && a.Status != AdvisorStatus.Alumni)
            .OrderBy(a => a.LastName).ThenBy(a => a.FirstName).Select(a => new Choice(a.Id.ToString(), a.FirstName + " " + a.LastName)).ToListAsync(ct);
        return true;
    }
}
