using Beraterpool.Web.Features.Accounts;
using Beraterpool.Web.Features.Municipalities;
using Beraterpool.Web.Features.Pools;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beraterpool.Web.Features.Stakeholders;

public enum OrganisationKind
{
    StateAgency = 1, Ministry = 2, MunicipalAssociation = 3, Network = 4, MigrantOrganisation = 5, Church = 6, Foundation = 7,
    VolunteerAgency = 8, MunicipalityUnit = 9, Other = 99,
}

/// <summary>A partner of a pool's network: an agency, a network, a municipality's office; linked to the register where it is a municipality.</summary>
public sealed class Organisation
{
    public int Id { get; set; }
    public int PoolId { get; set; }
    public required string Name { get; set; }
    public OrganisationKind Kind { get; set; }
    public string? Address { get; set; }
    public string? Website { get; set; }
    public string? MunicipalityKey { get; set; }
    /// <summary>Comma-separated, as typed ("SDG,Integration"); see <see cref="StakeholderTags"/>.</summary>
    public string? Tags { get; set; }
    public string? Notes { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// A person in the network. Personal data: kept while the pool works with the person; offered for mailings and as
/// contactable in exports only with a consent that is not withdrawn.
/// </summary>
public sealed class Contact
{
    public int Id { get; set; }
    public int PoolId { get; set; }
    public required string Name { get; set; }
    public string? Function { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Tags { get; set; }
    public string? Notes { get; set; }
    /// <summary>When and how the person agreed to be contacted ("Visitenkarte beim Dialogforum", "E-Mail vom …").</summary>
    public DateOnly? ConsentGivenOn { get; set; }
    public string? ConsentSource { get; set; }
    public DateOnly? ConsentWithdrawnOn { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public List<ContactOrganisation> Organisations { get; set; } = [];

    public bool IsContactable => ConsentGivenOn is not null && ConsentWithdrawnOn is null;
}

public sealed class ContactOrganisation
{
    public int ContactId { get; set; }
    public int OrganisationId { get; set; }
    /// <summary>Set only to link an organisation that is saved in the same step (the import).</summary>
    public Organisation? Organisation { get; set; }
}

/// <summary>EventOutcome is only read from the outcomes of the events, never written by hand.</summary>
public enum TimelineKind { Meeting = 1, Call = 2, Email = 3, EventAttendance = 4, Presentation = 5, Interview = 6, EventOutcome = 7 }

/// <summary>Something that happened with an organisation or a contact (or both), written down by the office.</summary>
public sealed class TimelineEntry
{
    public int Id { get; set; }
    public int PoolId { get; set; }
    public int? OrganisationId { get; set; }
    public int? ContactId { get; set; }
    public TimelineKind Kind { get; set; }
    public DateOnly On { get; set; }
    public required string Subject { get; set; }
    public string? Notes { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>Something to do next about an organisation or contact, by a day, for one coordinator.</summary>
public sealed class FollowUp
{
    public int Id { get; set; }
    public int PoolId { get; set; }
    public int? OrganisationId { get; set; }
    public int? ContactId { get; set; }
    public required string Title { get; set; }
    public DateOnly DueOn { get; set; }
    public string? OwnerUserId { get; set; }
    public DateTimeOffset? DoneAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public static class StakeholderTags
{
    /// <summary>"SDG, Integration ,sdg" → "SDG,Integration": trimmed, without duplicates (ignoring case), commas inside a tag impossible.</summary>
    public static string? Normalise(string? tags)
    {
        if (string.IsNullOrWhiteSpace(tags)) return null;
        var list = tags.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return list.Count == 0 ? null : string.Join(',', list);
    }

    public static IReadOnlyList<string> Split(string? tags) =>
        string.IsNullOrEmpty(tags) ? [] : tags.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

public sealed class StakeholderConfiguration :
    IEntityTypeConfiguration<Organisation>, IEntityTypeConfiguration<Contact>, IEntityTypeConfiguration<ContactOrganisation>,
    IEntityTypeConfiguration<TimelineEntry>, IEntityTypeConfiguration<FollowUp>
{
    public void Configure(EntityTypeBuilder<Organisation> b)
    {
        b.ToTable("Organisations");
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Address).HasMaxLength(500);
        b.Property(x => x.Website).HasMaxLength(500);
        b.Property(x => x.MunicipalityKey).HasMaxLength(8);
        b.Property(x => x.Tags).HasMaxLength(500);
        b.Property(x => x.Notes).HasMaxLength(4000);
        b.HasIndex(x => new { x.PoolId, x.Name });
        b.HasIndex(x => x.MunicipalityKey);
        b.HasOne<Pool>().WithMany().HasForeignKey(x => x.PoolId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Municipality>().WithMany().HasForeignKey(x => x.MunicipalityKey).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<Contact> b)
    {
        b.ToTable("Contacts");
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Function).HasMaxLength(200);
        b.Property(x => x.Email).HasMaxLength(320);
        b.Property(x => x.Phone).HasMaxLength(50);
        b.Property(x => x.Tags).HasMaxLength(500);
        b.Property(x => x.Notes).HasMaxLength(4000);
        b.Property(x => x.ConsentSource).HasMaxLength(200);
        b.HasIndex(x => new { x.PoolId, x.Name });
        b.HasIndex(x => x.Email);
        b.HasOne<Pool>().WithMany().HasForeignKey(x => x.PoolId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Organisations).WithOne().HasForeignKey(x => x.ContactId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ContactOrganisation> b)
    {
        b.HasKey(x => new { x.ContactId, x.OrganisationId });
        b.HasIndex(x => x.OrganisationId);
        b.HasOne(x => x.Organisation).WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<TimelineEntry> b)
    {
        b.ToTable("StakeholderTimeline");
        b.Property(x => x.Subject).HasMaxLength(300);
        b.Property(x => x.Notes).HasMaxLength(4000);
        b.HasIndex(x => new { x.OrganisationId, x.On });
        b.HasIndex(x => new { x.ContactId, x.On });
        b.HasOne<Pool>().WithMany().HasForeignKey(x => x.PoolId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Contact>().WithMany().HasForeignKey(x => x.ContactId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<FollowUp> b)
    {
        b.ToTable("StakeholderFollowUps");
        b.Property(x => x.Title).HasMaxLength(300);
        b.HasIndex(x => new { x.OwnerUserId, x.DoneAt, x.DueOn });
        b.HasIndex(x => x.OrganisationId);
        b.HasIndex(x => x.ContactId);
        b.HasOne<Pool>().WithMany().HasForeignKey(x => x.PoolId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Contact>().WithMany().HasForeignKey(x => x.ContactId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.OwnerUserId).OnDelete(DeleteBehavior.SetNull);
    }
}
