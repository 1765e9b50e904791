using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Events;
using Beraterpool.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Stakeholders;

/// <summary>One line of a timeline: written by the office, or an event registration read from the events (<see cref="EventId"/> set).</summary>
/// <remarks><see cref="InterviewId"/> set: a finished interview with the organisation's municipality, read from the interviews.
/// <see cref="OutcomeEventId"/> set: an outcome of that event with the organisation or its municipality, read from the events.</remarks>
public sealed record TimelineItem(DateOnly On, TimelineKind Kind, string Subject, string? Notes, int? EntryId, int? EventId, int? InterviewId = null,
    int? OutcomeEventId = null, EventOutcomeKind? OutcomeKind = null);

public sealed record FollowUpItem(int Id, string Title, DateOnly DueOn, string? OwnerUserId, string? OwnerName, bool Done, int? OrganisationId, int? ContactId, string About);

/// <summary>
/// The timeline of an organisation or a contact: the entries written by hand, and the pool's events someone registered
/// for under the organisation's name or the contact's e-mail address — read from the registrations, never copied — and,
/// for an organisation linked to a municipality, the pool's finished interviews with that municipality.
/// </summary>
public sealed class StakeholderTimeline(AppDbContext db)
{
    public async Task<IReadOnlyList<TimelineItem>> ForOrganisationAsync(Organisation o, CancellationToken ct)
    {
        var written = await db.TimelineEntries.AsNoTracking().Where(t => t.OrganisationId == o.Id)
            .Select(t => new TimelineItem(t.On, t.Kind, t.Subject, t.Notes, t.Id, null)).ToListAsync(ct);
        var name = o.Name.ToLower();
        var events = await db.EventRegistrations.AsNoTracking()
            .Where(r => r.Organisation != null && r.Organisation.ToLower() == name && r.Status != RegistrationStatus.Cancelled && r.Status != RegistrationStatus.Expired)
            .Join(db.Events.Where(e => e.PoolId == o.PoolId), r => r.EventId, e => e.Id, (r, e) => new { e.Id, e.Title, e.StartsAt })
            .GroupBy(x => new { x.Id, x.Title, x.StartsAt }).Select(g => new { g.Key.Id, g.Key.Title, g.Key.StartsAt, Count = g.Count() })
            .ToListAsync(ct);
        // The pool's finished interviews with the municipality the organisation stands for, read live like the registrations.
        var interviews = o.MunicipalityKey is not { } key ? [] : await db.Interviews.AsNoTracking()
            .Where(i => i.PoolId == o.PoolId && i.MunicipalityKey == key && i.FinishedAt != null)
            .Select(i => new TimelineItem(i.HeldOn, TimelineKind.Interview,
                db.InterviewGuides.Where(g => g.Id == i.GuideId).Select(g => g.Title).First(), i.IntervieweeFunction, null, null, i.Id))
            .ToListAsync(ct);
        // What came of the pool's events with the organisation, or with the municipality it stands for, read live as well.
        var municipality = o.MunicipalityKey;
        var outcomes = (await db.EventOutcomes.AsNoTracking().Where(x => x.OrganisationId == o.Id || (municipality != null && x.MunicipalityKey == municipality))
                .Join(db.Events.Where(e => e.PoolId == o.PoolId), x => x.EventId, e => e.Id, (x, e) => new { x.Kind, x.Text, e.Id, e.Title, e.StartsAt })
                .ToListAsync(ct))
            .Select(x => new TimelineItem(ProgrammeTime.LocalDate(x.StartsAt), TimelineKind.EventOutcome, x.Title, x.Text, null, null, null, x.Id, x.Kind));
        return Merge(written.Concat(interviews).Concat(outcomes), events.Select(e => new TimelineItem(ProgrammeTime.LocalDate(e.StartsAt), TimelineKind.EventAttendance, e.Title,
            e.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), null, e.Id)));
    }

    public async Task<IReadOnlyList<TimelineItem>> ForContactAsync(Contact c, CancellationToken ct)
    {
        var written = await db.TimelineEntries.AsNoTracking().Where(t => t.ContactId == c.Id)
            .Select(t => new TimelineItem(t.On, t.Kind, t.Subject, t.Notes, t.Id, null)).ToListAsync(ct);
        if (string.IsNullOrEmpty(c.Email)) return Merge(written, []);
        var email = c.Email.ToLower();
        var events = await db.EventRegistrations.AsNoTracking()
            .Where(r => r.Email.ToLower() == email && r.Status != RegistrationStatus.Cancelled && r.Status != RegistrationStatus.Expired)
            .Join(db.Events.Where(e => e.PoolId == c.PoolId), r => r.EventId, e => e.Id, (r, e) => new { e.Id, e.Title, e.StartsAt })
            .Distinct().ToListAsync(ct);
        return Merge(written, events.Select(e => new TimelineItem(ProgrammeTime.LocalDate(e.StartsAt), TimelineKind.EventAttendance, e.Title, null, null, e.Id)));
    }

    private static List<TimelineItem> Merge(IEnumerable<TimelineItem> a, IEnumerable<TimelineItem> b) =>
        a.Concat(b).OrderByDescending(i => i.On).ThenBy(i => i.Subject, StringComparer.CurrentCulture).ToList();

    public Task<List<FollowUpItem>> FollowUpsAsync(IQueryable<FollowUp> query, CancellationToken ct) => query
        .OrderBy(f => f.DoneAt != null).ThenBy(f => f.DueOn)
        .Select(f => new FollowUpItem(f.Id, f.Title, f.DueOn, f.OwnerUserId, db.Users.Where(u => u.Id == f.OwnerUserId).Select(u => u.DisplayName).FirstOrDefault(),
            f.DoneAt != null, f.OrganisationId, f.ContactId,
            f.ContactId != null ? db.Contacts.Where(c => c.Id == f.ContactId).Select(c => c.Name).FirstOrDefault() ?? ""
                : db.Organisations.Where(o => o.Id == f.OrganisationId).Select(o => o.Name).FirstOrDefault() ?? ""))
        .Take(500).ToListAsync(ct);
}
