using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beraterpool.Web.Features.Pools;

/// <summary>One advisor pool, e.g. "MiGlobe NRW"; covers one or more federal states.</summary>
public sealed class Pool
{
    public int Id { get; set; }
    /// <summary>URL prefix: /pool/{Slug}/… selects this pool; the default pool also answers on bare routes.</summary>
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public required string BrandName { get; set; }
    public string? Claim { get; set; }
    /// <summary>Two-digit state codes (Land) of the register, e.g. "05" for NRW.</summary>
    public List<string> StateCodes { get; set; } = [];
    public required string ContactEmail { get; set; }
    public decimal DayRate { get; set; }
    public int AnnualDayQuota { get; set; } = 10;
    /// <summary>Optional host name that selects this pool (e.g. miglobe-bw.example.org).</summary>
    public string? Host { get; set; }
    public bool IsDefault { get; set; }
    public byte[]? Logo { get; set; }
    public string? LogoContentType { get; set; }
    /// <summary>"#rrggbb", checked for WCAG AA contrast (<see cref="BrandColours"/>); null: the standard colour.</summary>
    public string? BrandPrimaryColor { get; set; }
    public string? BrandAccentColor { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public Matching.MatchingWeights Matching { get; set; } = new();

    /// <summary>Who the advisors' invoices are addressed to: the agency that pays the fees, e.g. "Engagement Global gGmbH".</summary>
    public string? InvoiceRecipient { get; set; }
    public string? InvoiceStreet { get; set; }
    public string? InvoicePostalCode { get; set; }
    public string? InvoiceCity { get; set; }
    /// <summary>The account the fees are paid from (the debtor of the SEPA credit transfer). An agency's account, not personal data.</summary>
    public string? DebtorName { get; set; }
    public string? DebtorIban { get; set; }
    public string? DebtorBic { get; set; }
    /// <summary>When on, a second coordinator (neither the approver nor the advisor) releases each approved payment.</summary>
    public bool FourEyesPayments { get; set; }
    /// <summary>Months after the decision until a declined application is deleted (the form tells applicants).</summary>
    public int ApplicationRetentionMonths { get; set; } = 6;

    public List<Topic> Topics { get; set; } = [];
    public List<PoolCoordinator> Coordinators { get; set; } = [];
}

/// <summary>Assigns a user as coordinator of one pool; coordinators see only their pools.</summary>
public sealed class PoolCoordinator
{
    public int PoolId { get; set; }
    public required string UserId { get; set; }
}

/// <summary>A pool-managed topic (Themenfeld), named in the three UI languages.</summary>
public sealed class Topic
{
    public int Id { get; set; }
    public int PoolId { get; set; }
    public required string Slug { get; set; }
    public required string NameDe { get; set; }
    public string? NameEn { get; set; }
    public string? NameFr { get; set; }
    public int SortOrder { get; set; }

    public string Name(string culture) => culture switch
    {
        "en" => NameEn ?? NameDe,
        "fr" => NameFr ?? NameDe,
        _ => NameDe,
    };
}

public sealed class PoolConfiguration : IEntityTypeConfiguration<Pool>, IEntityTypeConfiguration<PoolCoordinator>, IEntityTypeConfiguration<Topic>
{
    public void Configure(EntityTypeBuilder<Pool> b)
    {
        b.HasIndex(p => p.Slug).IsUnique();
        b.HasIndex(p => p.Host);
        b.Property(p => p.Slug).HasMaxLength(40);
        b.Property(p => p.Name).HasMaxLength(120);
        b.Property(p => p.BrandName).HasMaxLength(80);
        b.Property(p => p.Claim).HasMaxLength(200);
        b.Property(p => p.ContactEmail).HasMaxLength(200);
        b.Property(p => p.Host).HasMaxLength(200);
        b.Property(p => p.LogoContentType).HasMaxLength(40);
        b.Property(p => p.BrandPrimaryColor).HasMaxLength(7);
        b.Property(p => p.BrandAccentColor).HasMaxLength(7);
        b.Property(p => p.DayRate).HasPrecision(10, 2);
        b.Property(p => p.InvoiceRecipient).HasMaxLength(140);
        b.Property(p => p.InvoiceStreet).HasMaxLength(150);
        b.Property(p => p.InvoicePostalCode).HasMaxLength(10);
        b.Property(p => p.InvoiceCity).HasMaxLength(100);
        b.Property(p => p.DebtorName).HasMaxLength(70);
        b.Property(p => p.DebtorIban).HasMaxLength(34);
        b.Property(p => p.DebtorBic).HasMaxLength(11);
        // A short comma list keeps both providers on one simple column.
        b.Property(p => p.StateCodes).HasConversion(
                v => string.Join(',', v),
                v => v.Split(',', StringSplitOptions.RemoveEmptyEntries).ToList(),
                new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<List<string>>(
                    (a, c) => a!.SequenceEqual(c!), v => string.Join(',', v).GetHashCode(), v => v.ToList()))
            .HasMaxLength(60);
        b.OwnsOne(p => p.Matching, m => m.Property(x => x.KmRate).HasPrecision(6, 2));
        b.HasMany(p => p.Topics).WithOne().HasForeignKey(t => t.PoolId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.Coordinators).WithOne().HasForeignKey(c => c.PoolId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<PoolCoordinator> b)
    {
        b.HasKey(c => new { c.PoolId, c.UserId });
        b.HasIndex(c => c.UserId);
        b.HasOne<Accounts.AppUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<Topic> b)
    {
        b.HasIndex(t => new { t.PoolId, t.Slug }).IsUnique();
        b.Property(t => t.Slug).HasMaxLength(60);
        b.Property(t => t.NameDe).HasMaxLength(120);
        b.Property(t => t.NameEn).HasMaxLength(120);
        b.Property(t => t.NameFr).HasMaxLength(120);
    }
}
