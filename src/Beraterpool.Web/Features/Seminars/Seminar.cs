using Beraterpool.Web.Features.Advisors;
using Beraterpool.Web.Features.Pools;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beraterpool.Web.Features.Seminars;

/// <summary>
/// A qualification programme of a pool (e.g. "Qualifizierung 2014/2015"): its seminars, its participants and the rule
/// for the certificate: attended at least <see cref="RequiredSeminars"/> seminars. Arriving late and leaving early count
/// as attended unless the series says otherwise (<see cref="LateCounts"/>, <see cref="LeftEarlyCounts"/>): the person
/// took part in the seminar's work, and the office records the difference so that it can speak about it.
/// </summary>
public sealed class SeminarSeries
{
    public const int MaxText = 20_000;

    public int Id { get; set; }
    public int PoolId { get; set; }
    public required string Title { get; set; }
    /// <summary>Markdown.</summary>
    public string? Description { get; set; }
    public int RequiredSeminars { get; set; } = 5;
    public bool LateCounts { get; set; } = true;
    public bool LeftEarlyCounts { get; set; } = true;
    /// <summary>Who signs the certificate (name and function, printed under the signature line).</summary>
    public string? Signatory { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public List<Seminar> Seminars { get; set; } = [];
    public List<SeminarParticipant> Participants { get; set; } = [];

    public bool Counts(AttendanceStatus? status) => status switch
    {
        AttendanceStatus.Present => true,
        AttendanceStatus.Late => LateCounts,
        AttendanceStatus.LeftEarly => LeftEarlyCounts,
        _ => false,
    };
}

/// <summary>One seminar (module) of a series. Times are instants, shown and entered in German local time.</summary>
public sealed class Seminar
{
    public int Id { get; set; }
    public int SeriesId { get; set; }
    public required string Title { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public string? Place { get; set; }
    public string? OnlineUrl { get; set; }
    /// <summary>The trainer(s) in words.</summary>
    public string? Trainers { get; set; }
    /// <summary>The topics, one line each; the certificate lists them.</summary>
    public string? Topics { get; set; }
    /// <summary>Markdown.</summary>
    public string? Agenda { get; set; }
    /// <summary>Markdown: texts and links to the materials.</summary>
    public string? Materials { get; set; }
    public Guid CalendarUid { get; set; } = Guid.NewGuid();
    public int CalendarSequence { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public IEnumerable<string> TopicList => (Topics ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>
/// An advisor taking part in a series: by default the pool's advisors in qualification, others invited by the office.
/// <see cref="JoinedAt"/> makes the expected set: seminars that began before the person joined are not theirs, so they
/// are never counted absent there.
/// </summary>
public sealed class SeminarParticipant
{
    public int Id { get; set; }
    public int SeriesId { get; set; }
    public int AdvisorId { get; set; }
    public DateTimeOffset JoinedAt { get; set; }
    /// <summary>Added by the office although not in qualification (an alumna repeating a module, a guest from the pool).</summary>
    public bool Invited { get; set; }

    public bool Expects(Seminar s) => s.StartsAt >= JoinedAt;
}

public enum AttendanceStatus { Present = 1, Late = 2, LeftEarly = 3, Excused = 4, Absent = 5 }

public enum RsvpAnswer { Yes = 1, No = 2 }

/// <summary>A participant and one seminar: the invitation (its personal RSVP link as a hash), the answer, the attendance.</summary>
public sealed class SeminarAttendance
{
    public int Id { get; set; }
    public int SeminarId { get; set; }
    public int ParticipantId { get; set; }
    public DateTimeOffset? InvitedAt { get; set; }
    public string? TokenHash { get; set; }
    public RsvpAnswer? Rsvp { get; set; }
    public DateTimeOffset? RsvpAt { get; set; }
    public AttendanceStatus? Status { get; set; }
    public DateTimeOffset? RecordedAt { get; set; }
    public string? RecordedByUserId { get; set; }
}

/// <summary>
/// An issued certificate: its code (random, 100 bits) is printed on the PDF and confirmed publicly at
/// <c>/certificates/verify/{code}</c>. The holder's name is kept as printed; an erasure removes it.
/// </summary>
public sealed class SeminarCertificate
{
    public int Id { get; set; }
    public int SeriesId { get; set; }
    public int ParticipantId { get; set; }
    public required string Code { get; set; }
    public string? HolderName { get; set; }
    public int AttendedSeminars { get; set; }
    public DateTimeOffset IssuedAt { get; set; }
    public string? IssuedByUserId { get; set; }
    /// <summary>Set when the holder's data were erased: the code still answers, without a name.</summary>
    public DateTimeOffset? ErasedAt { get; set; }
}

public sealed class SeminarSeriesConfiguration : IEntityTypeConfiguration<SeminarSeries>
{
    public void Configure(EntityTypeBuilder<SeminarSeries> b)
    {
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Description).HasMaxLength(SeminarSeries.MaxText);
        b.Property(x => x.Signatory).HasMaxLength(200);
        b.HasIndex(x => x.PoolId);
        b.HasOne<Pool>().WithMany().HasForeignKey(x => x.PoolId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Seminars).WithOne().HasForeignKey(x => x.SeriesId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Participants).WithOne().HasForeignKey(x => x.SeriesId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class SeminarConfiguration : IEntityTypeConfiguration<Seminar>
{
    public void Configure(EntityTypeBuilder<Seminar> b)
    {
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Place).HasMaxLength(500);
        b.Property(x => x.OnlineUrl).HasMaxLength(500);
        b.Property(x => x.Trainers).HasMaxLength(500);
        b.Property(x => x.Topics).HasMaxLength(2000);
        b.Property(x => x.Agenda).HasMaxLength(SeminarSeries.MaxText);
        b.Property(x => x.Materials).HasMaxLength(SeminarSeries.MaxText);
        b.HasIndex(x => new { x.SeriesId, x.StartsAt });
    }
}

public sealed class SeminarParticipantConfiguration : IEntityTypeConfiguration<SeminarParticipant>
{
    public void Configure(EntityTypeBuilder<SeminarParticipant> b)
    {
        b.HasIndex(x => new { x.SeriesId, x.AdvisorId }).IsUnique();
        b.HasIndex(x => x.AdvisorId);
        b.HasOne<Advisor>().WithMany().HasForeignKey(x => x.AdvisorId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class SeminarAttendanceConfiguration : IEntityTypeConfiguration<SeminarAttendance>
{
    public void Configure(EntityTypeBuilder<SeminarAttendance> b)
    {
        b.Property(x => x.TokenHash).HasMaxLength(64);
        b.Property(x => x.RecordedByUserId).HasMaxLength(450);
        b.HasIndex(x => new { x.SeminarId, x.ParticipantId }).IsUnique();
        b.HasIndex(x => x.ParticipantId);
        b.HasIndex(x => x.TokenHash).IsUnique();
        b.HasOne<Seminar>().WithMany().HasForeignKey(x => x.SeminarId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<SeminarParticipant>().WithMany().HasForeignKey(x => x.ParticipantId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class SeminarCertificateConfiguration : IEntityTypeConfiguration<SeminarCertificate>
{
    public void Configure(EntityTypeBuilder<SeminarCertificate> b)
    {
        b.Property(x => x.Code).HasMaxLength(32);
        b.Property(x => x.HolderName).HasMaxLength(200);
        b.Property(x => x.IssuedByUserId).HasMaxLength(450);
        b.HasIndex(x => x.Code).IsUnique();
        b.HasIndex(x => new { x.SeriesId, x.ParticipantId }).IsUnique();
        b.HasIndex(x => x.ParticipantId);
        b.HasOne<SeminarSeries>().WithMany().HasForeignKey(x => x.SeriesId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<SeminarParticipant>().WithMany().HasForeignKey(x => x.ParticipantId).OnDelete(DeleteBehavior.Cascade);
    }
}
