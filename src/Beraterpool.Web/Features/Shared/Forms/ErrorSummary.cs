using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Beraterpool.Web.Features.Shared.Forms;

/// <summary>
/// The messages of the error summary in page order. ModelState keeps them in the order they were found (a missing
/// field is found after every posted one, a page's own rules last), so they are sorted by where each property is
/// declared in the page model, which is the order the forms show them in; messages for no field come first.
/// </summary>
public static partial class ErrorSummary
{
    public sealed record Entry(string Key, string TargetId, string Message);

    public static IReadOnlyList<Entry> Ordered(ModelStateDictionary state, ModelMetadata root)
    {
        var errors = state
            .Where(e => e.Value is { Errors.Count: > 0 } && !string.IsNullOrEmpty(e.Value.Errors[0].ErrorMessage))
            .Select((e, found) => (e.Key, Message: e.Value!.Errors[0].ErrorMessage, Found: found))
            .ToList();
        return errors
            .OrderBy(e => Position(root, e.Key), PositionComparer.Instance)
            .ThenBy(e => e.Found)
            .Select(e => new Entry(e.Key, TagBuilder.CreateSanitizedId(e.Key, "_"), e.Message))
            .ToList();
    }

    /// <summary>"Input.Languages[2].Code" → [index of Input, index of Languages, 2, index of Code]; unknown parts sort last.</summary>
    public static int[] Position(ModelMetadata root, string key)
    {
        if (key.Length == 0) return [-1];
        var position = new List<int>();
        ModelMetadata? current = root;
        foreach (var part in key.Split('.'))
        {
            var m = Segment().Match(part);
            var name = m.Success ? m.Groups["name"].Value : part;
            (var index, current) = current is null ? (-1, null) : Find(current, name);
            position.Add(index < 0 ? int.MaxValue : index);
            if (!m.Success) continue;
            foreach (Capture i in m.Groups["index"].Captures)
            {
                position.Add(int.TryParse(i.Value, out var n) ? n : int.MaxValue);
                current = current?.ElementMetadata;
            }
        }
        return position.ToArray();
    }

    private static (int Index, ModelMetadata? Property) Find(ModelMetadata metadata, string name)
    {
        var i = 0;
        foreach (var p in metadata.Properties)
        {
            if (string.Equals(p.PropertyName, name, StringComparison.OrdinalIgnoreCase)) return (i, p);
            i++;
        }
        return (-1, null);
    }

    [GeneratedRegex(@"^(?<name>[^\[]*)(?:\[(?<index>[^\]]*)\])+$")]
    private static partial Regex Segment();

    private sealed class PositionComparer : IComparer<int[]>
    {
        public static readonly PositionComparer Instance = new();

        public int Compare(int[]? x, int[]? y)
        {
            x ??= []; y ??= [];
            for (var i = 0; i < Math.Min(x.Length, y.Length); i++)
                if (x[i] != y[i]) return x[i].CompareTo(y[i]);
            return x.Length.CompareTo(y.Length);
        }
    }
}
