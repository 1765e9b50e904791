using Beraterpool.Web.Features.Pools;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beraterpool.Web.Features.Email;

/// <summary>Pending: waits for its next attempt; Sending: claimed by one instance; Sent and Failed end it.</summary>
public enum OutboxStatus { Pending = 0, Sending = 1, Sent = 2, Failed = 3 }

/// <summary>
/// One mail in the database outbox (<see cref="MailOutbox"/>): written before it is sent, so a mail server that is down
/// loses nothing. A sent mail keeps its row without its text (retention deletes it after a period, from
/// <see cref="SentAt"/>); a mail that failed too long stays Failed until a coordinator sends it again or discards it.
/// </summary>
public sealed class OutboxMail
{
    public long Id { get; set; }
    /// <summary>The one column with the recipient's address: erasure and the export find a person's mails by it.</summary>
    public required string To { get; set; }
    public required string Subject { get; set; }
    /// <summary>Emptied once the mail is sent: it may hold one-time links (password, sign-in) the database should not keep.</summary>
    public required string TextBody { get; set; }
    public string? HtmlBody { get; set; }
    public string? ReplyTo { get; set; }
    /// <summary>The one attached file (<see cref="EmailAttachment"/>); emptied with the body once the mail is sent.</summary>
    public string? AttachmentName { get; set; }
    public string? AttachmentType { get; set; }
    public byte[]? AttachmentContent { get; set; }
    /// <summary>The <see cref="MailTemplate.Id"/>, e.g. <c>fees.approved</c>.</summary>
    public required string TemplateId { get; set; }
    /// <summary>The pool the mail is about; its coordinators see it in the list. Null: seen by administrators only.</summary>
    public int? PoolId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Start of the current round of attempts: creation, or the last "Erneut senden". The retry limit counts from here.</summary>
    public DateTimeOffset QueuedAt { get; set; }
    /// <summary>Attempts in the current round.</summary>
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    /// <summary>What the mail server or the file system answered, for the coordinator; never a password.</summary>
    public string? LastError { get; set; }
    public OutboxStatus Status { get; set; }
    /// <summary>The instance sending it now, and until when its claim holds (after a crash another instance takes over).</summary>
    public string? ClaimedBy { get; set; }
    public DateTimeOffset? ClaimedUntil { get; set; }
}

public sealed class OutboxMailConfiguration : IEntityTypeConfiguration<OutboxMail>
{
    public const int MaxError = 1000;

    public void Configure(EntityTypeBuilder<OutboxMail> b)
    {
        b.ToTable("OutboxMails");
        b.Property(x => x.To).HasMaxLength(320);
        b.Property(x => x.ReplyTo).HasMaxLength(320);
        b.Property(x => x.Subject).HasMaxLength(500);
        b.Property(x => x.TemplateId).HasMaxLength(100);
        b.Property(x => x.AttachmentName).HasMaxLength(200);
        b.Property(x => x.AttachmentType).HasMaxLength(100);
        b.Property(x => x.LastError).HasMaxLength(MaxError);
        b.Property(x => x.ClaimedBy).HasMaxLength(64);
        // The sender's question: which mails are due now.
        b.HasIndex(x => new { x.Status, x.NextAttemptAt });
        b.HasIndex(x => x.To);
        b.HasIndex(x => new { x.PoolId, x.Status });
        b.HasOne<Pool>().WithMany().HasForeignKey(x => x.PoolId).OnDelete(DeleteBehavior.SetNull);
    }
}
