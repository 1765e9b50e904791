using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Beraterpool.Web.Features.Handbooks;

public sealed record SnapshotChapter(string Title, string Markdown);

/// <summary>A handbook as one version holds it: the title and the chapters in their order.</summary>
public sealed record HandbookSnapshot(string Title, IReadOnlyList<SnapshotChapter> Chapters)
{
    // Umlauts stay readable in the column (backups, the erasure scrub searches text columns).
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static HandbookSnapshot Of(Handbook handbook) =>
        new(handbook.Title, handbook.Chapters.OrderBy(c => c.Position).Select(c => new SnapshotChapter(c.Title, c.Markdown)).ToList());

    public static HandbookSnapshot Of(HandbookVersion version) =>
        new(version.Title, JsonSerializer.Deserialize<List<SnapshotChapter>>(version.ChaptersJson, Json) ?? []);

    public string ChaptersJson() => JsonSerializer.Serialize(Chapters, Json);

    /// <summary>The whole handbook as one Markdown text, chapter by chapter: what the diff compares line by line.</summary>
    public string ToText()
    {
        var text = new StringBuilder().Append("# ").Append(Title).Append('\n');
        var n = 0;
        foreach (var c in Chapters)
        {
            text.Append('\n').Append("## ").Append(++n).Append(". ").Append(c.Title).Append("\n\n");
            if (c.Markdown.Length > 0) text.Append(c.Markdown.ReplaceLineEndings("\n").TrimEnd('\n')).Append('\n');
        }
        return text.ToString();
    }
}
