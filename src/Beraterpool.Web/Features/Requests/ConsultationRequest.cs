using Beraterpool.Web.Features.Municipalities;
using Beraterpool.Web.Features.Pools;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beraterpool.Web.Features.Requests;

/// <summary>What a municipality asks for. The municipality sets the goal and the need.</summary>
public sealed class ConsultationRequest
{
    public int Id { get; set; }
    public int PoolId { get; set; }
    /// <summary>Human reference for letters and phone calls, e.g. "BA-2026-0042".</summary>
    public required string Reference { get; set; }
    /// <summary>Official key of the municipality or district (5 or 8 digits).</summary>
    public required string MunicipalityKey { get; set; }
    public string? Department { get; set; }
    public required string ContactName { get; set; }
    public string? ContactFunction { get; set; }
    public required string ContactEmail { get; set; }
    public string? ContactPhone { get; set; }
    public required string Goal { get; set; }
    public required string Need { get; set; }
    public DateOnly? PreferredFrom { get; set; }
    public DateOnly? PreferredTo { get; set; }
    public ConsultationFormat Format { get; set; } = ConsultationFormat.Mixed;
    public string? HeardFrom { get; set; }
    public DateTimeOffset ConsentGivenAt { get; set; }
    /// <summary>UI language the request was written in (de, en, fr): later e-mails to the contact use it.</summary>
    public string Culture { get; set; } = "de";
    public RequestStatus Status { get; set; } = RequestStatus.Submitted;
    /// <summary>Reason shown to the municipality when declined or when information is missing.</summary>
    public string? StatusReason { get; set; }
    /// <summary>SHA-256 of the personal follow-up link's secret; the secret itself is only in the contact's e-mail.</summary>
    public required string TrackingTokenHash { get; set; }
    /// <summary>The municipality contact's account, when they have one.</summary>
    public string? ContactUserId { get; set; }
    /// <summary>The coordinator who looks after the request (assignable); null = nobody yet.</summary>
    public string? ResponsibleUserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public List<RequestTopic> Topics { get; set; } = [];
    public List<RequestLanguage> Languages { get; set; } = [];
    public List<RequestStatusChange> StatusChanges { get; set; } = [];
}

public enum ConsultationFormat { OnSite = 1, Online = 2, Mixed = 3 }

public enum RequestStatus
{
    Submitted = 0, Intake = 1, Matching = 2, InProgress = 3, Completed = 4,
    NeedsInformation = 10, Declined = 11, Withdrawn = 12,
}

public sealed class RequestTopic
{
    public int RequestId { get; set; }
    public int TopicId { get; set; }
}

public sealed class RequestLanguage
{
    public int RequestId { get; set; }
    public required string LanguageCode { get; set; }
}

/// <summary>One step of the request's timeline: who moved it from which state to which, when, and why.</summary>
public sealed class RequestStatusChange
{
    public long Id { get; set; }
    public int RequestId { get; set; }
    public RequestStatus? From { get; set; }
    public RequestStatus To { get; set; }
    public DateTimeOffset At { get; set; }
    public string? ActorUserId { get; set; }
    /// <summary>Name as shown in the timeline (kept even if the account is deleted).</summary>
    public required string ActorName { get; set; }
    public string? Note { get; set; }
}

/// <summary>"Before every engagement stands the conversation": the coordinator's record of the first talk.</summary>
public sealed class IntakeConversation
{
    public int Id { get; set; }
    public int RequestId { get; set; }
    public DateOnly Date { get; set; }
    public required string Participants { get; set; }
    public required string ClarifiedGoal { get; set; }
    public required string ClarifiedNeed { get; set; }
    /// <summary>Agreed topic ids (the pool's topics).</summary>
    public List<int> AgreedTopicIds { get; set; } = [];
    /// <summary>Expected advisor days, in half days (e.g. 7 = 3.5 days).</summary>
    public int ExpectedHalfDays { get; set; }
    public required string Outcome { get; set; }
    public string? RecordedByUserId { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

public sealed class ConsultationRequestConfiguration :
    IEntityTypeConfiguration<ConsultationRequest>, IEntityTypeConfiguration<RequestTopic>, IEntityTypeConfiguration<RequestLanguage>,
    IEntityTypeConfiguration<RequestStatusChange>, IEntityTypeConfiguration<IntakeConversation>
{
    public void Configure(EntityTypeBuilder<ConsultationRequest> b)
    {
        b.HasIndex(r => r.Reference).IsUnique();
        b.HasIndex(r => new { r.PoolId, r.Status, r.CreatedAt });
        b.HasIndex(r => r.MunicipalityKey);
        b.HasIndex(r => r.ContactUserId);
        b.HasIndex(r => new { r.PoolId, r.ResponsibleUserId });
        b.HasIndex(r => r.TrackingTokenHash).IsUnique();
        b.Property(r => r.Reference).HasMaxLength(20);
        b.Property(r => r.MunicipalityKey).HasMaxLength(8);
        b.Property(r => r.Department).HasMaxLength(150);
        b.Property(r => r.ContactName).HasMaxLength(120);
        b.Property(r => r.ContactFunction).HasMaxLength(120);
        b.Property(r => r.ContactEmail).HasMaxLength(200);
        b.Property(r => r.ContactPhone).HasMaxLength(40);
        b.Property(r => r.Goal).HasMaxLength(2000);
        b.Property(r => r.Need).HasMaxLength(2000);
        b.Property(r => r.HeardFrom).HasMaxLength(200);
        b.Property(r => r.Culture).HasMaxLength(5);
        b.Property(r => r.StatusReason).HasMaxLength(1000);
        b.Property(r => r.TrackingTokenHash).HasMaxLength(64);
        b.HasOne<Pool>().WithMany().HasForeignKey(r => r.PoolId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Municipality>().WithMany().HasForeignKey(r => r.MunicipalityKey).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Accounts.AppUser>().WithMany().HasForeignKey(r => r.ContactUserId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Accounts.AppUser>().WithMany().HasForeignKey(r => r.ResponsibleUserId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(r => r.Topics).WithOne().HasForeignKey(t => t.RequestId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.Languages).WithOne().HasForeignKey(t => t.RequestId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.StatusChanges).WithOne().HasForeignKey(t => t.RequestId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<RequestTopic> b)
    {
        b.HasKey(x => new { x.RequestId, x.TopicId });
        b.HasOne<Topic>().WithMany().HasForeignKey(x => x.TopicId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<RequestLanguage> b)
    {
        b.HasKey(x => new { x.RequestId, x.LanguageCode });
        b.Property(x => x.LanguageCode).HasMaxLength(3);
    }

    public void Configure(EntityTypeBuilder<RequestStatusChange> b)
    {
        b.HasIndex(x => new { x.RequestId, x.At });
        b.Property(x => x.ActorName).HasMaxLength(120);
        b.Property(x => x.Note).HasMaxLength(1000);
    }

    public void Configure(EntityTypeBuilder<IntakeConversation> b)
    {
        b.HasIndex(x => x.RequestId);
        b.Property(x => x.Participants).HasMaxLength(500);
        b.Property(x => x.ClarifiedGoal).HasMaxLength(2000);
        b.Property(x => x.ClarifiedNeed).HasMaxLength(2000);
        b.Property(x => x.Outcome).HasMaxLength(2000);
        b.Property(x => x.AgreedTopicIds).HasConversion(
                v => string.Join(',', v),
                v => v.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList(),
                new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<List<int>>(
                    (a, c) => a!.SequenceEqual(c!), v => v.Aggregate(0, (h, x) => HashCode.Combine(h, x)), v => v.ToList()))
            .HasMaxLength(200);
        b.HasOne<ConsultationRequest>().WithMany().HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.Cascade);
    }
}
