using Beraterpool.Web.Features.Advisors;
using Beraterpool.Web.Features.Pools;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beraterpool.Web.Features.Fees;

/// <summary>What the agency pays an advisor for one month: approved days × day rate + travel + other costs. Money is decimal.</summary>
public sealed class FeeStatement
{
    public int Id { get; set; }
    public int PoolId { get; set; }
    public int AdvisorId { get; set; }
    public int Year { get; set; }
    public int Month { get; set; }
    public FeeStatementStatus Status { get; set; } = FeeStatementStatus.Draft;
    /// <summary>The pool's day rate when the statement was created (a later change of rate does not alter it).</summary>
    public decimal DayRate { get; set; }
    public decimal OtherCosts { get; set; }
    public string? OtherCostsNote { get; set; }
    /// <summary>E.g. "Gemäß § 19 UStG wird keine Umsatzsteuer berechnet."</summary>
    public string? TaxNote { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public DateTimeOffset? ApprovedAt { get; set; }
    public string? ApprovedByUserId { get; set; }
    /// <summary>With four-eyes payments: the second coordinator who released the approved payment, and when.</summary>
    public DateTimeOffset? ReleasedAt { get; set; }
    public string? ReleasedByUserId { get; set; }
    public DateOnly? PaidOn { get; set; }
    /// <summary>The advisor's invoice number, e.g. "2026-003": the advisor's own sequence per year, given at the first submission and kept.</summary>
    public string? InvoiceNumber { get; set; }
    /// <summary>The coordinator's comment when returning the statement to the advisor.</summary>
    public string? ReturnComment { get; set; }
    /// <summary>
    /// Counts every change of status. The coordinator's buttons post the version they showed, so a decision on a
    /// page that is no longer current (returned and resubmitted meanwhile) is refused instead of applied.
    /// </summary>
    public int Version { get; set; }
    /// <summary>
    /// Where this statement is paid, taken from the bank details when it is submitted and kept from then on
    /// (encrypted like the advisor's IBAN): a later change of bank details does not divert an approved payment.
    /// </summary>
    public string? PayeeAccountHolder { get; set; }
    public string? PayeeIbanProtected { get; set; }
    public string? PayeeIbanLast4 { get; set; }
    public string? PayeeBic { get; set; }
    /// <summary>
    /// The statement's PDF as issued, rendered when its advisor is erased (Art. 17): the invoice is kept unchanged for ten
    /// years (§ 147 AO) although the profile and bank details it was rendered from are gone. Served instead of a new rendering.
    /// </summary>
    public byte[]? ArchivedPdf { get; set; }

    public List<TravelCost> TravelCosts { get; set; } = [];
}

public enum FeeStatementStatus { Draft = 0, Submitted = 1, Approved = 2, Paid = 3, Returned = 4 }

/// <summary>A travel cost line: kilometres × the pool's rate, or a ticket with a receipt.</summary>
public sealed class TravelCost
{
    public int Id { get; set; }
    public int FeeStatementId { get; set; }
    public DateOnly Date { get; set; }
    public required string Description { get; set; }
    public decimal? Kilometres { get; set; }
    public decimal Amount { get; set; }
    public byte[]? Receipt { get; set; }
    public string? ReceiptContentType { get; set; }
    public string? ReceiptFileName { get; set; }
}

/// <summary>Where the fees go. The IBAN is stored encrypted (Data Protection); only the last four digits in clear.</summary>
public sealed class AdvisorBankDetails
{
    public int AdvisorId { get; set; }
    public required string AccountHolder { get; set; }
    public required string IbanProtected { get; set; }
    public required string IbanLast4 { get; set; }
    public string? Street { get; set; }
    public string? PostalCode { get; set; }
    public string? City { get; set; }
    public string? TaxNumber { get; set; }
    public string? Bic { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class FeeStatementConfiguration :
    IEntityTypeConfiguration<FeeStatement>, IEntityTypeConfiguration<TravelCost>, IEntityTypeConfiguration<AdvisorBankDetails>
{
    public void Configure(EntityTypeBuilder<FeeStatement> b)
    {
        b.HasIndex(x => new { x.AdvisorId, x.Year, x.Month }).IsUnique();
        b.HasIndex(x => new { x.PoolId, x.Status, x.Year, x.Month });
        b.HasIndex(x => new { x.AdvisorId, x.InvoiceNumber }).IsUnique();
        b.Property(x => x.InvoiceNumber).HasMaxLength(20);
        b.Property(x => x.ReleasedByUserId).HasMaxLength(450);
        b.Property(x => x.PayeeBic).HasMaxLength(11);
        b.Property(x => x.DayRate).HasPrecision(10, 2);
        b.Property(x => x.OtherCosts).HasPrecision(10, 2);
        b.Property(x => x.OtherCostsNote).HasMaxLength(500);
        b.Property(x => x.TaxNote).HasMaxLength(500);
        b.Property(x => x.ReturnComment).HasMaxLength(1000);
        b.Property(x => x.PayeeAccountHolder).HasMaxLength(120);
        b.Property(x => x.PayeeIbanProtected).HasMaxLength(1000);
        b.Property(x => x.PayeeIbanLast4).HasMaxLength(4);
        b.HasOne<Pool>().WithMany().HasForeignKey(x => x.PoolId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Advisor>().WithMany().HasForeignKey(x => x.AdvisorId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.TravelCosts).WithOne().HasForeignKey(x => x.FeeStatementId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<TravelCost> b)
    {
        b.Property(x => x.Description).HasMaxLength(300);
        b.Property(x => x.Kilometres).HasPrecision(8, 1);
        b.Property(x => x.Amount).HasPrecision(10, 2);
        b.Property(x => x.ReceiptContentType).HasMaxLength(100);
        b.Property(x => x.ReceiptFileName).HasMaxLength(200);
    }

    public void Configure(EntityTypeBuilder<AdvisorBankDetails> b)
    {
        b.HasKey(x => x.AdvisorId);
        b.Property(x => x.AccountHolder).HasMaxLength(120);
        b.Property(x => x.IbanProtected).HasMaxLength(1000);
        b.Property(x => x.IbanLast4).HasMaxLength(4);
        b.Property(x => x.Street).HasMaxLength(150);
        b.Property(x => x.PostalCode).HasMaxLength(10);
        b.Property(x => x.City).HasMaxLength(100);
        b.Property(x => x.TaxNumber).HasMaxLength(40);
        b.Property(x => x.Bic).HasMaxLength(11);
        b.HasOne<Advisor>().WithOne().HasForeignKey<AdvisorBankDetails>(x => x.AdvisorId).OnDelete(DeleteBehavior.Cascade);
    }
}
