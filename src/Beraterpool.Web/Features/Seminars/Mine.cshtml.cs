using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Email;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Shared.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Seminars;

/// <summary>"My seminars": the series the signed-in advisor takes part in, their progress, yes/no per coming seminar, their PDF.</summary>
[Authorize]
public sealed class MineModel(AppDbContext db, TimeProvider time, PoolAccess access, PoolCatalog catalog, PublicLinks links, SeminarProgram program,
    IStringLocalizer<MineModel> text) : PageModel
{
    public IReadOnlyList<SeriesView> Series { get; private set; } = [];
    public SeminarTexts Texts { get; } = new(text);
    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAnswerAsync(int seminar, RsvpAnswer answer, CancellationToken ct)
    {
        await LoadAsync(ct);
        var cell = Series.SelectMany(s => s.Participants).SelectMany(p => p.Cells.Select(c => (p, c))).FirstOrDefault(x => x.c.Seminar.Id == seminar && x.c.Expected);
        if (cell.p is null || !Enum.IsDefined(answer) || cell.c.Seminar.StartsAt <= Now) return NotFound();
        await program.AnswerAsync(seminar, cell.p.Participant.Id, answer, ct);
        TempData[StatusMessage.Key] = (answer == RsvpAnswer.Yes ? text["Danke, Sie haben zugesagt."] : text["Danke, Sie haben abgesagt."]).Value;
        return Redirect(Url.Page("/Seminars/Mine") + $"#m{seminar}");
    }

    public async Task<IActionResult> OnGetPdfAsync(int series, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Series.FirstOrDefault(s => s.Series.Id == series) is not { } view || view.Participants.Count == 0) return NotFound();
        var p = view.Participants[0];
        var pool = await catalog.FindAsync(view.Series.PoolId, ct);
        return File(SeminarPdf.Write(SeminarTexts.Document(view, p, pool?.Name ?? "", Now, links.Pool(pool))), "application/pdf",
            p.Certificate is null ? "teilnahmebestaetigung.pdf" : "zertifikat.pdf");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Now = time.GetUtcNow();
        var userId = access.UserId;
        var advisors = userId is null ? [] : await db.Advisors.AsNoTracking().Where(a => a.UserId == userId).Select(a => a.Id).ToListAsync(ct);
        Series = advisors.Count == 0 ? [] : await program.ForAdvisorsAsync(advisors, ct);
    }
}
