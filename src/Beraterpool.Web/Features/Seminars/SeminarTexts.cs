using Microsoft.Extensions.Localization;

namespace Beraterpool.Web.Features.Seminars;

/// <summary>The names of attendance statuses and answers in the reader's language; <see cref="German"/> for the PDF.</summary>
public sealed class SeminarTexts(IStringLocalizer text)
{
    public static readonly AttendanceStatus[] Statuses = [AttendanceStatus.Present, AttendanceStatus.Late, AttendanceStatus.LeftEarly, AttendanceStatus.Excused, AttendanceStatus.Absent];

    public string Status(AttendanceStatus? status) => status switch
    {
        AttendanceStatus.Present => text["anwesend"],
        AttendanceStatus.Late => text["verspätet"],
        AttendanceStatus.LeftEarly => text["früher gegangen"],
        AttendanceStatus.Excused => text["entschuldigt"],
        AttendanceStatus.Absent => text["abwesend"],
        _ => text["nicht erfasst"],
    };

    public string Rsvp(RsvpAnswer? answer) => answer switch
    {
        RsvpAnswer.Yes => text["zugesagt"],
        RsvpAnswer.No => text["abgesagt"],
        _ => text["keine Antwort"],
    };

    public string When(DateTimeOffset starts, DateTimeOffset ends) => Events.EventMails.When(starts, ends);

    /// <summary>One instant in German local time, in the reader's culture ("10. Oktober 2026, 17:00").</summary>
    public static string Moment(DateTimeOffset at) =>
        Shared.ProgrammeTime.ToLocal(at).ToString("d. MMMM yyyy, HH:mm", System.Globalization.CultureInfo.CurrentCulture);

    public static string German(AttendanceStatus? status, bool expected) => !expected ? "vor dem Eintritt in die Reihe" : status switch
    {
        AttendanceStatus.Present => "anwesend",
        AttendanceStatus.Late => "anwesend (später gekommen)",
        AttendanceStatus.LeftEarly => "anwesend (früher gegangen)",
        AttendanceStatus.Excused => "entschuldigt",
        AttendanceStatus.Absent => "nicht anwesend",
        _ => "nicht erfasst",
    };

    /// <summary>The certificate, or the attendance confirmation when there is none.</summary>
    public static CertificateDocument Document(SeriesView view, ParticipantProgress p, string poolName, DateTimeOffset now, string verifyBase) => new(
        poolName, p.Certificate is { HolderName: { } holder } ? holder : p.Name, view.Series.Title,
        p.Cells.Select(c => new PdfSeminar(c.Seminar.Title, c.Seminar.StartsAt, c.Seminar.EndsAt, c.Seminar.TopicList.ToList(), German(c.Status, c.Expected))).ToList(),
        p.Attended, view.Seminars.Count, p.Certificate?.IssuedAt ?? now, view.Series.Signatory, p.Certificate?.Code,
        p.Certificate is { } c2 ? $"{verifyBase}/certificates/verify/{SeminarProgram.FormatCode(c2.Code)}" : null);
}
