using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beraterpool.Web.Features.Privacy;

/// <summary>
/// The proof that a person was erased (Art. 17, and Art. 5(2) accountability): when, by which administrator, how many
/// records of each kind were deleted, anonymised or kept — and nothing that names the erased person.
/// </summary>
public sealed class ErasureReceipt
{
    public int Id { get; set; }
    /// <summary>E.g. "LÖ-2026-7F3A9C": quoted in the answer to the person, who keeps their own copy of it.</summary>
    public required string Reference { get; set; }
    public DateTimeOffset At { get; set; }
    public string? ByUserId { get; set; }
    /// <summary>The administrator's name at the time (the account may go later).</summary>
    public required string ByName { get; set; }
    /// <summary>Counts per record kind as JSON, e.g. {"erased":{"account":1,…},"anonymised":{…},"kept":{"feeStatements":2}}.</summary>
    public required string Counts { get; set; }
}

public sealed class ErasureReceiptConfiguration : IEntityTypeConfiguration<ErasureReceipt>
{
    public void Configure(EntityTypeBuilder<ErasureReceipt> b)
    {
        b.HasIndex(x => x.Reference).IsUnique();
        b.HasIndex(x => x.At);
        b.Property(x => x.Reference).HasMaxLength(20);
        b.Property(x => x.ByName).HasMaxLength(200);
        b.Property(x => x.Counts).HasMaxLength(4000);
    }
}
