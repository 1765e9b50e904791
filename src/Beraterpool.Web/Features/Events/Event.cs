using Beraterpool.Web.Features.Advisors;
using Beraterpool.Web.Features.Municipalities;
using Beraterpool.Web.Features.Pools;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beraterpool.Web.Features.Events;

/// <summary>The kinds the programme holds: the dialogue forums (<c>DialogueForum</c>, with a municipality or qualifying with stakeholders) and the rest.</summary>
public enum EventKind { DialogueForum = 1, QualifyingForum = 2, Presentation = 3, InformationEvent = 4, Other = 9 }

/// <summary>
/// A dialogue forum, presentation or information event of a pool. Times are instants (UTC in the database) and are shown
/// and entered in German local time. A public event is listed on the pool's site and in its iCal feed, and anyone may
/// register; an event by invitation is seen only by the office, which registers people itself.
/// </summary>
public sealed class Event
{
    public const int MaxText = 20_000;

    public int Id { get; set; }
    public int PoolId { get; set; }
    public required string Title { get; set; }
    public EventKind Kind { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    /// <summary>Address of the venue; empty for an online event.</summary>
    public string? Place { get; set; }
    public string? OnlineUrl { get; set; }
    /// <summary>Partner organisations in words, until stakeholders have their own records.</summary>
    public string? Organisations { get; set; }
    /// <summary>Markdown.</summary>
    public string? Description { get; set; }
    public string? AccessibilityNotes { get; set; }
    /// <summary>Places; null = no limit.</summary>
    public int? Capacity { get; set; }
    public bool IsPublic { get; set; }
    /// <summary>Registration closes then; null = when the event starts.</summary>
    public DateTimeOffset? RegistrationDeadline { get; set; }
    /// <summary>The documentation after the event (Markdown), and what came of it.</summary>
    public string? Minutes { get; set; }
    public string? Outcomes { get; set; }
    public bool IsCancelled { get; set; }
    /// <summary>Stable UID of the calendar entry; SEQUENCE counts its changes so calendar programs replace the old one.</summary>
    public Guid CalendarUid { get; set; } = Guid.NewGuid();
    public int CalendarSequence { get; set; }
    /// <summary>Bumped in every registration's transaction: the row lock makes concurrent registrations for the last place take turns.</summary>
    public int RegistrationVersion { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public List<EventMunicipality> Municipalities { get; set; } = [];
    public List<EventPresenter> Presenters { get; set; } = [];
    public List<EventRegistration> Registrations { get; set; } = [];

    public DateTimeOffset RegistrationClosesAt => RegistrationDeadline is { } d && d < StartsAt ? d : StartsAt;
}

/// <summary>A partner municipality or district of the event, from the register.</summary>
public sealed class EventMunicipality
{
    public int EventId { get; set; }
    public required string MunicipalityKey { get; set; }
}

/// <summary>An advisor of the pool who presents at the event.</summary>
public sealed class EventPresenter
{
    public int EventId { get; set; }
    public int AdvisorId { get; set; }
}

public sealed class EventConfiguration : IEntityTypeConfiguration<Event>
{
    public void Configure(EntityTypeBuilder<Event> b)
    {
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Place).HasMaxLength(500);
        b.Property(x => x.OnlineUrl).HasMaxLength(500);
        b.Property(x => x.Organisations).HasMaxLength(1000);
        b.Property(x => x.Description).HasMaxLength(Event.MaxText);
        b.Property(x => x.AccessibilityNotes).HasMaxLength(2000);
        b.Property(x => x.Minutes).HasMaxLength(Event.MaxText);
        b.Property(x => x.Outcomes).HasMaxLength(4000);
        // The public list and the feed: a pool's public events by date.
        b.HasIndex(x => new { x.PoolId, x.IsPublic, x.StartsAt });
        b.HasOne<Pool>().WithMany().HasForeignKey(x => x.PoolId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Municipalities).WithOne().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Presenters).WithOne().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Registrations).WithOne().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class EventMunicipalityConfiguration : IEntityTypeConfiguration<EventMunicipality>
{
    public void Configure(EntityTypeBuilder<EventMunicipality> b)
    {
        b.HasKey(x => new { x.EventId, x.MunicipalityKey });
        b.Property(x => x.MunicipalityKey).HasMaxLength(8);
        b.HasIndex(x => x.MunicipalityKey);
        b.HasOne<Municipality>().WithMany().HasForeignKey(x => x.MunicipalityKey).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class EventPresenterConfiguration : IEntityTypeConfiguration<EventPresenter>
{
    public void Configure(EntityTypeBuilder<EventPresenter> b)
    {
        b.HasKey(x => new { x.EventId, x.AdvisorId });
        b.HasIndex(x => x.AdvisorId);
        b.HasOne<Advisor>().WithMany().HasForeignKey(x => x.AdvisorId).OnDelete(DeleteBehavior.Cascade);
    }
}
