using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beraterpool.Web.Features.Events;

/// <summary>
/// Registered: has a place. Waiting: on the waiting list, in order of registration. Offered: a place became free and is
/// held for this person until <see cref="EventRegistration.OfferExpiresAt"/>. Cancelled: by the person or the office;
/// Expired: an offer that was not taken in time.
/// </summary>
public enum RegistrationStatus { Registered = 1, Waiting = 2, Offered = 3, Cancelled = 4, Expired = 5 }

/// <summary>
/// One person's registration for an event, without an account: the personal link (its secret stored as a hash) lets
/// them cancel or take an offered place. Six months after the event the personal fields are removed; organisation and
/// attendance stay for the figures.
/// </summary>
public sealed class EventRegistration
{
    public int Id { get; set; }
    public int EventId { get; set; }
    public required string Name { get; set; }
    public required string Email { get; set; }
    public string? Organisation { get; set; }
    public string? Function { get; set; }
    /// <summary>Wishes for the day (accessibility, food) in the person's words.</summary>
    public string? Notes { get; set; }
    public RegistrationStatus Status { get; set; }
    public required string TokenHash { get; set; }
    /// <summary>The secret itself, encrypted (Data Protection): an offer or a place given by the office repeats the same link.</summary>
    public string? TokenProtected { get; set; }
    public string? Culture { get; set; }
    public DateTimeOffset ConsentGivenAt { get; set; }
    public DateTimeOffset RegisteredAt { get; set; }
    public DateTimeOffset? OfferedAt { get; set; }
    public DateTimeOffset? OfferExpiresAt { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }
    public DateTimeOffset? CheckedInAt { get; set; }
    public DateTimeOffset? ReminderSentAt { get; set; }
    /// <summary>Set when the personal fields were removed after the event.</summary>
    public DateTimeOffset? AnonymisedAt { get; set; }

    /// <summary>Holds a place: registered, or offered and not yet expired.</summary>
    public static bool HoldsPlace(RegistrationStatus s) => s is RegistrationStatus.Registered or RegistrationStatus.Offered;
}

public sealed class EventRegistrationConfiguration : IEntityTypeConfiguration<EventRegistration>
{
    public void Configure(EntityTypeBuilder<EventRegistration> b)
    {
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Email).HasMaxLength(320);
        b.Property(x => x.Organisation).HasMaxLength(200);
        b.Property(x => x.Function).HasMaxLength(200);
        b.Property(x => x.Notes).HasMaxLength(1000);
        b.Property(x => x.TokenHash).HasMaxLength(64);
        b.Property(x => x.TokenProtected).HasMaxLength(400);
        b.Property(x => x.Culture).HasMaxLength(5);
        b.HasIndex(x => x.TokenHash).IsUnique();
        b.HasIndex(x => new { x.EventId, x.Status, x.RegisteredAt });
        b.HasIndex(x => x.Email);
        b.HasIndex(x => new { x.Status, x.OfferExpiresAt });
    }
}
