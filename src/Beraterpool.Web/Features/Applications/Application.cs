using Beraterpool.Web.Features.Advisors;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beraterpool.Web.Features.Applications;

/// <summary>
/// Submitted: received, the applicant may change it until the deadline. Accepted / WaitingList / Declined: the decision,
/// told to the applicant once the coordinator sent the decisions (<see cref="Application.DecisionSentAt"/>).
/// </summary>
public enum ApplicationStatus { Submitted = 1, Accepted = 2, WaitingList = 3, Declined = 4 }

/// <summary>
/// One person's application to a call, without an account: the personal link (its secret stored as a hash) lets them
/// read and change it until the deadline and see its status afterwards. Country of origin is a special category
/// (Art. 9 GDPR) and is kept only with the applicant's explicit consent.
/// </summary>
public sealed class Application
{
    public int Id { get; set; }
    public int CallId { get; set; }
    public int PoolId { get; set; }
    public required string FirstName { get; set; }
    public required string LastName { get; set; }
    public required string Email { get; set; }
    public string? Phone { get; set; }
    /// <summary>The municipality's official key (AGS) from the register.</summary>
    public string? CityKey { get; set; }
    public Gender Gender { get; set; } = Gender.NotStated;
    public int? BirthYear { get; set; }
    /// <summary>Language codes (ISO 639), comma-separated.</summary>
    public string? Languages { get; set; }
    /// <summary>Country codes (ISO 3166), comma-separated; only with <see cref="CountriesConsentAt"/>.</summary>
    public string? CountryCodes { get; set; }
    public DateTimeOffset? CountriesConsentAt { get; set; }
    /// <summary>Topic ids of the pool, comma-separated.</summary>
    public string? TopicIds { get; set; }
    public required string Motivation { get; set; }
    public string? Experience { get; set; }
    public ApplicationStatus Status { get; set; } = ApplicationStatus.Submitted;
    public DateTimeOffset? DecidedAt { get; set; }
    public DateTimeOffset? DecisionSentAt { get; set; }
    /// <summary>The advisor record an accepted application became (profile fields carried over).</summary>
    public int? AdvisorId { get; set; }
    public required string TokenHash { get; set; }
    public string? Culture { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public List<ApplicationAnswer> Answers { get; set; } = [];

    public string FullName => $"{FirstName} {LastName}";

    public static IReadOnlyList<string> Split(string? csv) => (csv ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>The answer to one custom question: the text, the chosen option(s) one per line, or "ja"/"nein".</summary>
public sealed class ApplicationAnswer
{
    public int Id { get; set; }
    public int ApplicationId { get; set; }
    public int QuestionId { get; set; }
    public string? Value { get; set; }
}

/// <summary>
/// An uploaded file: the CV (<see cref="QuestionId"/> null) or the answer to a file question. While the form is not yet
/// sent it is pending: no application, found by the secret in the form's hidden field, removed after a day.
/// </summary>
public sealed class ApplicationFile
{
    public const long MaxBytes = 5 * 1024 * 1024;

    public int Id { get; set; }
    public int? ApplicationId { get; set; }
    public int? QuestionId { get; set; }
    /// <summary>Hash of the secret the form carries while the upload is pending.</summary>
    public string? PendingTokenHash { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required byte[] Content { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
}

public sealed class ApplicationConfiguration :
    IEntityTypeConfiguration<Application>, IEntityTypeConfiguration<ApplicationAnswer>, IEntityTypeConfiguration<ApplicationFile>
{
    public void Configure(EntityTypeBuilder<Application> b)
    {
        b.Property(x => x.FirstName).HasMaxLength(80);
        b.Property(x => x.LastName).HasMaxLength(80);
        b.Property(x => x.Email).HasMaxLength(320);
        b.Property(x => x.Phone).HasMaxLength(40);
        b.Property(x => x.CityKey).HasMaxLength(8);
        b.Property(x => x.Languages).HasMaxLength(400);
        b.Property(x => x.CountryCodes).HasMaxLength(400);
        b.Property(x => x.TopicIds).HasMaxLength(400);
        b.Property(x => x.Motivation).HasMaxLength(4000);
        b.Property(x => x.Experience).HasMaxLength(4000);
        b.Property(x => x.TokenHash).HasMaxLength(64);
        b.Property(x => x.Culture).HasMaxLength(5);
        b.HasIndex(x => x.TokenHash).IsUnique();
        b.HasIndex(x => new { x.CallId, x.Status });
        b.HasIndex(x => new { x.PoolId, x.Email });
        b.HasOne<Call>().WithMany().HasForeignKey(x => x.CallId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Advisor>().WithMany().HasForeignKey(x => x.AdvisorId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(x => x.Answers).WithOne().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ApplicationAnswer> b)
    {
        b.Property(x => x.Value).HasMaxLength(4000);
        b.HasIndex(x => new { x.ApplicationId, x.QuestionId }).IsUnique();
        b.HasOne<CallQuestion>().WithMany().HasForeignKey(x => x.QuestionId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ApplicationFile> b)
    {
        b.Property(x => x.FileName).HasMaxLength(200);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.Property(x => x.PendingTokenHash).HasMaxLength(64);
        b.HasIndex(x => x.PendingTokenHash).IsUnique();
        b.HasIndex(x => new { x.ApplicationId, x.QuestionId });
        b.HasOne<Application>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<CallQuestion>().WithMany().HasForeignKey(x => x.QuestionId).OnDelete(DeleteBehavior.Cascade);
    }
}
