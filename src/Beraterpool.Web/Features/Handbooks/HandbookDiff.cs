using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace Beraterpool.Web.Features.Handbooks;

public enum DiffKind { Same, Added, Removed, Gap }

/// <summary>One line of a comparison; a <see cref="DiffKind.Gap"/> stands for <see cref="Skipped"/> unchanged lines not shown.</summary>
public sealed record DiffLine(DiffKind Kind, string Text, int Skipped = 0);

/// <summary>
/// A line diff of two versions' texts (DiffPlex): every added and removed line, with <c>context</c> unchanged lines
/// around each change; longer unchanged stretches become one gap line, so a small change in a long handbook stays findable.
/// </summary>
public static class HandbookDiff
{
    public static IReadOnlyList<DiffLine> Compare(string before, string after, int context = 2)
    {
        var pieces = InlineDiffBuilder.Diff(before, after, ignoreWhiteSpace: false).Lines
            .Where(p => p.Type != ChangeType.Imaginary)
            .Select(p => new DiffLine(p.Type switch { ChangeType.Inserted => DiffKind.Added, ChangeType.Deleted => DiffKind.Removed, _ => DiffKind.Same }, p.Text ?? ""))
            .ToList();
        var keep = new bool[pieces.Count];
        for (var i = 0; i < pieces.Count; i++)
        {
            if (pieces[i].Kind == DiffKind.Same) continue;
            for (var j = Math.Max(0, i - context); j <= Math.Min(pieces.Count - 1, i + context); j++) keep[j] = true;
        }
        var lines = new List<DiffLine>();
        var skipped = 0;
        for (var i = 0; i < pieces.Count; i++)
        {
            if (keep[i])
            {
                if (skipped > 0) lines.Add(new DiffLine(DiffKind.Gap, "", skipped));
                skipped = 0;
                lines.Add(pieces[i]);
            }
            else skipped++;
        }
        if (skipped > 0 && lines.Count > 0) lines.Add(new DiffLine(DiffKind.Gap, "", skipped));
        return lines;
    }
}
