using System.Security.Cryptography;
using Beraterpool.Web.Data;
using Beraterpool.Web.Features.Advisors;
using Beraterpool.Web.Features.Audit;
using Beraterpool.Web.Features.Requests;
using Microsoft.EntityFrameworkCore;

namespace Beraterpool.Web.Features.Seminars;

/// <summary>One seminar as one participant sees it: expected or not (joined later), their answer and attendance.</summary>
public sealed record ProgressCell(Seminar Seminar, bool Expected, RsvpAnswer? Rsvp, AttendanceStatus? Status, bool Counts);

/// <summary>A participant's way through the series and where the certificate stands.</summary>
public sealed record ParticipantProgress(SeminarParticipant Participant, string Name, string Email, string? UserId, AdvisorStatus AdvisorStatus,
    IReadOnlyList<ProgressCell> Cells, SeminarCertificate? Certificate)
{
    public int Attended => Cells.Count(c => c.Counts);
    public int Expected => Cells.Count(c => c.Expected);
    public int Missed => Cells.Count(c => c.Expected && c.Status is AttendanceStatus.Absent or AttendanceStatus.Excused);
}

/// <summary>A series with its seminars in order and every participant's progress.</summary>
public sealed record SeriesView(SeminarSeries Series, IReadOnlyList<Seminar> Seminars, IReadOnlyList<ParticipantProgress> Participants)
{
    public bool MeetsRule(ParticipantProgress p) => p.Attended >= Series.RequiredSeminars;

    /// <summary>The attendance list of one seminar: the participants expected there (not who joined after it).</summary>
    public AttendanceList ListOf(int seminarId, SeminarTexts texts)
    {
        var rows = Participants.Select(p => (Person: p, Cell: p.Cells.Single(c => c.Seminar.Id == seminarId))).ToList();
        var expected = rows.Where(r => r.Cell.Expected).ToList();
        return new AttendanceList(expected, rows.Count - expected.Count, texts);
    }
}

/// <summary>The list form's rows (shared by the office's page and the trainer's link) and how many joined too late for it.</summary>
public sealed record AttendanceList(IReadOnlyList<(ParticipantProgress Person, ProgressCell Cell)> Rows, int NotYetJoined, SeminarTexts Texts)
{
    /// <summary>The posted statuses that belong to this list, with known values only (anything else is ignored, not stored).</summary>
    public Dictionary<int, AttendanceStatus?> Accept(IReadOnlyDictionary<int, AttendanceStatus?> posted)
    {
        var allowed = Rows.Select(r => r.Person.Participant.Id).ToHashSet();
        return posted.Where(s => allowed.Contains(s.Key) && (s.Value is null || Enum.IsDefined(s.Value.Value))).ToDictionary(s => s.Key, s => s.Value);
    }
}

public sealed record IssueAllResult(int Issued, int AlreadyHad, int NotMet);

/// <summary>
/// The qualification programme's rules: the participants (advisors in qualification by default, and who the office
/// adds, from the day they join), invitations with the personal RSVP link, attendance recorded by the office (audited),
/// and certificates when the series' rule is met.
/// </summary>
public sealed class SeminarProgram(AppDbContext db, TimeProvider time, SeminarMails mails)
{
    /// <summary>Crockford's base32 without I, L, O, U: a code read aloud or typed from paper is not mistaken.</summary>
    private const string CodeAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    public const int CodeLength = 20;

    /// <summary>How long after the seminar a trainer's link still works: time to fill in the list after the day.</summary>
    public const int TrainerLinkDays = 3;

    /// <summary>A new certificate code: 20 characters of 5 bits, 100 random bits.</summary>
    public static string NewCode()
    {
        var bytes = RandomNumberGenerator.GetBytes(CodeLength);
        return string.Concat(bytes.Select(b => CodeAlphabet[b & 31]));
    }

    /// <summary>"ABCD-EFGH-…" as printed; <see cref="NormaliseCode"/> reads it back however it was typed.</summary>
    public static string FormatCode(string code) => string.Join("-", code.Chunk(4).Select(c => new string(c)));

    public static string? NormaliseCode(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed) || typed.Length > 60) return null;
        var code = string.Concat(typed.ToUpperInvariant().Where(c => c is not ('-' or ' ')))
            .Replace('O', '0').Replace('I', '1').Replace('L', '1');
        return code.Length == CodeLength && code.All(c => CodeAlphabet.Contains(c)) ? code : null;
    }

    public static string HashToken(string token) => ConsultationRequests.HashToken(token);

    public async Task<SeriesView?> ViewAsync(int seriesId, CancellationToken ct)
    {
        var series = await db.SeminarSeries.AsNoTracking().FirstOrDefaultAsync(s => s.Id == seriesId, ct);
        return series is null ? null : (await ViewsAsync([series], null, ct)).Single();
    }

    /// <summary>The series an advisor takes part in, with only their own progress.</summary>
    public async Task<IReadOnlyList<SeriesView>> ForAdvisorsAsync(IReadOnlyCollection<int> advisorIds, CancellationToken ct)
    {
        var seriesIds = await db.SeminarParticipants.AsNoTracking().Where(p => advisorIds.Contains(p.AdvisorId)).Select(p => p.SeriesId).Distinct().ToListAsync(ct);
        var series = await db.SeminarSeries.AsNoTracking().Where(s => seriesIds.Contains(s.Id)).ToListAsync(ct);
        return await ViewsAsync(series, advisorIds, ct);
    }

    private async Task<List<SeriesView>> ViewsAsync(List<SeminarSeries> series, IReadOnlyCollection<int>? onlyAdvisors, CancellationToken ct)
    {
        var ids = series.Select(s => s.Id).ToList();
        var seminars = (await db.Seminars.AsNoTracking().Where(s => ids.Contains(s.SeriesId)).ToListAsync(ct))
            .OrderBy(s => s.StartsAt).ThenBy(s => s.Id).ToList();
        var participants = await db.SeminarParticipants.AsNoTracking().Where(p => ids.Contains(p.SeriesId))
            .Where(p => onlyAdvisors == null || onlyAdvisors.Contains(p.AdvisorId))
            .Join(db.Advisors, p => p.AdvisorId, a => a.Id, (p, a) => new { p, a.FirstName, a.LastName, a.Email, a.UserId, a.Status })
            .ToListAsync(ct);
        var participantIds = participants.Select(x => x.p.Id).ToList();
        var attendance = (await db.SeminarAttendances.AsNoTracking().Where(a => participantIds.Contains(a.ParticipantId)).ToListAsync(ct))
            .ToDictionary(a => (a.SeminarId, a.ParticipantId));
        var certificates = (await db.SeminarCertificates.AsNoTracking().Where(c => participantIds.Contains(c.ParticipantId)).ToListAsync(ct))
            .ToDictionary(c => c.ParticipantId);
        return series.Select(s =>
        {
            var own = seminars.Where(x => x.SeriesId == s.Id).ToList();
            var people = participants.Where(x => x.p.SeriesId == s.Id).OrderBy(x => x.LastName).ThenBy(x => x.FirstName).ThenBy(x => x.p.Id)
                .Select(x => new ParticipantProgress(x.p, x.FirstName + " " + x.LastName, x.Email, x.UserId, x.Status,
                    own.Select(m =>
                    {
                        var row = attendance.GetValueOrDefault((m.Id, x.p.Id));
                        var expected = x.p.Expects(m) || row?.Status is not null;
                        return new ProgressCell(m, expected, row?.Rsvp, row?.Status, expected && s.Counts(row?.Status));
                    }).ToList(), certificates.GetValueOrDefault(x.p.Id)))
                .ToList();
            return new SeriesView(s, own, people);
        }).ToList();
    }

    /// <summary>The pool's advisors in qualification who are not yet participants; <paramref name="fromStart"/>: they belong to every seminar.</summary>
    public async Task<int> AddAdvisorsInQualificationAsync(SeminarSeries series, bool fromStart, string? actorUserId, CancellationToken ct)
    {
        var existing = db.SeminarParticipants.Where(p => p.SeriesId == series.Id).Select(p => p.AdvisorId);
        var advisors = await db.Advisors.Where(a => a.PoolId == series.PoolId && a.Status == AdvisorStatus.InQualification && !existing.Contains(a.Id))
            .Select(a => a.Id).ToListAsync(ct);
        var joined = fromStart ? DateTimeOffset.UnixEpoch : time.GetUtcNow();
        foreach (var id in advisors) db.SeminarParticipants.Add(new SeminarParticipant { SeriesId = series.Id, AdvisorId = id, JoinedAt = joined });
        if (advisors.Count > 0) db.Audit("seminar.participants.added", $"seminar-series:{series.Id}", actorUserId, series.PoolId, $"{advisors.Count} in qualification");
        await db.SaveChangesAsync(ct);
        return advisors.Count;
    }

    /// <summary>Adds one advisor of the pool from now on: seminars that already began are not theirs.</summary>
    public async Task<bool> AddParticipantAsync(SeminarSeries series, int advisorId, string? actorUserId, CancellationToken ct)
    {
        var advisor = await db.Advisors.AsNoTracking().FirstOrDefaultAsync(a => a.Id == advisorId && a.PoolId == series.PoolId, ct);
        if (advisor is null || await db.SeminarParticipants.AnyAsync(p => p.SeriesId == series.Id && p.AdvisorId == advisorId, ct)) return false;
        var participant = new SeminarParticipant
        {
            SeriesId = series.Id, AdvisorId = advisorId, JoinedAt = time.GetUtcNow(), Invited = advisor.Status != AdvisorStatus.InQualification,
        };
        db.SeminarParticipants.Add(participant);
        await db.SaveChangesAsync(ct);
        db.Audit("seminar.participant.added", $"advisor:{advisorId}", actorUserId, series.PoolId, $"seminar-series:{series.Id}");
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Sends every expected participant of the seminar the invitation with a fresh personal link and the .ics file.</summary>
    public async Task<int> InviteAsync(Seminar seminar, SeminarSeries series, string? actorUserId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var people = await db.SeminarParticipants.AsNoTracking().Where(p => p.SeriesId == series.Id)
            .Join(db.Advisors, p => p.AdvisorId, a => a.Id, (p, a) => new { p, a.FirstName, a.LastName, a.Email })
            .ToListAsync(ct);
        var rows = await db.SeminarAttendances.Where(a => a.SeminarId == seminar.Id).ToListAsync(ct);
        var sends = new List<(string Name, string Email, string Token)>();
        foreach (var x in people.Where(x => x.p.Expects(seminar)))
        {
            var row = rows.FirstOrDefault(r => r.ParticipantId == x.p.Id);
            if (row is null) db.SeminarAttendances.Add(row = new SeminarAttendance { SeminarId = seminar.Id, ParticipantId = x.p.Id });
            var token = ConsultationRequests.NewTrackingToken();
            row.TokenHash = HashToken(token);
            row.InvitedAt = now;
            sends.Add((x.FirstName + " " + x.LastName, x.Email, token));
        }
        db.Audit("seminar.invited", $"seminar:{seminar.Id}", actorUserId, series.PoolId, $"{sends.Count} invitations");
        await db.SaveChangesAsync(ct);
        foreach (var s in sends) await mails.SendInvitationAsync(seminar, series, s.Name, s.Email, s.Token, ct);
        return sends.Count;
    }

    public async Task<(SeminarAttendance Row, Seminar Seminar, SeminarSeries Series, string Name)?> FindByTokenAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100) return null;
        var hash = HashToken(token);
        var row = await db.SeminarAttendances.AsNoTracking().FirstOrDefaultAsync(a => a.TokenHash == hash, ct);
        if (row is null) return null;
        var seminar = await db.Seminars.AsNoTracking().FirstAsync(s => s.Id == row.SeminarId, ct);
        var series = await db.SeminarSeries.AsNoTracking().FirstAsync(s => s.Id == seminar.SeriesId, ct);
        var name = await db.SeminarParticipants.Where(p => p.Id == row.ParticipantId)
            .Join(db.Advisors, p => p.AdvisorId, a => a.Id, (p, a) => a.FirstName + " " + a.LastName).FirstAsync(ct);
        return (row, seminar, series, name);
    }

    /// <summary>The participant's yes or no; for a participant not yet invited the row is made now.</summary>
    public async Task AnswerAsync(int seminarId, int participantId, RsvpAnswer answer, CancellationToken ct)
    {
        var row = await db.SeminarAttendances.FirstOrDefaultAsync(a => a.SeminarId == seminarId && a.ParticipantId == participantId, ct);
        if (row is null) db.SeminarAttendances.Add(row = new SeminarAttendance { SeminarId = seminarId, ParticipantId = participantId });
        row.Rsvp = answer;
        row.RsvpAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The office's list: one status (or none) per participant; only changed rows are written, in one audited save.
    /// Through a trainer link, <c>trainer</c> is the trainer's name (no account): the audit names them.
    /// </summary>
    public async Task<int> RecordAsync(Seminar seminar, SeminarSeries series, IReadOnlyDictionary<int, AttendanceStatus?> statuses, string? actorUserId, CancellationToken ct,
        string? trainer = null)
    {
        var now = time.GetUtcNow();
        var participants = await db.SeminarParticipants.AsNoTracking().Where(p => p.SeriesId == series.Id).ToListAsync(ct);
        var rows = await db.SeminarAttendances.Where(a => a.SeminarId == seminar.Id).ToListAsync(ct);
        var changes = new List<string>();
        foreach (var (participantId, status) in statuses)
        {
            var participant = participants.FirstOrDefault(p => p.Id == participantId);
            if (participant is null) continue;
            var row = rows.FirstOrDefault(r => r.ParticipantId == participantId);
            if (row?.Status == status) continue;
            // Someone who joined after the seminar cannot be counted there; a recorded status stays changeable.
            if (!participant.Expects(seminar) && row?.Status is null) continue;
            if (row is null) db.SeminarAttendances.Add(row = new SeminarAttendance { SeminarId = seminar.Id, ParticipantId = participantId });
            row.Status = status;
            row.RecordedAt = now;
            row.RecordedByUserId = actorUserId;
            changes.Add($"{participantId}:{status?.ToString() ?? "-"}");
        }
        if (changes.Count > 0)
        {
            var details = string.Join(", ", changes);
            if (trainer is not null) details = $"trainer link ({trainer}): {details}";
            db.Audit("seminar.attendance.recorded", $"seminar:{seminar.Id}", actorUserId, series.PoolId, details.Length > 1900 ? details[..1900] + " …" : details);
            await db.SaveChangesAsync(ct);
        }
        return changes.Count;
    }

    /// <summary>Issues the certificate when the rule is met (once; a second call returns the first).</summary>
    public async Task<SeminarCertificate?> IssueAsync(SeriesView view, ParticipantProgress p, string? actorUserId, CancellationToken ct)
    {
        if (p.Certificate is not null) return p.Certificate;
        if (!view.MeetsRule(p)) return null;
        var certificate = new SeminarCertificate
        {
            SeriesId = view.Series.Id, ParticipantId = p.Participant.Id, Code = NewCode(), HolderName = p.Name, AttendedSeminars = p.Attended,
            IssuedAt = time.GetUtcNow(), IssuedByUserId = actorUserId,
        };
        db.SeminarCertificates.Add(certificate);
        db.Audit("seminar.certificate.issued", $"advisor:{p.Participant.AdvisorId}", actorUserId, view.Series.PoolId, $"seminar-series:{view.Series.Id}");
        await db.SaveChangesAsync(ct);
        return certificate;
    }

    /// <summary>All certificates of a series in one go, with the counts the office is shown.</summary>
    public async Task<IssueAllResult> IssueAllAsync(SeriesView view, string? actorUserId, CancellationToken ct)
    {
        var (issued, had, notMet) = (0, 0, 0);
        foreach (var p in view.Participants)
        {
            if (p.Certificate is not null) had++;
            else if (!view.MeetsRule(p)) notMet++;
            else if (await IssueAsync(view, p, actorUserId, ct) is not null) issued++;
        }
        return new IssueAllResult(issued, had, notMet);
    }

    public async Task<SeminarCertificate?> FindCertificateAsync(string? typed, CancellationToken ct) =>
        NormaliseCode(typed) is { } code ? await db.SeminarCertificates.AsNoTracking().FirstOrDefaultAsync(c => c.Code == code, ct) : null;
}
