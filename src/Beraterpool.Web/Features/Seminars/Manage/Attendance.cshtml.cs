using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Shared.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Seminars.Manage;

/// <summary>
/// One seminar: its invitations (sent with the .ics file and a personal link) and the attendance list — one group of
/// radio buttons per expected participant, saved in one post (no JavaScript, works on a phone). Who joined the series
/// after the seminar is not listed: they are not counted absent there.
/// </summary>
[Authorize(Roles = Roles.Administrator + "," + Roles.Coordinator)]
public sealed class AttendanceModel(AppDbContext db, PoolAccess access, SeminarProgram program, IStringLocalizer<AttendanceModel> text) : PageModel
{
    [BindProperty] public Dictionary<int, AttendanceStatus?> Statuses { get; set; } = [];
    public Seminar Seminar { get; private set; } = null!;
    public SeriesView View { get; private set; } = null!;
    public IReadOnlyList<(ParticipantProgress Person, ProgressCell Cell)> Rows { get; private set; } = [];
    public int NotYetJoined { get; private set; }
    public SeminarTexts Texts { get; } = new(text);

    public async Task<IActionResult> OnGetAsync(int seminarId, CancellationToken ct) => await LoadAsync(seminarId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int seminarId, CancellationToken ct)
    {
        if (!await LoadAsync(seminarId, ct)) return NotFound();
        var allowed = Rows.Select(r => r.Person.Participant.Id).ToHashSet();
        var statuses = Statuses.Where(s => allowed.Contains(s.Key) && (s.Value is null || Enum.IsDefined(s.Value.Value))).ToDictionary(s => s.Key, s => s.Value);
        var changed = await program.RecordAsync(Seminar, View.Series, statuses, access.UserId, ct);
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

    private async Task<bool> LoadAsync(int seminarId, CancellationToken ct)
    {
        var seminar = await db.Seminars.AsNoTracking().FirstOrDefaultAsync(s => s.Id == seminarId, ct);
        if (seminar is null || await program.ViewAsync(seminar.SeriesId, ct) is not { } view || !await access.CanManageAsync(view.Series.PoolId, ct)) return false;
        (Seminar, View) = (seminar, view);
        var rows = view.Participants.Select(p => (Person: p, Cell: p.Cells.Single(c => c.Seminar.Id == seminarId))).ToList();
        Rows = rows.Where(r => r.Cell.Expected).ToList();
        NotYetJoined = rows.Count - Rows.Count;
        return true;
    }
}
