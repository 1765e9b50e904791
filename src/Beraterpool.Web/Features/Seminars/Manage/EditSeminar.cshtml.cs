using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Audit;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Shared;
using Beraterpool.Web.Features.Shared.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Seminars.Manage;

/// <summary>A seminar of a series: title, German local date and times, place or online link, trainers, topics, agenda and materials.</summary>
[Authorize(Roles = Roles.Administrator + "," + Roles.Coordinator)]
public sealed class EditSeminarModel(AppDbContext db, TimeProvider time, PoolAccess access, IStringLocalizer<EditSeminarModel> text) : PageModel
{
    [BindProperty] public SeminarInput Input { get; set; } = new();
    public SeminarSeries Series { get; private set; } = null!;
    public int? SeminarId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int seriesId, int? seminarId, CancellationToken ct)
    {
        if (!await LoadAsync(seriesId, ct)) return NotFound();
        if (seminarId is { } id)
        {
            var m = await db.Seminars.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.SeriesId == seriesId, ct);
            if (m is null) return NotFound();
            SeminarId = id;
            var (s, e) = (ProgrammeTime.ToLocal(m.StartsAt), ProgrammeTime.ToLocal(m.EndsAt));
            Input = new SeminarInput
            {
                Title = m.Title, Date = DateOnly.FromDateTime(s.DateTime), StartTime = TimeOnly.FromDateTime(s.DateTime),
                EndDate = s.Date == e.Date ? null : DateOnly.FromDateTime(e.DateTime), EndTime = TimeOnly.FromDateTime(e.DateTime),
                Place = m.Place, OnlineUrl = m.OnlineUrl, Trainers = m.Trainers, Topics = m.Topics, Agenda = m.Agenda, Materials = m.Materials,
            };
        }
        else (Input.StartTime, Input.EndTime) = (new TimeOnly(10, 0), new TimeOnly(17, 0));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int seriesId, int? seminarId, CancellationToken ct)
    {
        if (!await LoadAsync(seriesId, ct)) return NotFound();
        Seminar? m = null;
        if (seminarId is { } id)
        {
            m = await db.Seminars.FirstOrDefaultAsync(x => x.Id == id && x.SeriesId == seriesId, ct);
            if (m is null) return NotFound();
            SeminarId = id;
        }
        DateTimeOffset? starts = null, ends = null;
        if (Clean(Input.OnlineUrl) is { } url && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
            ModelState.AddModelError("Input.OnlineUrl", text["Bitte geben Sie einen vollständigen Link an, der mit https:// beginnt."]);
        if (Input is { Date: { } date, StartTime: { } start, EndTime: { } end })
        {
            starts = ProgrammeTime.FromLocal(date, start);
            ends = ProgrammeTime.FromLocal(Input.EndDate ?? date, end);
            if (starts is null) ModelState.AddModelError("Input.StartTime", text["Diese Uhrzeit gibt es an dem Tag nicht (Umstellung auf Sommerzeit). Bitte wählen Sie eine andere."]);
            if (ends is null) ModelState.AddModelError("Input.EndTime", text["Diese Uhrzeit gibt es an dem Tag nicht (Umstellung auf Sommerzeit). Bitte wählen Sie eine andere."]);
            if (starts is not null && ends is not null && ends <= starts) ModelState.AddModelError("Input.EndTime", text["Das Ende muss nach dem Beginn liegen."]);
        }
        if (!ModelState.IsValid) return Page();
        var now = time.GetUtcNow();
        if (m is null)
        {
            m = new Seminar { SeriesId = seriesId, Title = "", CreatedAt = now };
            db.Seminars.Add(m);
        }
        else if (m.StartsAt != starts || m.EndsAt != ends || m.Place != Clean(Input.Place) || m.Title != Input.Title!.Trim()) m.CalendarSequence++;
        m.Title = Input.Title!.Trim();
        (m.StartsAt, m.EndsAt) = (starts!.Value, ends!.Value);
        (m.Place, m.OnlineUrl, m.Trainers) = (Clean(Input.Place), Clean(Input.OnlineUrl), Clean(Input.Trainers));
        (m.Topics, m.Agenda, m.Materials) = (Markdown(Input.Topics), Markdown(Input.Agenda), Markdown(Input.Materials));
        m.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        db.Audit(SeminarId is null ? "seminar.created" : "seminar.updated", $"seminar:{m.Id}", access.UserId, Series.PoolId, m.Title);
        await db.SaveChangesAsync(ct);
        TempData[StatusMessage.Key] = text["Das Seminar „{0}“ ist gespeichert.", m.Title].Value;
        return RedirectToPage("/Seminars/Manage/Series", new { seriesId });
    }

    private async Task<bool> LoadAsync(int seriesId, CancellationToken ct)
    {
        var s = await db.SeminarSeries.AsNoTracking().FirstOrDefaultAsync(x => x.Id == seriesId, ct);
        if (s is null || !await access.CanManageAsync(s.PoolId, ct)) return false;
        Series = s;
        return true;
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
    private static string? Markdown(string? s) => Clean(s)?.ReplaceLineEndings("\n");
}
