using Beraterpool.Tests.Infrastructure;
using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Engagements;
using Beraterpool.Web.Features.Events;
using Beraterpool.Web.Features.Seminars;
using Beraterpool.Web.Features.Fees;
using Beraterpool.Web.Features.Quota;
using Beraterpool.Web.Features.Requests;
using Beraterpool.Web.Features.Shared;
using Microsoft.Extensions.Time.Testing;

namespace Beraterpool.Tests.Impact;

/// <summary>
/// A fixed data set for the indicators of 2025, counted by hand in <see cref="ImpactTests.Expected"/>: the test pool's
/// records of 2025, records of 2024 and of the first minutes of 2026 (local time) that must count in their own year,
/// and a second pool whose records never count.
/// </summary>
public sealed class ImpactWorld : TestApp
{
    public const string CoordinatorEmail = "koord-wirkung@example.org", OtherCoordinatorEmail = "koord-anderer@example.org";
    public const string Koeln = "05315000", Bonn = "05314000", Muenster = "05515000", Dortmund = "05913000";

    /// <summary>15 June 2026 in Berlin: the public page shows 2025 as the last full year.</summary>
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 6, 15, 10, 0, 0, TimeSpan.Zero));
    public int Pool { get; private set; }
    public int OtherPool { get; private set; }

    public ImpactWorld() => WithTime(Time);

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var coordinator = await this.CreateUserAsync(CoordinatorEmail, Roles.Coordinator);
        var other = await this.CreateUserAsync(OtherCoordinatorEmail, Roles.Coordinator);
        Pool = (await this.CreatePoolAsync("wirkung", coordinator.Id)).Id;
        OtherPool = (await this.CreatePoolAsync("anderer-pool", other.Id)).Id;
        var a1 = (await this.CreateAdvisorAsync(Pool, "berater-eins")).Id;
        var a2 = (await this.CreateAdvisorAsync(Pool, "berater-zwei")).Id;
        var b1 = (await this.CreateAdvisorAsync(OtherPool, "berater-fremd")).Id;

        await WithDbAsync(async db =>
        {
            var topic = db.Topics.First(t => t.PoolId == Pool && t.Slug == "fairer-handel").Id;
            var r0 = Request(db, Pool, "R0-2024", Bonn, Local(2024, 10, 1));
            var r1 = Request(db, Pool, "R1-2025", Koeln, Local(2025, 3, 10), topic);
            Request(db, Pool, "R2-2025", Koeln, Local(2025, 6, 1));
            Request(db, Pool, "R3-2025", Bonn, Local(2025, 12, 31, 23, 30));
            Request(db, Pool, "R4-2026", Muenster, Local(2026, 1, 1, 0, 30));
            var r5 = Request(db, OtherPool, "R5-fremd", Dortmund, Local(2025, 5, 5));
            await db.SaveChangesAsync();

            var e1 = new Engagement { PoolId = Pool, RequestId = r1.Id, MunicipalityKey = Koeln, StartedAt = Local(2025, 3, 20), Status = EngagementStatus.Closed,
                ClosedAt = Local(2025, 9, 30), FeedbackRating = 4, FeedbackAt = Local(2025, 10, 1) };
            var e2 = new Engagement { PoolId = Pool, RequestId = r0.Id, MunicipalityKey = Bonn, StartedAt = Local(2024, 11, 1) };
            var e3 = new Engagement { PoolId = OtherPool, RequestId = r5.Id, MunicipalityKey = Dortmund, StartedAt = Local(2025, 6, 1), Status = EngagementStatus.Closed,
                ClosedAt = Local(2025, 8, 1), FeedbackRating = 1, FeedbackAt = Local(2025, 8, 2) };
            db.Engagements.AddRange(e1, e2, e3);
            await db.SaveChangesAsync();

            var paid = new FeeStatement { PoolId = Pool, AdvisorId = a1, Year = 2025, Month = 4, Status = FeeStatementStatus.Paid, DayRate = 250m, OtherCosts = 10m,
                PaidOn = new DateOnly(2025, 5, 10), InvoiceNumber = "RE-2025-04", CreatedAt = Local(2025, 5, 1) };
            paid.TravelCosts.Add(new TravelCost { Date = new DateOnly(2025, 4, 1), Description = "Bahnfahrt nach Köln", Amount = 12.50m });
            var approved = new FeeStatement { PoolId = Pool, AdvisorId = a1, Year = 2025, Month = 5, Status = FeeStatementStatus.Approved, DayRate = 250m, CreatedAt = Local(2025, 6, 1) };
            db.FeeStatements.AddRange(paid, approved);
            await db.SaveChangesAsync();

            db.Activities.AddRange(
                Activity(e1.Id, a1, new DateOnly(2025, 4, 1), 2, paid.Id),
                Activity(e1.Id, a1, new DateOnly(2025, 5, 1), 3, approved.Id),
                Activity(e2.Id, a2, new DateOnly(2025, 2, 1), 1),
                Activity(e2.Id, a2, new DateOnly(2024, 12, 15), 4),
                Activity(e3.Id, b1, new DateOnly(2025, 7, 1), 5));
            db.ActionOptions.AddRange(
                Option(e1.Id, "Faire Beschaffung im Rathaus", ActionOptionStatus.Agreed, Local(2025, 4, 1), Local(2025, 4, 1)),
                Option(e1.Id, "Fairtrade-Town bewerben", ActionOptionStatus.Done, Local(2025, 4, 1), Local(2025, 8, 1)),
                Option(e1.Id, "Partnerschaft prüfen", ActionOptionStatus.Dropped, Local(2025, 4, 1), Local(2025, 4, 2)),
                Option(e1.Id, "Nur vorgeschlagen", ActionOptionStatus.Proposed, Local(2025, 4, 1), Local(2025, 4, 1)),
                Option(e3.Id, "Fremde Option", ActionOptionStatus.Done, Local(2025, 6, 1), Local(2025, 7, 1)));
            db.DayQuotaAccounts.Add(new DayQuotaAccount { PoolId = Pool, MunicipalityKey = Koeln, Year = 2025, QuotaHalfDays = 20, UsedHalfDays = 5 });

            var forum = Event(Pool, "Dialogforum Köln 2025", Local(2025, 5, 1, 17));
            forum.Registrations.Add(Registration("Stadt Köln", attended: true));
            forum.Registrations.Add(Registration("Eine-Welt-Laden Köln", attended: true));
            forum.Registrations.Add(Registration("Kam nicht e. V.", attended: false));
            var cancelled = Event(Pool, "Abgesagtes Forum", Local(2025, 6, 1, 17));
            cancelled.IsCancelled = true;
            cancelled.Registrations.Add(Registration("Abgesagt gGmbH", attended: true));
            var earlier = Event(Pool, "Dialogforum 2024", Local(2024, 5, 1, 17));
            earlier.Registrations.Add(Registration("Stadt Köln", attended: true));
            var foreign = Event(OtherPool, "Fremdes Forum", Local(2025, 5, 2, 17));
            foreign.Registrations.Add(Registration("Fremde Organisation", attended: true));
            db.Events.AddRange(forum, cancelled, earlier, foreign);
            await db.SaveChangesAsync();

            // Seminars: S1 and S2 of 2025 recorded (a1 present and late, a2 absent and excused), S3 of 2025 not recorded yet,
            // S0 of 2024 and the other pool's seminar never count.
            var series = new SeminarSeries { PoolId = Pool, Title = "Qualifizierung 2024/2025", CreatedAt = DateTimeOffset.UnixEpoch, UpdatedAt = DateTimeOffset.UnixEpoch };
            var foreignSeries = new SeminarSeries { PoolId = OtherPool, Title = "Fremde Reihe", CreatedAt = DateTimeOffset.UnixEpoch, UpdatedAt = DateTimeOffset.UnixEpoch };
            db.SeminarSeries.AddRange(series, foreignSeries);
            await db.SaveChangesAsync();
            var p1 = new SeminarParticipant { SeriesId = series.Id, AdvisorId = a1, JoinedAt = Local(2024, 1, 1) };
            var p2 = new SeminarParticipant { SeriesId = series.Id, AdvisorId = a2, JoinedAt = Local(2024, 1, 1) };
            var pf = new SeminarParticipant { SeriesId = foreignSeries.Id, AdvisorId = b1, JoinedAt = Local(2024, 1, 1) };
            var s0 = Seminar(series.Id, "S0 Kennenlernen", Local(2024, 10, 5, 10));
            var s1 = Seminar(series.Id, "S1 Themenfelder", Local(2025, 3, 8, 10));
            var s2 = Seminar(series.Id, "S2 Profil", Local(2025, 9, 13, 10));
            var s3 = Seminar(series.Id, "S3 Arbeitsstruktur", Local(2025, 11, 22, 10));
            var sf = Seminar(foreignSeries.Id, "Fremdes Seminar", Local(2025, 4, 5, 10));
            db.SeminarParticipants.AddRange(p1, p2, pf);
            db.Seminars.AddRange(s0, s1, s2, s3, sf);
            await db.SaveChangesAsync();
            db.SeminarAttendances.AddRange(
                Attendance(s0.Id, p1.Id, AttendanceStatus.Present), Attendance(s0.Id, p2.Id, AttendanceStatus.Present),
                Attendance(s1.Id, p1.Id, AttendanceStatus.Present), Attendance(s1.Id, p2.Id, AttendanceStatus.Absent),
                Attendance(s2.Id, p1.Id, AttendanceStatus.Late), Attendance(s2.Id, p2.Id, AttendanceStatus.Excused),
                Attendance(s3.Id, p1.Id, null), Attendance(sf.Id, pf.Id, AttendanceStatus.Present));
            return await db.SaveChangesAsync();
        });
    }

    private static DateTimeOffset Local(int year, int month, int day, int hour = 12, int minute = 0) =>
        ProgrammeTime.FromLocal(new DateOnly(year, month, day), new TimeOnly(hour, minute))!.Value;

    private static ConsultationRequest Request(AppDbContext db, int pool, string reference, string key, DateTimeOffset at, int? topic = null)
    {
        var r = new ConsultationRequest
        {
            PoolId = pool, Reference = reference, MunicipalityKey = key, ContactName = "Kontakt " + reference, ContactEmail = $"{reference.ToLowerInvariant()}@example.org",
            Goal = "Ziel", Need = "Bedarf", TrackingTokenHash = "hash-" + reference, CreatedAt = at, UpdatedAt = at, ConsentGivenAt = at,
        };
        if (topic is { } t) r.Topics.Add(new RequestTopic { TopicId = t });
        db.ConsultationRequests.Add(r);
        return r;
    }

    private static Activity Activity(int engagement, int advisor, DateOnly date, int halfDays, int? statement = null) => new()
    {
        EngagementId = engagement, AdvisorId = advisor, Date = date, Kind = ActivityKind.Workshop, HalfDays = halfDays, FeeStatementId = statement,
        CreatedAt = DateTimeOffset.UnixEpoch, ApprovedAt = statement is null ? null : DateTimeOffset.UnixEpoch,
    };

    private static ActionOption Option(int engagement, string title, ActionOptionStatus status, DateTimeOffset created, DateTimeOffset updated) => new()
    {
        EngagementId = engagement, Title = title, Status = status, CreatedAt = created, UpdatedAt = updated,
    };

    private static Event Event(int pool, string title, DateTimeOffset at) => new()
    {
        PoolId = pool, Title = title, Kind = EventKind.DialogueForum, StartsAt = at, EndsAt = at.AddHours(2), IsPublic = true,
        CreatedAt = DateTimeOffset.UnixEpoch, UpdatedAt = DateTimeOffset.UnixEpoch,
    };

    private static Seminar Seminar(int series, string title, DateTimeOffset at) => new()
    {
        SeriesId = series, Title = title, StartsAt = at, EndsAt = at.AddHours(6), CreatedAt = DateTimeOffset.UnixEpoch, UpdatedAt = DateTimeOffset.UnixEpoch,
    };

    private static SeminarAttendance Attendance(int seminar, int participant, AttendanceStatus? status) =>
        new() { SeminarId = seminar, ParticipantId = participant, Status = status };

    private static EventRegistration Registration(string organisation, bool attended) => new()
    {
        Name = "Teilnehmer*in", Email = $"{Guid.NewGuid():N}@example.org", Organisation = organisation, Status = RegistrationStatus.Registered,
        TokenHash = Guid.NewGuid().ToString("N"), RegisteredAt = DateTimeOffset.UnixEpoch, ConsentGivenAt = DateTimeOffset.UnixEpoch,
        CheckedInAt = attended ? DateTimeOffset.UnixEpoch : null,
    };
}
