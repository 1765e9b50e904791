using Beraterpool.Web.Features.Engagements;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beraterpool.Web.Features.Messages;

/// <summary>Who wrote a message: the municipality (by its personal link or its account), the pool's office, an advisor.</summary>
public enum MessageSide { Municipality = 0, Office = 1, Advisor = 2 }

/// <summary>
/// One message of the conversation between a municipality and the pool: about a request (EngagementId null) or about
/// one of its engagements. Everything here is read by the municipality — internal notes live elsewhere.
/// </summary>
public sealed class Message
{
    public const int MaxLength = 4000;

    public int Id { get; set; }
    public int PoolId { get; set; }
    public int RequestId { get; set; }
    public int? EngagementId { get; set; }
    public MessageSide Side { get; set; }
    /// <summary>Null when the municipality wrote through its personal link (no account).</summary>
    public string? AuthorUserId { get; set; }
    public required string AuthorName { get; set; }
    public required string Body { get; set; }
    public DateTimeOffset SentAt { get; set; }
    /// <summary>
    /// For the municipality's messages: when a coordinator of the pool first opened the conversation. Kept here, in the
    /// database, because each message belongs to exactly one pool and several app instances share the state.
    /// </summary>
    public DateTimeOffset? ReadByOfficeAt { get; set; }
}

public sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> b)
    {
        b.HasIndex(x => new { x.RequestId, x.EngagementId, x.SentAt });
        // The queue's grouped count of unread messages from municipalities.
        b.HasIndex(x => new { x.PoolId, x.Side, x.ReadByOfficeAt });
        b.Property(x => x.AuthorName).HasMaxLength(200);
        b.Property(x => x.Body).HasMaxLength(Message.MaxLength);
        b.HasOne<Pool>().WithMany().HasForeignKey(x => x.PoolId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ConsultationRequest>().WithMany().HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Engagement>().WithMany().HasForeignKey(x => x.EngagementId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Accounts.AppUser>().WithMany().HasForeignKey(x => x.AuthorUserId).OnDelete(DeleteBehavior.SetNull);
    }
}
