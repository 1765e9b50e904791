using System.Globalization;
using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Beraterpool.Web.Features.Engagements;

/// <summary>Settings <c>Activities:…</c>: how far back and ahead an activity may be dated.</summary>
public sealed class ActivityDateOptions
{
    /// <summary>Earlier calendar months open besides the current one: 1 = the current and the previous month.</summary>
    public int PreviousMonths { get; set; } = 1;

    /// <summary>Days after today an activity may lie; 0 = today at most (work is logged once it has been done).</summary>
    public int FutureDays { get; set; }
}

/// <summary>
/// The dates an activity may have: within the engagement (from its start, and never before the request came in, to
/// its closing) and within the window
/// around today (programme time): from the first of the month <see cref="ActivityDateOptions.PreviousMonths"/>
/// back to <see cref="ActivityDateOptions.FutureDays"/> ahead. Dated anywhere else it would draw on a year's quota
/// that nobody watches any more (or not yet).
/// </summary>
public sealed record ActivityDateWindow(DateOnly First, DateOnly Last, bool FirstIsStart, bool LastIsClosing, bool FirstIsRequest = false)
{
    // requested: the day the request came in; work before it was not done for this engagement.
    public static ActivityDateWindow For(DateOnly today, ActivityDateOptions options, DateOnly started, DateOnly? closed, DateOnly? requested = null)
    {
        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(-Math.Max(0, options.PreviousMonths));
        var last = today.AddDays(Math.Max(0, options.FutureDays));
        var (end, closes) = closed is { } c && c < last ? (c, true) : (last, false);
        // An engagement recorded as started before its request (imported, seeded) still takes no day before the request.
        var (begin, isRequest) = requested is { } r && r > started ? (r, true) : (started, false);
        return new ActivityDateWindow(begin > first ? begin : first, end, begin > first, closes, begin > first && isRequest);
    }

    public bool Contains(DateOnly date) => date >= First && date <= Last;
}

/// <summary>Checks an activity's date against <see cref="ActivityDateWindow"/> and says in words what is wrong.</summary>
public sealed class ActivityDates(TimeProvider time, AppDbContext db, IOptions<ActivityDateOptions> options, IStringLocalizer<ActivityDates> text)
{
    public async Task<ActivityDateWindow> WindowAsync(int engagementId, CancellationToken ct)
    {
        var e = await db.Engagements.AsNoTracking().Where(x => x.Id == engagementId)
            .Select(x => new { x.StartedAt, x.ClosedAt, Requested = db.ConsultationRequests.Where(r => r.Id == x.RequestId).Select(r => r.CreatedAt).First() })
            .SingleAsync(ct);
        return ActivityDateWindow.For(time.LocalToday(), options.Value, ProgrammeTime.LocalDate(e.StartedAt),
            e.ClosedAt is { } closed ? ProgrammeTime.LocalDate(closed) : null, ProgrammeTime.LocalDate(e.Requested));
    }

    /// <summary>Null when <paramref name="date"/> is allowed, else the message for the date field.</summary>
    public async Task<string?> ProblemAsync(int engagementId, DateOnly date, CancellationToken ct)
    {
        var window = await WindowAsync(engagementId, ct);
        if (window.Contains(date)) return null;
        var first = window.First.ToString("d", CultureInfo.CurrentCulture);
        var last = window.Last.ToString("d", CultureInfo.CurrentCulture);
        if (date < window.First && window.FirstIsRequest)
            return text["Die Anfrage der Kommune ist am {0} eingegangen. Aktivitäten davor gehören nicht zu dieser Begleitung; bitte wählen Sie ein Datum ab diesem Tag.", first];
        if (date < window.First)
            return window.FirstIsStart
                ? text["Die Begleitung hat am {0} begonnen. Bitte wählen Sie ein Datum ab diesem Tag.", first]
                : text["Aktivitäten lassen sich bis zum {0} zurück eintragen. Für frühere Tage wenden Sie sich bitte an die Koordinierungsstelle.", first];
        if (window.LastIsClosing) return text["Die Begleitung ist am {0} abgeschlossen worden. Bitte wählen Sie ein Datum bis zu diesem Tag.", last];
        return window.Last == time.LocalToday()
            ? text["Das Datum liegt in der Zukunft. Bitte tragen Sie Aktivitäten ein, wenn sie stattgefunden haben."]
            : text["Aktivitäten lassen sich höchstens bis zum {0} im Voraus eintragen.", last];
    }
}
