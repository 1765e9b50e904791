using Beraterpool.Web.Features.Advisors;
using Beraterpool.Web.Features.Pools;
using Beraterpool.Web.Features.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beraterpool.Web.Features.Privacy.Consents;

/// <summary>
/// One grant or withdrawal of a consent, never changed afterwards: the proof a data protection officer asks for
/// (Art. 7(1) GDPR) of what was consented to in which wording, when, how and by whom. The current state lives elsewhere
/// (<see cref="AdvisorConsent"/> rows, <see cref="ConsultationRequest.ConsentGivenAt"/>); this table is its history and is
/// written in the same SaveChanges as the change it records.
/// </summary>
public sealed class ConsentRecord
{
    public long Id { get; set; }
    public int PoolId { get; set; }
    /// <summary>The advisor whose profile field it is about; null for a request's consent.</summary>
    public int? AdvisorId { get; set; }
    public Advisor? Advisor { get; set; }
    /// <summary>The consultation request whose processing was consented to; null for an advisor's consent.</summary>
    public int? RequestId { get; set; }
    /// <summary>What was consented to, a <see cref="ConsentPurposes"/> key, e.g. "publish.CountriesOfOrigin".</summary>
    public required string Purpose { get; set; }
    /// <summary>The wording shown, a <see cref="ConsentWordings"/> key: the text itself is kept in the code under that key.</summary>
    public required string Wording { get; set; }
    public ConsentAction Action { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>How: a <see cref="ConsentWays"/> key (own profile form, office, request form, demo seed, import).</summary>
    public required string Via { get; set; }
    /// <summary>The signed-in account that ticked or unticked the box, if any.</summary>
    public string? ByUserId { get; set; }
    /// <summary>Who, when no account did it: the request's contact person as they named themselves.</summary>
    public string? ByName { get; set; }
}

public enum ConsentAction { Granted = 1, Withdrawn = 2 }

/// <summary>The purposes a consent is asked for.</summary>
public static class ConsentPurposes
{
    public const string RequestProcessing = "request.processing";
    private const string PublishPrefix = "publish.";

    /// <summary>Publishing one profile field in the directory, the open data and the statistics.</summary>
    public static string Publish(ConsentField field) => PublishPrefix + field;

    public static ConsentField? FieldOf(string purpose) =>
        purpose.StartsWith(PublishPrefix, StringComparison.Ordinal) && Enum.TryParse<ConsentField>(purpose[PublishPrefix.Length..], out var f) ? f : null;
}

/// <summary>
/// The consent texts as shown, by version. A changed text gets a new key here (and the form its new text), so every
/// recorded consent still names the words the person agreed to.
/// </summary>
public static class ConsentWordings
{
    /// <summary>Consents recorded before the history was kept: the wording then shown is not known.</summary>
    public const string Unknown = "unknown";
    public const string PublishV1 = "publish-v1";
    public const string OriginArt9V1 = "origin-art9-v1";
    public const string RequestV1 = "request-v1";

    public static readonly IReadOnlyDictionary<string, string> Texts = new Dictionary<string, string>
    {
        [PublishV1] = "Diese Angaben dürfen veröffentlicht werden. (Im öffentlichen Verzeichnis erscheinen Ihr Name und nur die "
                      + "Angaben, die Sie hier freigeben. Sie können jede Freigabe jederzeit zurücknehmen; die Angabe verschwindet dann "
                      + "sofort aus dem Verzeichnis und den offenen Daten.)",
        [OriginArt9V1] = "Ich willige ausdrücklich ein, dass meine Herkunftsländer im öffentlichen Verzeichnis und in den offenen Daten "
                         + "veröffentlicht werden. (Art. 9 DSGVO; freiwillig und jederzeit widerrufbar, ohne Nachteile.)",
        [RequestV1] = "Ich stimme der Verarbeitung meiner Angaben zu diesem Zweck zu. (Wir verarbeiten Ihre Angaben nur, um Ihre "
                      + "Anfrage zu bearbeiten und die Begleitung Ihrer Kommune zu organisieren.)",
    };

    /// <summary>The wording the profile form currently shows for a field.</summary>
    public static string ForField(ConsentField field) => field == ConsentField.CountriesOfOrigin ? OriginArt9V1 : PublishV1;
}

public sealed class ConsentRecordConfiguration : IEntityTypeConfiguration<ConsentRecord>
{
    public void Configure(EntityTypeBuilder<ConsentRecord> b)
    {
        b.Property(x => x.Purpose).HasMaxLength(60);
        b.Property(x => x.Wording).HasMaxLength(40);
        b.Property(x => x.Via).HasMaxLength(40);
        b.Property(x => x.ByUserId).HasMaxLength(450);
        b.Property(x => x.ByName).HasMaxLength(200);
        // The history is read per person, newest first.
        b.HasIndex(x => new { x.AdvisorId, x.At });
        b.HasIndex(x => new { x.RequestId, x.At });
        b.HasOne<Pool>().WithMany().HasForeignKey(x => x.PoolId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Advisor).WithMany().HasForeignKey(x => x.AdvisorId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ConsultationRequest>().WithMany().HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.Cascade);
        b.ToTable(t => t.HasCheckConstraint("CK_ConsentRecords_Subject", "\"AdvisorId\" IS NOT NULL OR \"RequestId\" IS NOT NULL"));
    }
}
