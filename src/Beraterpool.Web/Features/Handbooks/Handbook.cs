using Beraterpool.Web.Features.Pools;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beraterpool.Web.Features.Handbooks;

/// <summary>
/// A pool's handbook (participant handbook, transfer handbook, any other) or its public self-description: ordered
/// chapters in Markdown. Every change is kept as a <see cref="HandbookVersion"/>, a snapshot of the whole handbook.
/// </summary>
public sealed class Handbook
{
    public const int TitleLength = 200, SlugLength = 60;
    /// <summary>The address of the pool's self-description: /handbooks/profil.</summary>
    public const string ProfileSlug = "profil";

    public int Id { get; set; }
    public int PoolId { get; set; }
    /// <summary>URL name, unique per pool: /handbooks/{Slug}.</summary>
    public required string Slug { get; set; }
    public required string Title { get; set; }
    public HandbookKind Kind { get; set; } = HandbookKind.Other;
    public HandbookVisibility Visibility { get; set; } = HandbookVisibility.Coordinators;
    /// <summary>The number of the latest version; a concurrency token, so of two saves at once only one wins.</summary>
    public int Revision { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public List<HandbookChapter> Chapters { get; set; } = [];
    public List<HandbookVersion> Versions { get; set; } = [];
}

/// <summary>
/// <see cref="SitePage"/>: a page of the public site (about the pool, the offer, how a consultation works, FAQ, contact) at
/// /info/{Slug}, listed in every footer once public; kept as a handbook so it has the same chapters, versions, diff and restore.
/// </summary>
public enum HandbookKind { Participant = 1, Transfer = 2, Other = 3, Profile = 4, SitePage = 5 }

/// <summary>Who may read a handbook; each level includes the ones after it (coordinators read everything of their pool).</summary>
public enum HandbookVisibility { Public = 0, Advisors = 1, Coordinators = 2 }

public sealed class HandbookChapter
{
    public const int MarkdownLength = 60_000;

    public int Id { get; set; }
    public int HandbookId { get; set; }
    public int Position { get; set; }
    public required string Title { get; set; }
    public string Markdown { get; set; } = "";
}

/// <summary>One saved state of a handbook: its title and all chapters (JSON, see <see cref="HandbookSnapshot"/>), who saved it and when.</summary>
public sealed class HandbookVersion
{
    public int Id { get; set; }
    public int HandbookId { get; set; }
    public int Number { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? AuthorUserId { get; set; }
    public HandbookChange Change { get; set; }
    /// <summary>What the change was about: a chapter's title, or the number of the version restored.</summary>
    public string? Subject { get; set; }
    public required string Title { get; set; }
    public required string ChaptersJson { get; set; }
}

public enum HandbookChange { Created = 1, ChapterSaved = 2, ChapterAdded = 3, ChapterRemoved = 4, ChapterMoved = 5, SettingsChanged = 6, Restored = 7 }

public sealed class HandbookConfiguration : IEntityTypeConfiguration<Handbook>
{
    public void Configure(EntityTypeBuilder<Handbook> b)
    {
        b.Property(x => x.Slug).HasMaxLength(Handbook.SlugLength);
        b.Property(x => x.Title).HasMaxLength(Handbook.TitleLength);
        b.Property(x => x.Revision).IsConcurrencyToken();
        b.HasIndex(x => new { x.PoolId, x.Slug }).IsUnique();
        b.HasOne<Pool>().WithMany().HasForeignKey(x => x.PoolId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Chapters).WithOne().HasForeignKey(x => x.HandbookId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Versions).WithOne().HasForeignKey(x => x.HandbookId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class HandbookChapterConfiguration : IEntityTypeConfiguration<HandbookChapter>
{
    public void Configure(EntityTypeBuilder<HandbookChapter> b)
    {
        b.Property(x => x.Title).HasMaxLength(Handbook.TitleLength);
        b.Property(x => x.Markdown).HasMaxLength(HandbookChapter.MarkdownLength);
        b.HasIndex(x => new { x.HandbookId, x.Position });
    }
}

public sealed class HandbookVersionConfiguration : IEntityTypeConfiguration<HandbookVersion>
{
    public void Configure(EntityTypeBuilder<HandbookVersion> b)
    {
        b.Property(x => x.AuthorUserId).HasMaxLength(450);
        b.Property(x => x.Subject).HasMaxLength(Handbook.TitleLength);
        b.Property(x => x.Title).HasMaxLength(Handbook.TitleLength);
        b.HasIndex(x => new { x.HandbookId, x.Number }).IsUnique();
    }
}
