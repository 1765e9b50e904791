using Beraterpool.Web.Features.Applications;
using Beraterpool.Web.Features.Engagements;
using Beraterpool.Web.Features.Events;
using Beraterpool.Web.Features.Fees;
using Beraterpool.Web.Features.Mentoring;
using Beraterpool.Web.Features.Seminars;
using Microsoft.EntityFrameworkCore;
using Municipality = Beraterpool.Web.Features.Municipalities.Municipality;

namespace Beraterpool.Web.Features.Impact;

/// <summary>
/// The indicators the programme reports, each computed from the records of the pools and year in scope. Sources that the
/// product does not hold yet (calls, seminars, stakeholders) plug in here as further entries when they exist.
/// </summary>
public static class BuiltInIndicators
{
    private const string Municipalities = "Kommunen", Requests = "Anfragen", Engagements = "Begleitungen", Days = "Tage", Options = "Handlungsoptionen",
        Events = "Veranstaltungen", People = "Personen", Organisations = "Organisationen", Advisors = "Berater*innen", Rating = "von 5", Euro = "€", Interviews = "Interviews", Seminars = "Seminare", Percent = "%",
        Calls = "Aufrufe", Pairs = "Paare", Meetings = "Termine";

    public static readonly IReadOnlyList<Indicator> All =
    [
        new("anfragen", "Anfragen von Kommunen", Requests, ReportSection.Consultations, IndicatorKind.Count, s =>
            RequestsOf(s).Select(r => new IndicatorRow
            {
                Id = r.Id, Label = r.Reference, Link = "/manage/requests/" + r.Id,
                Detail = s.Db.Municipalities.Where(m => m.OfficialKey == r.MunicipalityKey).Select(m => m.ShortName).FirstOrDefault(),
            })),
        new("kommunen-anfragen", "Kommunen mit Anfrage", Municipalities, ReportSection.Consultations, IndicatorKind.Count, s =>
            // IN (subquery), not a correlated EXISTS: the database collects the year's keys once instead of per municipality.
            s.Db.Municipalities.Where(m => RequestsOf(s).Select(r => r.MunicipalityKey).Contains(m.OfficialKey))
                .Select(m => new IndicatorRow { Id = 0, Label = m.ShortName, Detail = m.OfficialKey, Link = "/municipalities/" + m.OfficialKey })),
        new("begleitungen-begonnen", "Begonnene Begleitungen", Engagements, ReportSection.Consultations, IndicatorKind.Count, s =>
            EngagementRows(s, s.Db.Engagements.Where(e => s.PoolIds.Contains(e.PoolId) && e.StartedAt >= s.From && e.StartedAt < s.To))),
        new("begleitungen-abgeschlossen", "Abgeschlossene Begleitungen", Engagements, ReportSection.Consultations, IndicatorKind.Count, s =>
            EngagementRows(s, s.Db.Engagements.Where(e => s.PoolIds.Contains(e.PoolId) && e.Status == EngagementStatus.Closed && e.ClosedAt >= s.From && e.ClosedAt < s.To))),
        new("kommunen-begleitet", "Begleitete Kommunen", Municipalities, ReportSection.Consultations, IndicatorKind.Count, s =>
            Reached(s).Select(m => new IndicatorRow { Id = 0, Label = m.ShortName, Detail = m.OfficialKey, Link = "/municipalities/" + m.OfficialKey })),
        new("beratungstage", "Beratungstage", Days, ReportSection.Consultations, IndicatorKind.Sum, s =>
            ActivitiesOf(s).Select(a => new IndicatorRow
            {
                Id = a.Id, Value = a.HalfDays, Link = "/engagements/" + a.EngagementId,
                Label = s.Db.Engagements.Where(e => e.Id == a.EngagementId)
                    .Select(e => s.Db.Municipalities.Where(m => m.OfficialKey == e.MunicipalityKey).Select(m => m.ShortName).FirstOrDefault()).FirstOrDefault() ?? "",
                Detail = s.Db.Advisors.Where(x => x.Id == a.AdvisorId).Select(x => x.FirstName + " " + x.LastName).FirstOrDefault(),
            })) { Scale = 2 },
        new("optionen-vereinbart", "Vereinbarte Handlungsoptionen", Options, ReportSection.Consultations, IndicatorKind.Count, s =>
            OptionRows(s, OptionsOf(s).Where(o => o.CreatedAt >= s.From && o.CreatedAt < s.To
                && (o.Status == ActionOptionStatus.Agreed || o.Status == ActionOptionStatus.InImplementation || o.Status == ActionOptionStatus.Done)))),
        new("optionen-umgesetzt", "Umgesetzte Handlungsoptionen", Options, ReportSection.Consultations, IndicatorKind.Count, s =>
            OptionRows(s, OptionsOf(s).Where(o => o.Status == ActionOptionStatus.Done && o.UpdatedAt >= s.From && o.UpdatedAt < s.To))),
        new("zufriedenheit", "Zufriedenheit der Kommunen", Rating, ReportSection.Consultations, IndicatorKind.Average, s =>
            s.Db.Engagements.Where(e => s.PoolIds.Contains(e.PoolId) && e.FeedbackRating != null && e.FeedbackAt >= s.From && e.FeedbackAt < s.To)
                .Select(e => new IndicatorRow
                {
                    Id = e.Id, Value = e.FeedbackRating!.Value, Link = "/engagements/" + e.Id,
                    Label = s.Db.Municipalities.Where(m => m.OfficialKey == e.MunicipalityKey).Select(m => m.ShortName).FirstOrDefault() ?? e.MunicipalityKey,
                })),
        new("veranstaltungen", "Veranstaltungen", Events, ReportSection.Network, IndicatorKind.Count, s =>
            EventsOf(s).Select(e => new IndicatorRow { Id = e.Id, Label = e.Title, Link = "/manage/events/" + e.Id })),
        new("teilnehmende", "Teilnehmende an Veranstaltungen", People, ReportSection.Network, IndicatorKind.Count, s =>
            AttendedOf(s).Select(r => new IndicatorRow
            {
                Id = r.Id, Label = s.Db.Events.Where(e => e.Id == r.EventId).Select(e => e.Title).First(), Detail = r.Organisation,
                Link = "/manage/events/" + r.EventId,
            })),
        // A seminar counts as held once its attendance is recorded: a planned or forgotten one is not a seminar held.
        new("seminare", "Durchgeführte Seminare", Seminars, ReportSection.Establishment, IndicatorKind.Count, s =>
            SeminarsOf(s).Where(m => s.Db.SeminarAttendances.Any(a => a.SeminarId == m.Id && a.Status != null))
                .Select(m => new IndicatorRow
                {
                    Id = m.Id, Label = m.Title, Link = "/manage/seminars/attendance/" + m.Id,
                    Detail = s.Db.SeminarSeries.Where(x => x.Id == m.SeriesId).Select(x => x.Title).FirstOrDefault(),
                })),
        // Share of recorded places that were attended (present, late, left early); excused and absent are not attended.
        new("anwesenheitsquote", "Anwesenheit bei Seminaren", Percent, ReportSection.Establishment, IndicatorKind.Average, s =>
            s.Db.SeminarAttendances.AsNoTracking().Where(a => a.Status != null && SeminarsOf(s).Any(m => m.Id == a.SeminarId))
                .Select(a => new IndicatorRow
                {
                    Id = a.Id, Link = "/manage/seminars/attendance/" + a.SeminarId,
                    Value = a.Status == AttendanceStatus.Present || a.Status == AttendanceStatus.Late || a.Status == AttendanceStatus.LeftEarly ? 100 : 0,
                    Label = s.Db.Seminars.Where(m => m.Id == a.SeminarId).Select(m => m.Title).First(),
                    Detail = s.Db.SeminarParticipants.Where(p => p.Id == a.ParticipantId)
                        .Select(p => s.Db.Advisors.Where(x => x.Id == p.AdvisorId).Select(x => x.FirstName + " " + x.LastName).FirstOrDefault()).FirstOrDefault(),
                })),
        // A call belongs to the year its application period closed: then the year's intake is known.
        new("aufrufe", "Bewerbungsaufrufe", Calls, ReportSection.Establishment, IndicatorKind.Count, s =>
            CallsOf(s).Select(c => new IndicatorRow
            {
                Id = c.Id, Label = c.Title, Link = "/manage/calls/" + c.Id + "/review",
            })),
        // Accepted and told: declined applications are deleted after the retention period, accepted ones stay.
        new("bewerbungen-aufgenommen", "Aufgenommene Bewerber*innen", People, ReportSection.Establishment, IndicatorKind.Count, s =>
            s.Db.Applications.AsNoTracking().Where(a => a.Status == ApplicationStatus.Accepted && a.DecisionSentAt != null && CallsOf(s).Any(c => c.Id == a.CallId))
                .Select(a => new IndicatorRow
                {
                    Id = a.Id, Label = a.FirstName + " " + a.LastName, Link = "/manage/calls/application/" + a.Id,
                    Detail = s.Db.Calls.Where(c => c.Id == a.CallId).Select(c => c.Title).FirstOrDefault(),
                })),
        // Pairs that were under way for part of the year; proposed pairs never met.
        new("mentoring-tandems", "Mentoring-Tandems", Pairs, ReportSection.Establishment, IndicatorKind.Count, s =>
            MentorshipsOf(s).Select(m => new IndicatorRow
            {
                Id = m.Id, Link = "/mentoring/" + m.Id,
                Label = s.Db.Advisors.Where(a => a.Id == m.AdvisorId).Select(a => a.FirstName + " " + a.LastName).FirstOrDefault() ?? "",
                Detail = s.Db.Users.Where(u => u.Id == m.MentorUserId).Select(u => u.DisplayName ?? u.Email).FirstOrDefault(),
            })),
        new("mentoring-treffen", "Mentoring-Treffen", Meetings, ReportSection.Establishment, IndicatorKind.Count, s =>
            s.Db.MentoringMeetings.AsNoTracking().Where(x => x.Date >= s.FirstDay && x.Date < s.NextYear
                    && s.Db.Mentorships.Any(m => m.Id == x.MentorshipId && s.PoolIds.Contains(m.PoolId)))
                .Select(x => new IndicatorRow
                {
                    Id = x.Id, Link = "/mentoring/" + x.MentorshipId, Detail = x.Topics,
                    Label = s.Db.Mentorships.Where(m => m.Id == x.MentorshipId)
                        .Select(m => s.Db.Advisors.Where(a => a.Id == m.AdvisorId).Select(a => a.FirstName + " " + a.LastName).FirstOrDefault()).FirstOrDefault() ?? "",
                })),
        // Finished interviews by the day they were held; drafts never count.
        new("interviews", "Interviews mit Kommunen", Interviews, ReportSection.Network, IndicatorKind.Count, s =>
            s.Db.Interviews.AsNoTracking().Where(i => s.PoolIds.Contains(i.PoolId) && i.FinishedAt != null && i.HeldOn >= s.FirstDay && i.HeldOn < s.NextYear)
                .Select(i => new IndicatorRow
                {
                    Id = i.Id, Link = "/manage/interviews/interview/" + i.Id, Detail = i.IntervieweeFunction,
                    Label = s.Db.Municipalities.Where(m => m.OfficialKey == i.MunicipalityKey).Select(m => m.ShortName).FirstOrDefault() ?? i.MunicipalityKey,
                })),
        new("neue-organisationen", "Neu erreichte Organisationen", Organisations, ReportSection.Network, IndicatorKind.Count, s =>
            NewOrganisations(s).Select(o => new IndicatorRow { Id = 0, Label = o })),
        new("neue-kommunen", "Neu erreichte Kommunen", Municipalities, ReportSection.Network, IndicatorKind.Count, s =>
            s.Db.Municipalities.AsNoTracking().Where(m => MunicipalitiesMet(s, before: false).Contains(m.OfficialKey) && !MunicipalitiesMet(s, before: true).Contains(m.OfficialKey))
                .Select(m => new IndicatorRow { Id = 0, Label = m.ShortName, Detail = m.OfficialKey, Link = "/municipalities/" + m.OfficialKey })),
        // Contact persons of the network first met in the year: a timeline entry, or checked in at one of the pools' events.
        new("neue-kontakte", "Neu erreichte Kontaktpersonen", People, ReportSection.Network, IndicatorKind.Count, s =>
            s.Db.Contacts.AsNoTracking().Where(c => s.PoolIds.Contains(c.PoolId)
                    && (s.Db.TimelineEntries.Any(t => t.ContactId == c.Id && t.On >= s.FirstDay && t.On < s.NextYear) || AttendedOf(s).Any(r => r.Email == c.Email))
                    && !s.Db.TimelineEntries.Any(t => t.ContactId == c.Id && t.On < s.FirstDay) && !AttendedBefore(s).Any(r => r.Email == c.Email))
                .Select(c => new IndicatorRow { Id = c.Id, Label = c.Name, Detail = c.Function, Link = "/manage/stakeholders/contacts/" + c.Id })),
        new("berater-im-einsatz", "Berater*innen im Einsatz", Advisors, ReportSection.Pool, IndicatorKind.Count, s =>
            AdvisorDays(s)),
        new("tage-je-berater", "Beratungstage je Berater*in im Einsatz", Days, ReportSection.Pool, IndicatorKind.Average, s =>
            AdvisorDays(s)) { Scale = 2 },
        new("honorare", "Ausgezahlte Honorare", Euro, ReportSection.Consultations, IndicatorKind.Sum, s => Enumerable.Empty<IndicatorRow>().AsQueryable())
            { Scale = 100, Load = PaidFeesAsync },
    ];

    public static Indicator? Find(string key) => All.FirstOrDefault(i => i.Key == key);

    /// <summary>The seminars of the pools' series that began in the year.</summary>
    private static IQueryable<Seminar> SeminarsOf(ImpactScope s) =>
        s.Db.Seminars.AsNoTracking().Where(m => s.Db.SeminarSeries.Any(x => x.Id == m.SeriesId && s.PoolIds.Contains(x.PoolId)) && m.StartsAt >= s.From && m.StartsAt < s.To);

    private static IQueryable<Call> CallsOf(ImpactScope s) =>
        s.Db.Calls.AsNoTracking().Where(c => s.PoolIds.Contains(c.PoolId) && c.ClosesAt >= s.From && c.ClosesAt < s.To);

    private static IQueryable<Mentorship> MentorshipsOf(ImpactScope s) =>
        s.Db.Mentorships.AsNoTracking().Where(m => s.PoolIds.Contains(m.PoolId) && m.Status != MentorshipStatus.Proposed
            && m.StartDate != null && m.StartDate < s.NextYear && (m.EndDate == null || m.EndDate >= s.FirstDay));

    private static IQueryable<Requests.ConsultationRequest> RequestsOf(ImpactScope s) =>
        s.Db.ConsultationRequests.AsNoTracking().Where(r => s.PoolIds.Contains(r.PoolId) && r.CreatedAt >= s.From && r.CreatedAt < s.To);

    /// <summary>Engagements that ran for part of the year: begun before its end and not closed before its start.</summary>
    private static IQueryable<Engagement> RunningIn(ImpactScope s) =>
        s.Db.Engagements.AsNoTracking().Where(e => s.PoolIds.Contains(e.PoolId) && e.StartedAt < s.To && (e.ClosedAt == null || e.ClosedAt >= s.From));

    /// <summary>
    /// The municipalities "Begleitete Kommunen" counts, the ones the year reached: an engagement of the pools ran there.
    /// The pool map and the report's list of them start from this query, so they show what the figure counts.
    /// </summary>
    public static IQueryable<Municipality> Reached(ImpactScope s) =>
        s.Db.Municipalities.AsNoTracking().Where(m => RunningIn(s).Select(e => e.MunicipalityKey).Contains(m.OfficialKey));

    /// <summary>The activities "Beratungstage" adds up: dated in the year, on an engagement of the pools.</summary>
    public static IQueryable<Activity> ActivitiesOf(ImpactScope s) =>
        s.Db.Activities.AsNoTracking().Where(a => a.Date >= s.FirstDay && a.Date < s.NextYear
            && s.Db.Engagements.Any(e => e.Id == a.EngagementId && s.PoolIds.Contains(e.PoolId)));

    private static IQueryable<ActionOption> OptionsOf(ImpactScope s) =>
        s.Db.ActionOptions.AsNoTracking().Where(o => s.Db.Engagements.Any(e => e.Id == o.EngagementId && s.PoolIds.Contains(e.PoolId)));

    private static IQueryable<Event> EventsOf(ImpactScope s) =>
        s.Db.Events.AsNoTracking().Where(e => s.PoolIds.Contains(e.PoolId) && !e.IsCancelled && e.StartsAt >= s.From && e.StartsAt < s.To);

    /// <summary>Who came: checked in at the desk (the history's anonymised registrations keep that mark).</summary>
    private static IQueryable<EventRegistration> AttendedOf(ImpactScope s) =>
        s.Db.EventRegistrations.AsNoTracking().Where(r => r.CheckedInAt != null && EventsOf(s).Any(e => e.Id == r.EventId));

    /// <summary>Checked in at an event of the pools before the year.</summary>
    private static IQueryable<EventRegistration> AttendedBefore(ImpactScope s) =>
        s.Db.EventRegistrations.Where(r => r.CheckedInAt != null && s.Db.Events.Any(e => e.Id == r.EventId && s.PoolIds.Contains(e.PoolId) && !e.IsCancelled && e.StartsAt < s.From));

    /// <summary>
    /// Organisations first met in the year, by name: at the year's events, or in the network's timeline (a meeting, call,
    /// e-mail… recorded for the organisation), and neither at an earlier event nor in an earlier timeline entry.
    /// </summary>
    private static IQueryable<string> NewOrganisations(ImpactScope s)
    {
        // Each "not met before" test is its own NOT IN over a plain subquery, on values that cannot be NULL (COALESCE):
        // over a UNION, or with a nullable column, EF writes a correlated NOT EXISTS that the database runs per row.
        var stakeholders = s.Db.Organisations.Where(o => s.PoolIds.Contains(o.PoolId));
        var atEarlierEvents = AttendedBefore(s).Where(r => r.Organisation != null).Select(r => r.Organisation ?? "");
        var inEarlierTimeline = stakeholders.Where(o => s.Db.TimelineEntries.Any(t => t.OrganisationId == o.Id && t.On < s.FirstDay)).Select(o => o.Name);
        var atEvents = AttendedOf(s).Where(r => r.Organisation != null && r.Organisation != "")
            .Select(r => r.Organisation ?? "").Where(n => !atEarlierEvents.Contains(n) && !inEarlierTimeline.Contains(n));
        var inTimeline = stakeholders.Where(o => s.Db.TimelineEntries.Any(t => t.OrganisationId == o.Id && t.On >= s.FirstDay && t.On < s.NextYear))
            .Select(o => o.Name).Where(n => !atEarlierEvents.Contains(n) && !inEarlierTimeline.Contains(n));
        return atEvents.Union(inTimeline);
    }

    /// <summary>
    /// The register keys of municipalities the pools were in touch with — a request, an engagement begun, a partner of an event
    /// held, a finished interview — in the year, or (<paramref name="before"/>) in any year before it.
    /// </summary>
    private static IQueryable<string> MunicipalitiesMet(ImpactScope s, bool before)
    {
        var requests = s.Db.ConsultationRequests.Where(r => s.PoolIds.Contains(r.PoolId) && r.CreatedAt < (before ? s.From : s.To) && (before || r.CreatedAt >= s.From));
        var engagements = s.Db.Engagements.Where(e => s.PoolIds.Contains(e.PoolId) && e.StartedAt < (before ? s.From : s.To) && (before || e.StartedAt >= s.From));
        var events = s.Db.Events.Where(e => s.PoolIds.Contains(e.PoolId) && !e.IsCancelled && e.StartsAt < (before ? s.From : s.To) && (before || e.StartsAt >= s.From));
        var interviews = s.Db.Interviews.Where(i => s.PoolIds.Contains(i.PoolId) && i.FinishedAt != null
            && i.HeldOn < (before ? s.FirstDay : s.NextYear) && (before || i.HeldOn >= s.FirstDay));
        return requests.Select(r => r.MunicipalityKey)
            .Union(engagements.Select(e => e.MunicipalityKey))
            .Union(s.Db.EventMunicipalities.Where(m => events.Any(e => e.Id == m.EventId)).Select(m => m.MunicipalityKey))
            .Union(interviews.Select(i => i.MunicipalityKey));
    }

    private static IQueryable<IndicatorRow> EngagementRows(ImpactScope s, IQueryable<Engagement> engagements) => engagements.AsNoTracking().Select(e => new IndicatorRow
    {
        Id = e.Id, Link = "/engagements/" + e.Id,
        Label = s.Db.Municipalities.Where(m => m.OfficialKey == e.MunicipalityKey).Select(m => m.ShortName).FirstOrDefault() ?? e.MunicipalityKey,
        Detail = s.Db.ConsultationRequests.Where(r => r.Id == e.RequestId).Select(r => r.Reference).FirstOrDefault(),
    });

    private static IQueryable<IndicatorRow> OptionRows(ImpactScope s, IQueryable<ActionOption> options) => options.Select(o => new IndicatorRow
    {
        Id = o.Id, Label = o.Title, Link = "/engagements/" + o.EngagementId,
        Detail = s.Db.Engagements.Where(e => e.Id == o.EngagementId)
            .Select(e => s.Db.Municipalities.Where(m => m.OfficialKey == e.MunicipalityKey).Select(m => m.ShortName).FirstOrDefault()).FirstOrDefault(),
    });

    /// <summary>The advisors who worked in the year, each with the half days they recorded in it.</summary>
    private static IQueryable<IndicatorRow> AdvisorDays(ImpactScope s) =>
        s.Db.Advisors.AsNoTracking().Where(a => s.PoolIds.Contains(a.PoolId) && ActivitiesOf(s).Any(x => x.AdvisorId == a.Id))
            .Select(a => new IndicatorRow
            {
                Id = a.Id, Label = a.FirstName + " " + a.LastName, Link = "/manage/advisors/" + a.Id + "/edit",
                Value = ActivitiesOf(s).Where(x => x.AdvisorId == a.Id).Sum(x => x.HalfDays),
            });

    /// <summary>Paid fee statements of the year with their totals as the statement shows them (fee, travel, other costs), in cents.</summary>
    private static async Task<List<IndicatorRow>> PaidFeesAsync(ImpactScope s, CancellationToken ct)
    {
        var statements = await s.Db.FeeStatements.AsNoTracking()
            .Where(f => s.PoolIds.Contains(f.PoolId) && f.Status == FeeStatementStatus.Paid && f.PaidOn >= s.FirstDay && f.PaidOn < s.NextYear)
            .Select(f => new
            {
                f.Id, f.Year, f.Month, f.DayRate, f.OtherCosts, f.InvoiceNumber,
                Name = s.Db.Advisors.Where(a => a.Id == f.AdvisorId).Select(a => a.FirstName + " " + a.LastName).FirstOrDefault(),
                HalfDays = s.Db.Activities.Where(a => a.FeeStatementId == f.Id).Sum(a => a.HalfDays),
            }).ToListAsync(ct);
        var ids = statements.Select(f => f.Id).ToList();
        var travel = (await s.Db.TravelCosts.AsNoTracking().Where(t => ids.Contains(t.FeeStatementId)).Select(t => new { t.FeeStatementId, t.Amount }).ToListAsync(ct))
            .ToLookup(t => t.FeeStatementId, t => t.Amount);
        return statements.Select(f => new IndicatorRow
        {
            Id = f.Id, Label = f.Name ?? "", Detail = f.InvoiceNumber ?? $"{f.Month:00}/{f.Year}", Link = "/manage/fees/" + f.Id,
            Value = (int)(FeeCalculator.Totals(f.HalfDays, f.DayRate, travel[f.Id], f.OtherCosts).Total * 100),
        }).ToList();
    }
}
