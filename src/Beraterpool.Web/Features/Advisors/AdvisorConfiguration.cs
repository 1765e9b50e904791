using Beraterpool.Web.Features.Municipalities;
using Beraterpool.Web.Features.Pools;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beraterpool.Web.Features.Advisors;

public sealed class AdvisorConfiguration :
    IEntityTypeConfiguration<Advisor>, IEntityTypeConfiguration<AdvisorCountry>, IEntityTypeConfiguration<AdvisorLanguage>,
    IEntityTypeConfiguration<AdvisorTopic>, IEntityTypeConfiguration<AdvisorConsent>, IEntityTypeConfiguration<BlockedPeriod>,
    IEntityTypeConfiguration<AdvisorPhoto>
{
    public void Configure(EntityTypeBuilder<Advisor> b)
    {
        b.HasIndex(a => new { a.PoolId, a.Slug }).IsUnique();
        b.HasIndex(a => new { a.PoolId, a.Status, a.LastName });
        b.HasIndex(a => a.UserId).IsUnique();
        b.HasIndex(a => a.Email);
        b.HasIndex(a => a.CityKey);
        b.Property(a => a.Slug).HasMaxLength(80);
        b.Property(a => a.FirstName).HasMaxLength(80);
        b.Property(a => a.LastName).HasMaxLength(80);
        b.Property(a => a.Email).HasMaxLength(200);
        b.Property(a => a.GenderSelfDescription).HasMaxLength(60);
        b.Property(a => a.CityKey).HasMaxLength(8);
        b.Property(a => a.EmployerKey).HasMaxLength(8);
        b.Property(a => a.Expertise).HasMaxLength(1000);
        b.Property(a => a.Bio).HasMaxLength(2000);
        b.HasOne<Pool>().WithMany().HasForeignKey(a => a.PoolId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Accounts.AppUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Municipality>().WithMany().HasForeignKey(a => a.CityKey).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(a => a.Countries).WithOne().HasForeignKey(x => x.AdvisorId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(a => a.Languages).WithOne().HasForeignKey(x => x.AdvisorId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(a => a.Topics).WithOne().HasForeignKey(x => x.AdvisorId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(a => a.Consents).WithOne().HasForeignKey(x => x.AdvisorId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(a => a.BlockedPeriods).WithOne().HasForeignKey(x => x.AdvisorId).OnDelete(DeleteBehavior.Cascade);
    }

    // Join tables are keyed (filter value, advisor) so a filter is driven from the index (PERFORMANCE.md).
    public void Configure(EntityTypeBuilder<AdvisorCountry> b)
    {
        b.HasKey(x => new { x.CountryCode, x.AdvisorId });
        b.HasIndex(x => x.AdvisorId);
        b.Property(x => x.CountryCode).HasMaxLength(2);
    }

    public void Configure(EntityTypeBuilder<AdvisorLanguage> b)
    {
        b.HasKey(x => new { x.LanguageCode, x.AdvisorId });
        b.HasIndex(x => x.AdvisorId);
        b.Property(x => x.LanguageCode).HasMaxLength(3);
    }

    public void Configure(EntityTypeBuilder<AdvisorTopic> b)
    {
        b.HasKey(x => new { x.TopicId, x.AdvisorId });
        b.HasIndex(x => x.AdvisorId);
        b.HasOne<Topic>().WithMany().HasForeignKey(x => x.TopicId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<AdvisorConsent> b)
    {
        b.HasKey(x => new { x.AdvisorId, x.Field });
        b.Property(x => x.GrantedVia).HasMaxLength(40);
        b.Property(x => x.GrantedByUserId).HasMaxLength(450);
    }

    public void Configure(EntityTypeBuilder<BlockedPeriod> b)
    {
        b.HasIndex(x => new { x.AdvisorId, x.From });
        b.Property(x => x.Note).HasMaxLength(200);
    }

    public void Configure(EntityTypeBuilder<AdvisorPhoto> b)
    {
        b.HasKey(x => x.AdvisorId);
        b.Property(x => x.ContentType).HasMaxLength(20);
        b.HasOne<Advisor>().WithOne().HasForeignKey<AdvisorPhoto>(x => x.AdvisorId).OnDelete(DeleteBehavior.Cascade);
    }
}
