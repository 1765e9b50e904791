using Beraterpool.Web.Features.Municipalities;
using Beraterpool.Web.Features.Stakeholders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beraterpool.Web.Features.Events;

public enum EventOutcomeKind { RequestExpected = 1, FollowUpMeeting = 2, ContactMade = 3, Other = 9 }

/// <summary>
/// What came of an event with one partner: a municipality of the register (one of the event's partner municipalities)
/// or an organisation of the pool's network — exactly one of the two. The organisation's timeline reads the outcomes
/// live (its own, and those with the municipality it stands for). A follow-up made with it is an ordinary stakeholder
/// follow-up; the outcome only remembers which one.
/// </summary>
public sealed class EventOutcome
{
    public int Id { get; set; }
    public int EventId { get; set; }
    public EventOutcomeKind Kind { get; set; }
    public required string Text { get; set; }
    public string? MunicipalityKey { get; set; }
    public int? OrganisationId { get; set; }
    public int? FollowUpId { get; set; }
    public string? CreatedByUserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class EventOutcomeConfiguration : IEntityTypeConfiguration<EventOutcome>
{
    public void Configure(EntityTypeBuilder<EventOutcome> b)
    {
        b.Property(x => x.Text).HasMaxLength(2000);
        b.Property(x => x.MunicipalityKey).HasMaxLength(8);
        b.Property(x => x.CreatedByUserId).HasMaxLength(450);
        b.HasIndex(x => x.EventId);
        b.HasIndex(x => x.MunicipalityKey);
        b.HasIndex(x => x.OrganisationId);
        b.ToTable(t => t.HasCheckConstraint("CK_EventOutcomes_OneLink",
            "(\"MunicipalityKey\" IS NULL AND \"OrganisationId\" IS NOT NULL) OR (\"MunicipalityKey\" IS NOT NULL AND \"OrganisationId\" IS NULL)"));
        b.HasOne<Event>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Municipality>().WithMany().HasForeignKey(x => x.MunicipalityKey).OnDelete(DeleteBehavior.Restrict);
        // An outcome is about its organisation: it goes when the organisation is removed from the network.
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<FollowUp>().WithMany().HasForeignKey(x => x.FollowUpId).OnDelete(DeleteBehavior.SetNull);
    }
}
