using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beraterpool.Web.Features.Municipalities;

/// <summary>A federal state (Land) of the register, record type 10.</summary>
public sealed class State
{
    /// <summary>Two digits, e.g. "05" for North Rhine-Westphalia.</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
}

/// <summary>A government district (Regierungsbezirk, record 20) or, in Baden-Württemberg, a region (record 30).</summary>
public sealed class GovernmentDistrict
{
    /// <summary>Land + Regierungsbezirk (3 digits), or Land + Rb + region digit for record 30 (4 digits).</summary>
    public required string Key { get; set; }
    public required string Name { get; set; }
    public required string StateCode { get; set; }
}

/// <summary>A municipal association (Gemeindeverband, record 50): Amt, Verbandsgemeinde, Samtgemeinde …</summary>
public sealed class MunicipalAssociation
{
    /// <summary>Land + Rb + Kreis + Verband (9 digits).</summary>
    public required string Key { get; set; }
    public required string Name { get; set; }
    public required string TypeCode { get; set; }
    public required string DistrictKey { get; set; }
}

/// <summary>
/// A municipality (8-digit key, record 60) or a district (Kreis / kreisfreie Stadt, 5-digit key, record 40):
/// requests, forums and engagements can concern either, so both live in one table keyed by the official key.
/// </summary>
public sealed class Municipality
{
    public required string OfficialKey { get; set; }
    public MunicipalityLevel Level { get; set; }
    /// <summary>The register's name, e.g. "Köln, Stadt".</summary>
    public required string Name { get; set; }
    /// <summary>The name people use, e.g. "Köln" (register suffixes after the comma dropped).</summary>
    public required string ShortName { get; set; }
    /// <summary>Lower-case, umlaut-folded <see cref="ShortName"/> for prefix search.</summary>
    public required string SearchName { get; set; }
    /// <summary>The register's text code (Textkennzeichen), e.g. 61 kreisfreie Stadt, 63 Stadt, 64 Gemeinde.</summary>
    public required string TypeCode { get; set; }
    public required string StateCode { get; set; }
    public string? GovernmentDistrictKey { get; set; }
    /// <summary>5-digit key of the district; for a district its own key.</summary>
    public required string DistrictKey { get; set; }
    public string? AssociationKey { get; set; }
    public decimal? AreaKm2 { get; set; }
    public int? Population { get; set; }
    public int? PopulationMale { get; set; }
    public int? PopulationFemale { get; set; }
    public string? PostalCode { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
}

public enum MunicipalityLevel { Municipality = 1, District = 2 }

public sealed class MunicipalityConfiguration :
    IEntityTypeConfiguration<State>, IEntityTypeConfiguration<GovernmentDistrict>,
    IEntityTypeConfiguration<MunicipalAssociation>, IEntityTypeConfiguration<Municipality>
{
    public void Configure(EntityTypeBuilder<State> b)
    {
        b.HasKey(s => s.Code);
        b.Property(s => s.Code).HasMaxLength(2);
        b.Property(s => s.Name).HasMaxLength(100);
    }

    public void Configure(EntityTypeBuilder<GovernmentDistrict> b)
    {
        b.HasKey(d => d.Key);
        b.Property(d => d.Key).HasMaxLength(4);
        b.Property(d => d.Name).HasMaxLength(100);
        b.Property(d => d.StateCode).HasMaxLength(2);
        b.HasOne<State>().WithMany().HasForeignKey(d => d.StateCode).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<MunicipalAssociation> b)
    {
        b.HasKey(a => a.Key);
        b.Property(a => a.Key).HasMaxLength(9);
        b.Property(a => a.Name).HasMaxLength(150);
        b.Property(a => a.TypeCode).HasMaxLength(2);
        b.Property(a => a.DistrictKey).HasMaxLength(5);
        b.HasIndex(a => a.DistrictKey);
    }

    public void Configure(EntityTypeBuilder<Municipality> b)
    {
        b.HasKey(m => m.OfficialKey);
        b.Property(m => m.OfficialKey).HasMaxLength(8);
        b.Property(m => m.Name).HasMaxLength(150);
        b.Property(m => m.ShortName).HasMaxLength(150);
        b.Property(m => m.SearchName).HasMaxLength(150);
        b.Property(m => m.TypeCode).HasMaxLength(2);
        b.Property(m => m.StateCode).HasMaxLength(2);
        b.Property(m => m.GovernmentDistrictKey).HasMaxLength(4);
        b.Property(m => m.DistrictKey).HasMaxLength(5);
        b.Property(m => m.AssociationKey).HasMaxLength(9);
        b.Property(m => m.PostalCode).HasMaxLength(5);
        b.Property(m => m.AreaKm2).HasPrecision(10, 2);
        b.HasIndex(m => m.SearchName);
        b.HasIndex(m => m.PostalCode);
        b.HasIndex(m => new { m.StateCode, m.Level });
        b.HasIndex(m => m.DistrictKey);
        b.HasOne<State>().WithMany().HasForeignKey(m => m.StateCode).OnDelete(DeleteBehavior.Restrict);
    }
}
