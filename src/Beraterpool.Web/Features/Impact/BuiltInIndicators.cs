using Beraterpool.Web.Features.Engagements;
using Beraterpool.Web.Features.Events;
using Beraterpool.Web.Features.Fees;
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
        Events = "Veranstaltungen", People = "Personen", Organisations = "Organisationen", Advisors = "Berater*innen", Rating = "von 5", Euro = "€", Interviews = "Interviews", Seminars = "Seminare", Percent = "%";

    public static readonly IReadOnlyList<Indicator> All =
    [
        new("anfragen", "Anfragen von Kommunen", Requests, ReportSection.Consultations, IndicatorKind.Count, s =>
            RequestsOf(s).Select(r => new IndicatorRow
            {
                Id = r.Id, Label = r.Reference, Link = "/manage/requests/" + r.Id,
                Detail = s.Db.Municipalities.Where(m => m.OfficialKey == r.MunicipalityKey).Select(m => m.ShortName).FirstOrDefault(),
            })),
        new("kommunen-anfragen", "Kommunen mit Anfrage", Municipalities, ReportSection.Consultations, IndicatorKind.Count, s =>
            s.Db.Municipalities.Where(m => RequestsOf(s).Any(r => r.MunicipalityKey == m.OfficialKey))
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
        s.Db.Municipalities.AsNoTracking().Where(m => RunningIn(s).Any(e => e.MunicipalityKey == m.OfficialKey));

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

    /// <summary>Organisations at the year's events that no earlier event of the pools had reached.</summary>
    private static IQueryable<string> NewOrganisations(ImpactScope s)
    {
        var earlier = s.Db.EventRegistrations.Where(r => r.Organisation != null && r.CheckedInAt != null
            && s.Db.Events.Any(e => e.Id == r.EventId && s.PoolIds.Contains(e.PoolId) && !e.IsCancelled && e.StartsAt < s.From)).Select(r => r.Organisation!);
        return AttendedOf(s).Where(r => r.Organisation != null && r.Organisation != "" && !earlier.Contains(r.Organisation)).Select(r => r.Organisation!).Distinct();
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
